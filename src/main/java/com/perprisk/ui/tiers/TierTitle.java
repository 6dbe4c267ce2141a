package com.perprisk.ui.tiers;

import com.perprisk.ui.controls.AfterLayout;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

import java.util.List;

/**
 * The tier table's title beside its buttons: "Tier table · BTCUSDT" when it fits on their row, else
 * "Tiers · BTCUSDT", else the symbol alone (the full title in its tooltip). The header's second row is the last
 * resort: at presentation size a section header is one row high, and a wrapped title slid under the panel above.
 */
final class TierTitle extends Label {
    /** The selected market's symbol, or null. */
    private final StringProperty symbol = new SimpleStringProperty();

    TierTitle() {
        super("Tier table");
        getStyleClass().add("section-title");
        setMinWidth(Region.USE_PREF_SIZE);
    }

    StringProperty symbolProperty() {
        return symbol;
    }

    /** Keeps the title on the row of {@code tools} in {@code header} whenever its width or the symbol changes. */
    void fitBeside(FlowPane header, Region tools) {
        AfterLayout.whenResized(header, () -> fit(header, tools));
        symbol.addListener(o -> fit(header, tools));
    }

    private void fit(FlowPane header, Region tools) {
        String sym = symbol.get();
        List<String> forms = sym == null ? List.of("Tier table")
                : List.of("Tier table · " + sym, "Tiers · " + sym, sym);
        double room = header.getWidth() - header.snappedLeftInset() - header.snappedRightInset() - header.getHgap()
                - tools.prefWidth(-1) - 2;
        String shown = forms.get(forms.size() - 1);
        Text measure = new Text();
        measure.setFont(getFont());
        for (String f : forms) {
            measure.setText(f);
            double w = measure.getLayoutBounds().getWidth() + snappedLeftInset() + snappedRightInset();
            if (header.getWidth() <= 0 || w <= room) {
                shown = f;
                break;
            }
        }
        if (!shown.equals(getText())) {
            setText(shown);
            setTooltip(shown.equals(forms.get(0)) ? null : new Tooltip(forms.get(0)));
        }
    }
}
