package com.perprisk.ui.explain;

import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.display.Display;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The working behind the selected result: title, the formula in large type, a table of its terms (symbol, name,
 * value, unit), the formula with the values substituted, the result and the notes. A chooser switches the quantity
 * (writes {@link RiskContext#selectedQuantityProperty()}).
 */
public final class ExplainPane extends VBox {
    private final ExplainViewModel viewModel;
    private final RiskContext context;
    private final Label subject = new Label();
    private final ComboBox<String> chooser = new ComboBox<>();
    private final Label title = new Label();
    private final Label formula = new Label();
    private final TableView<Term> terms = new TableView<>();
    private final Label substituted = new Label();
    private final Label result = new Label();
    private final VBox notes = new VBox(4);
    private final Label message = new Label();

    public ExplainPane(RiskContext context) {
        this.context = context;
        this.viewModel = new ExplainViewModel(context);
        setSpacing(8);
        setPadding(new Insets(10));
        getStyleClass().add("explain-pane");

        subject.setStyle("-fx-font-size: 12px; -fx-opacity: 0.8;");
        chooser.setId("explain-quantity");
        chooser.setItems(viewModel.quantities());
        chooser.setConverter(new StringConverter<>() {
            @Override
            public String toString(String key) {
                return ExplainViewModel.label(key);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        chooser.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : ExplainViewModel.label(item));
            }
        });
        chooser.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(context.selectedQuantityProperty().get())) {
                context.selectedQuantityProperty().set(b);
            }
        });
        Label show = new Label("Explain:");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, show, chooser, gap, subject);
        top.setAlignment(Pos.CENTER_LEFT);

        title.setId("explain-title");
        title.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        formula.setId("explain-formula");
        formula.setWrapText(true);
        formula.setStyle("-fx-font-size: 20px; -fx-font-family: 'Serif'; -fx-padding: 6 10 6 10;"
                + " -fx-background-color: rgba(120,140,170,0.12); -fx-background-radius: 4;");
        formula.setMaxWidth(Double.MAX_VALUE);

        TableColumn<Term, String> sym = new TableColumn<>("Symbol");
        sym.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().symbol()));
        sym.setPrefWidth(80);
        TableColumn<Term, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(240);
        TableColumn<Term, String> val = new TableColumn<>("Value");
        val.setCellValueFactory(c -> new ReadOnlyStringWrapper(value(c.getValue())));
        val.setPrefWidth(150);
        val.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<Term, String> unit = new TableColumn<>("Unit");
        unit.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().unit()));
        unit.setPrefWidth(80);
        terms.getColumns().setAll(java.util.List.of(sym, name, val, unit));
        terms.setId("explain-terms");
        terms.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        terms.setFixedCellSize(26);
        terms.setPrefHeight(26 * 6 + 30);
        terms.setMinHeight(90);
        terms.setPlaceholder(new Label("no terms"));

        substituted.setId("explain-substituted");
        substituted.setWrapText(true);
        substituted.setStyle("-fx-font-size: 16px; -fx-font-family: 'Serif';");
        result.setId("explain-result");
        result.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        message.setId("explain-message");
        message.setWrapText(true);
        message.setStyle("-fx-font-size: 14px;");

        Label termsHeader = new Label("Where");
        Label subHeader = new Label("With the numbers");
        termsHeader.setStyle("-fx-font-weight: bold;");
        subHeader.setStyle("-fx-font-weight: bold;");
        getChildren().addAll(top, message, title, formula, termsHeader, terms, subHeader, substituted, result, notes);
        VBox.setVgrow(terms, Priority.SOMETIMES);

        viewModel.shownProperty().addListener((o, a, b) -> show(b));
        show(viewModel.getShown());
    }

    public ExplainViewModel getViewModel() {
        return viewModel;
    }

    private static String value(Term t) {
        return "rate".equals(t.unit()) ? Display.exact(t.value()) + "  (" + Display.percent(t.value()) + ")"
                : Display.exact(t.value());
    }

    private void show(ExplainViewModel.Shown s) {
        subject.setText(s.subject());
        if (s.quantity() != null && s.quantities().contains(s.quantity())) {
            chooser.setValue(s.quantity());
        } else {
            chooser.setValue(null);
        }
        Explanation e = s.explanation();
        boolean has = e != null;
        message.setText(has ? "" : Display.DASH + " " + s.message());
        message.setVisible(!has);
        message.setManaged(!has);
        for (var n : getChildren().subList(2, getChildren().size())) {
            n.setVisible(has);
            n.setManaged(has);
        }
        if (!has) {
            terms.getItems().clear();
            return;
        }
        title.setText(e.quantity());
        formula.setText(e.formula());
        terms.getItems().setAll(e.terms());
        substituted.setText(e.substituted());
        result.setText("= " + (e.result() == null || !Double.isFinite(e.result())
                ? Display.DASH + " (does not exist)" : Display.exact(e.result())));
        notes.getChildren().clear();
        for (String n : e.notes()) {
            Label l = new Label("• " + n);
            l.setWrapText(true);
            l.getStyleClass().add("explain-note");
            notes.getChildren().add(l);
        }
    }
}
