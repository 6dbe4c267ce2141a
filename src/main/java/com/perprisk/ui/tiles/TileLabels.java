package com.perprisk.ui.tiles;

import com.perprisk.ui.controls.LazyTooltip;
import com.perprisk.ui.format.Formats;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.TextAlignment;

/** The labels of a tile and their updates that write only what changed (the tiles pane lays them out). */
final class TileLabels {
    private TileLabels() {
    }

    static Label valueLabel() {
        Label l = new Label(Formats.NONE);
        l.setWrapText(false);
        l.setTextAlignment(TextAlignment.CENTER);
        l.getStyleClass().add("tile-value");
        return l;
    }

    static Label detailLabel() {
        Label l = new Label();
        l.setWrapText(true);
        l.setTextAlignment(TextAlignment.CENTER);
        l.setAlignment(Pos.CENTER);
        l.getStyleClass().add("tile-detail");
        l.setMinWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wraps, never "…"
        return l;
    }

    /** A value that scales down rather than being cut when the tile is narrow. */
    static Node fit(Label value) {
        return new com.perprisk.ui.controls.FitBox(value);
    }

    static void level(Label l, TileValues.Level level) {
        String want = switch (level) {
            case OK -> "ok";
            case WARNING -> "warning";
            case DANGER -> "danger";
            default -> null;
        };
        for (String c : new String[] {"ok", "warning", "danger"}) {
            if (!c.equals(want)) {
                l.getStyleClass().remove(c);
            }
        }
        if (want != null && !l.getStyleClass().contains(want)) {
            l.getStyleClass().add(want);
        }
    }

    static void text(Label l, String s) {
        if (!s.equals(l.getText())) {
            l.setText(s);
        }
    }

    /** The tile's tooltip text; the tooltip itself is made on the first hover (none of them shows at start). */
    static void tip(Node t, String s) {
        LazyTooltip.text(t, s, tip -> {
            tip.setWrapText(true);
            tip.setMaxWidth(420);
        });
    }
}
