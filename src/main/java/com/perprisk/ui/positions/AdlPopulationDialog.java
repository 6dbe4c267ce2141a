package com.perprisk.ui.positions;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Shows whom the ADL lights rank against and lets the user change the generated population (seed and count per
 * market and side); the result is saved in the workspace as its "counterparties", which the simulation uses too.
 */
final class AdlPopulationDialog {
    private AdlPopulationDialog() {
    }

    /** Seed and count chosen, or empty when cancelled or not a whole number in range. */
    record Choice(long seed, int perSide) {
    }

    static Optional<Choice> show(Window owner, String description, long seed, int perSide) {
        Dialog<Choice> d = new Dialog<>();
        d.setTitle("ADL population");
        d.setHeaderText("Whom the ADL lights rank against");
        if (owner != null) {
            d.initOwner(owner);
        }
        Label now = new Label("Now: " + description);
        now.setWrapText(true);
        now.setMaxWidth(460);
        TextField seedField = new TextField(Long.toString(seed));
        seedField.setId("adl-seed");
        TextField countField = new TextField(Integer.toString(perSide));
        countField.setId("adl-per-side");
        Label error = new Label();
        error.getStyleClass().add("field-error");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.add(now, 0, 0, 2, 1);
        grid.add(new Label("Counterparties per market and side"), 0, 1);
        grid.add(countField, 1, 1);
        grid.add(new Label("Seed"), 0, 2);
        grid.add(seedField, 1, 2);
        grid.add(error, 0, 3, 2, 1);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        var ok = d.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (parse(seedField.getText(), countField.getText()) == null) {
                error.setText("per side: a whole number 0–100,000; seed: a whole number");
                e.consume();
            }
        });
        d.setResultConverter(b -> b == ButtonType.OK ? parse(seedField.getText(), countField.getText()) : null);
        return d.showAndWait();
    }

    static Choice parse(String seed, String perSide) {
        try {
            long s = Long.parseLong(seed.strip());
            int n = Integer.parseInt(perSide.strip());
            return n < 0 || n > 100_000 ? null : new Choice(s, n);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
