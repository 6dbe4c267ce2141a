package com.perprisk.ui.charts;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;

/**
 * Under a line chart: the x axis's label and the legend on one row when they fit (the chart's own put them on two,
 * and at presentation size that row is taken from the plot), on two when they do not and the chart is tall enough
 * ({@value #TWO_ROWS} px); in a smaller chart the plot keeps that row and the legend's entries are in the axis
 * label's tooltip. Each legend entry shows its curve's colour, dashed for a curve read on the right axis.
 */
final class ChartFooter extends FlowPane {
    private final Label axis = new Label();
    private final HBox legend = new HBox(12);
    private List<String> names = List.of();
    /** The least height of the chart's view for the legend to take a row of its own. */
    static final double TWO_ROWS = 260;

    ChartFooter() {
        super(18, 0);
        getStyleClass().add("chart-footer");
        setAlignment(Pos.CENTER);
        setMinSize(0, USE_PREF_SIZE);
        axis.getStyleClass().add("axis-label");
        legend.setAlignment(Pos.CENTER);
        getChildren().addAll(axis, legend);
    }

    /** Shows the axis label and legend of {@code d}, or nothing ({@code d} null). */
    void show(ChartData d) {
        setVisible(d != null);
        setManaged(d != null);
        if (d == null) {
            return;
        }
        axis.setText(d.xLabel());
        List<String> now = new ArrayList<>();
        d.series().forEach(s -> now.add(s.name() + (s.right() ? " (right)" : "")));
        if (now.equals(names)) {
            return;
        }
        names = now;
        legend.getChildren().clear();
        for (int k = 0; k < d.series().size(); k++) {
            ChartData.Series s = d.series().get(k);
            Line swatch = new Line(0, 0, 18, 0);
            swatch.getStyleClass().setAll("chart-series-line", "default-color" + (k % 8));
            if (s.right()) {
                swatch.getStrokeDashArray().setAll(7.0, 4.0); // as the curve: read on the right axis
            }
            Label item = new Label(s.name(), swatch);
            item.getStyleClass().add("chart-legend-item");
            item.setMinWidth(USE_PREF_SIZE);
            legend.getChildren().add(item);
        }
        // made on the first hover (a popup window: the first frame shows none)
        com.perprisk.ui.controls.LazyTooltip.text(axis, String.join("\n", names), null);
    }

    /** Shows the legend on the axis label's row when it fits, on a row of its own in a view this tall or taller. */
    void fit(double viewHeight) {
        double oneRow = snappedLeftInset() + snappedRightInset() + axis.prefWidth(-1) + getHgap()
                + legend.prefWidth(-1);
        boolean show = getWidth() <= 0 || oneRow <= getWidth() + 0.5 || viewHeight >= TWO_ROWS;
        if (legend.isVisible() != show) {
            legend.setVisible(show);
            legend.setManaged(show);
        }
    }

    /** The texts shown: the axis label, then each legend entry (for tests). */
    List<String> texts() {
        List<String> out = new ArrayList<>();
        out.add(axis.getText());
        if (legend.isVisible()) {
            legend.getChildren().forEach(n -> out.add(((Label) n).getText()));
        }
        return out;
    }
}
