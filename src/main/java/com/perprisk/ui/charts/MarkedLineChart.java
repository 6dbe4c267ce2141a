package com.perprisk.ui.charts;

import com.perprisk.ui.format.Formats;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart of {@link ChartData}: numeric axes with the locale's grouping, labelled marker lines (entry,
 * liquidation, bankruptcy, mark, thresholds, bracket steps) and a hover readout with the exact values of every curve
 * at the mouse.
 */
public final class MarkedLineChart extends LineChart<Number, Number> {
    private final Formats fmt;
    private final List<Line> markerLines = new ArrayList<>();
    private final List<Label> markerLabels = new ArrayList<>();
    private final List<Path> curves = new ArrayList<>();
    private final Line hoverLine = new Line();
    /** The hover readout, made on the first hover (a popup window: the first frame shows none). */
    private Tooltip readout;
    private NumberAxis rightAxis;
    private ChartData shown;
    /** Whether the view draws the x axis's label and the legend below the chart ({@link ChartFooter}). */
    private boolean footerOutside;
    /** Whether the y axis is long enough for its label ({@link #showYLabel}). */
    private boolean yLabelFits = true;

    public MarkedLineChart(Formats fmt) {
        super(new NumberAxis(), new NumberAxis());
        this.fmt = fmt;
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(true);
        getStyleClass().add("marked-line-chart");
        xAxis().setAutoRanging(false);
        xAxis().setMinorTickVisible(false);
        yAxis().setForceZeroInRange(false);
        yAxis().setMinorTickVisible(false);
        hoverLine.getStyleClass().add("hover-line");
        hoverLine.setVisible(false);
        hoverLine.setManaged(false);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideHover());
    }

    /** No hover line and no readout (the pointer left the plot). */
    private void hideHover() {
        hoverLine.setVisible(false);
        if (readout != null) {
            readout.hide();
        }
    }

    private Node lookupPlotBackground() {
        return lookup(".chart-plot-background");
    }

    public NumberAxis xAxis() {
        return (NumberAxis) getXAxis();
    }

    public NumberAxis yAxis() {
        return (NumberAxis) getYAxis();
    }

    /** The x axis's label and the legend left to the view below the chart, or drawn by the chart itself. */
    void setFooterOutside(boolean outside) {
        footerOutside = outside;
        setLegendVisible(!outside);
    }

    /** Shows the y axis's label, or leaves it out (too long for a short axis: "US…"). */
    void showYLabel(boolean fits) {
        if (fits != yLabelFits && shown != null) {
            yLabelFits = fits;
            yAxis().setLabel(fits ? shown.yLabel() : null);
        }
    }

    /** Replaces the curves, markers and axes. */
    public void show(ChartData d) {
        this.shown = d;
        setTitle(null);
        String xLabel = footerOutside ? null : d.xLabel();
        if (!java.util.Objects.equals(xLabel, xAxis().getLabel())) {
            xAxis().setLabel(xLabel);
        }
        String yLabel = yLabelFits ? d.yLabel() : null;
        if (!java.util.Objects.equals(yLabel, yAxis().getLabel())) {
            yAxis().setLabel(yLabel);
        }
        setAxis(xAxis(), d.xMin(), d.xMax());
        yAxis().setAutoRanging(false);
        if (d.yMin() != null && d.yMax() != null) {
            setAxis(yAxis(), d.yMin(), d.yMax());
        } else {
            double[] r = yRange(d);
            setAxis(yAxis(), r[0], r[1]);
        }
        showRightAxis(d);
        boolean same = getData() != null && getData().size() == d.series().size();
        for (int i = 0; same && i < d.series().size(); i++) {
            same = d.series().get(i).name().equals(getData().get(i).getName());
        }
        if (!same) {
            // the chart's own series only carry the names (legend, colours); the curves are drawn as paths below
            ObservableList<Series<Number, Number>> list = FXCollections.observableArrayList();
            for (ChartData.Series s : d.series()) {
                Series<Number, Number> fx = new Series<>();
                fx.setName(s.name());
                list.add(fx);
            }
            setData(list);
            getPlotChildren().removeAll(curves);
            curves.clear();
            for (int k = 0; k < d.series().size(); k++) {
                Path path = new Path();
                path.getStyleClass().setAll("chart-series-line", "series" + k, "default-color" + (k % 8));
                if (d.series().get(k).right()) {
                    path.getStyleClass().add("right-axis-line");
                    path.getStrokeDashArray().setAll(7.0, 4.0); // read on the right axis: dashed
                }
                path.setManaged(false);
                curves.add(path);
            }
            getPlotChildren().addAll(0, curves);
        }
        while (markerLines.size() > d.markers().size()) {
            getPlotChildren().remove(markerLines.remove(markerLines.size() - 1));
            getPlotChildren().remove(markerLabels.remove(markerLabels.size() - 1));
        }
        while (markerLines.size() < d.markers().size()) {
            Line line = new Line();
            line.setManaged(false);
            Label label = new Label();
            label.setManaged(false);
            markerLines.add(line);
            markerLabels.add(label);
            getPlotChildren().addAll(line, label);
        }
        for (int i = 0; i < d.markers().size(); i++) {
            ChartData.Marker m = d.markers().get(i);
            Line line = markerLines.get(i);
            Label label = markerLabels.get(i);
            if (!line.getStyleClass().contains(m.styleClass())) {
                line.getStyleClass().setAll("marker-line", m.styleClass());
                label.getStyleClass().setAll("label", "marker-label", m.styleClass());
            }
            if (!m.label().equals(label.getText())) {
                label.setText(m.label());
            }
        }
        if (!getPlotChildren().contains(hoverLine)) {
            getPlotChildren().add(hoverLine);
        }
        requestChartLayout();
    }

    /** Bounds that fit every finite y value and horizontal marker, with a little room. */
    static double[] yRange(ChartData d) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ChartData.Series s : d.series()) {
            double per = s.right() && d.rightAxis() != null ? d.rightAxis().scale() : 1;
            for (int i = 0; i < s.size(); i++) {
                double y = s.y()[i] / per;
                double x = s.x()[i];
                if (Double.isFinite(y) && x >= d.xMin() && x <= d.xMax()) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
        }
        for (ChartData.Marker m : d.markers()) {
            if (m.axis() == ChartData.Axis.Y && Double.isFinite(m.value())) {
                lo = Math.min(lo, m.value());
                hi = Math.max(hi, m.value());
            }
        }
        if (!Double.isFinite(lo)) {
            return new double[] {0, 1};
        }
        double pad = hi > lo ? (hi - lo) * 0.05 : Math.max(1, Math.abs(hi) * 0.05);
        return new double[] {lo - pad, hi + pad};
    }

    /** The hover readout when it is shown, else null. */
    public String hoverText() {
        return readout != null && readout.isShowing() ? readout.getText() : null;
    }

    /** The curves on screen, one per series (for tests). */
    public List<Path> curves() {
        return List.copyOf(curves);
    }

    /** The data shown, or null. */
    public ChartData shown() {
        return shown;
    }

    private void setAxis(NumberAxis axis, double lo, double hi) {
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double unit = niceTick((hi - lo) / 6);
        // bounds on whole ticks, so that the end labels are round numbers
        double lower = Math.floor(lo / unit + 1e-9) * unit;
        double upper = Math.ceil(hi / unit - 1e-9) * unit;
        if (axis.getLowerBound() != lower) {
            axis.setLowerBound(lower);
        }
        if (axis.getUpperBound() != upper) {
            axis.setUpperBound(upper);
        }
        if (axis.getTickUnit() != unit || axis.getTickLabelFormatter() == null) {
            axis.setTickUnit(unit);
            axis.setTickLabelFormatter(converter(unit));
        }
    }

    /** A round tick spacing near {@code raw}: 1, 2, 2.5 or 5 × 10^k. */
    static double niceTick(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * p;
    }

    private StringConverter<Number> converter(double unit) {
        int decimals = !Double.isFinite(unit) || unit >= 1 ? 0 : (int) Math.min(8, Math.ceil(-Math.log10(unit)) + 1);
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                if (Double.isFinite(unit)) {
                    return fmt.quantity(n.doubleValue(), decimals);
                }
                double v = n.doubleValue();
                double a = Math.abs(v);
                return fmt.quantity(v, a >= 100 ? 0 : a >= 1 ? 2 : 6);
            }

            @Override
            public Number fromString(String s) {
                Double d = fmt.parse(s);
                return d == null ? 0 : d;
            }
        };
    }

    /** The USD axis on the right of a coin chart, or null when the chart shown has none. */
    public NumberAxis rightAxis() {
        return rightAxis != null && rightAxis.isVisible() ? rightAxis : null;
    }

    /** The right axis follows the left one × its scale: same ticks, each left value × the price. */
    private void showRightAxis(ChartData d) {
        ChartData.RightAxis spec = d.rightAxis();
        if (spec == null) {
            if (rightAxis != null) {
                rightAxis.setVisible(false);
            }
            return;
        }
        if (rightAxis == null) {
            rightAxis = new NumberAxis();
            rightAxis.setId("chart-right-axis");
            rightAxis.getStyleClass().add("right-axis");
            rightAxis.setSide(javafx.geometry.Side.RIGHT);
            rightAxis.setAutoRanging(false);
            rightAxis.setMinorTickVisible(false);
            rightAxis.setManaged(false);
            getChildren().add(rightAxis);
        }
        rightAxis.setVisible(true);
        rightAxis.setLabel(spec.label());
        double k = spec.scale();
        rightAxis.setLowerBound(yAxis().getLowerBound() * k);
        rightAxis.setUpperBound(yAxis().getUpperBound() * k);
        rightAxis.setTickUnit(yAxis().getTickUnit() * k);
        rightAxis.setTickLabelFormatter(converter(yAxis().getTickUnit() * k));
        // what the right axis reads, made on the first hover (a popup window: the first frame shows none)
        com.perprisk.ui.controls.LazyTooltip.text(rightAxis, spec.note(), tip -> {
            tip.setWrapText(true);
            tip.setMaxWidth(380);
        });
        requestLayout();
    }

    /** With a right axis: the content gives up its width, and it stands beside the plot, its ticks in line. */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (rightAxis == null || !rightAxis.isVisible()) {
            return;
        }
        Node plot = lookupPlotBackground();
        if (plot == null || !(plot.getParent() instanceof javafx.scene.layout.Region content)) {
            return;
        }
        double height = Math.max(0, content.getHeight());
        double axisWidth = Math.ceil(rightAxis.prefWidth(height));
        content.resize(Math.max(0, content.getWidth() - axisWidth), height);
        content.layout();
        javafx.geometry.Bounds b = plot.getBoundsInParent();
        rightAxis.resizeRelocate(content.getLayoutX() + b.getMaxX(), content.getLayoutY() + b.getMinY(), axisWidth,
                b.getHeight());
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        if (shown == null) {
            return;
        }
        double w = xAxis().getWidth();
        double h = yAxis().getHeight();
        for (int k = 0; k < curves.size() && k < shown.series().size(); k++) {
            ChartData.Series s = shown.series().get(k);
            // a right-axis curve is drawn where its value falls on the right axis: at y / scale on the left one
            double per = s.right() && shown.rightAxis() != null ? shown.rightAxis().scale() : 1;
            List<PathElement> els = new ArrayList<>(s.size());
            boolean pen = false;
            for (int i = 0; i < s.size(); i++) {
                double x = s.x()[i];
                double y = s.y()[i];
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    pen = false; // a gap: no value here
                    continue;
                }
                double px = xAxis().getDisplayPosition(x);
                double py = yAxis().getDisplayPosition(y / per);
                els.add(pen ? new LineTo(px, py) : new MoveTo(px, py));
                pen = true;
            }
            curves.get(k).getElements().setAll(els);
        }
        List<double[]> placed = new ArrayList<>();
        for (int i = 0; i < markerLines.size(); i++) {
            ChartData.Marker m = shown.markers().get(i);
            Line line = markerLines.get(i);
            Label label = markerLabels.get(i);
            label.autosize();
            double lw = label.prefWidth(-1);
            double lh = label.prefHeight(lw);
            label.resize(lw, lh);
            if (m.axis() == ChartData.Axis.X) {
                double x = xAxis().getDisplayPosition(m.value());
                boolean in = x >= 0 && x <= w && Double.isFinite(x);
                line.setVisible(in);
                label.setVisible(in);
                if (!in) {
                    continue;
                }
                line.setStartX(x);
                line.setEndX(x);
                line.setStartY(0);
                line.setEndY(h);
                double lx = x + 3 + lw > w ? x - 3 - lw : x + 3;
                // stack labels that would overlap
                double ly = 2;
                for (int tries = 0; tries < 6; tries++) {
                    boolean clash = false;
                    for (double[] r : placed) {
                        if (lx < r[0] + r[2] && lx + lw > r[0] && ly < r[1] + r[3] && ly + lh > r[1]) {
                            clash = true;
                            break;
                        }
                    }
                    if (!clash) {
                        break;
                    }
                    ly += lh + 1;
                }
                placed.add(new double[] {lx, ly, lw, lh});
                label.relocate(lx, ly);
            } else {
                double y = yAxis().getDisplayPosition(m.value());
                boolean in = y >= 0 && y <= h && Double.isFinite(y);
                line.setVisible(in);
                label.setVisible(in);
                if (!in) {
                    continue;
                }
                line.setStartX(0);
                line.setEndX(w);
                line.setStartY(y);
                line.setEndY(y);
                double ly = y - lh - 1 < 0 ? y + 1 : y - lh - 1;
                label.relocate(w - lw - 4, ly);
                placed.add(new double[] {w - lw - 4, ly, lw, lh});
            }
        }
        hoverLine.setStartY(0);
        hoverLine.setEndY(h);
    }

    private void hover(MouseEvent e) {
        if (shown == null || shown.series().isEmpty()) {
            return;
        }
        Node plot = lookupPlotBackground();
        if (plot == null) {
            return;
        }
        Point2D local = plot.sceneToLocal(e.getSceneX(), e.getSceneY());
        if (local == null || !plot.getLayoutBounds().contains(local)) {
            hideHover();
            return;
        }
        double xv = xAxis().getValueForDisplay(local.getX()).doubleValue();
        String text = ChartReadout.text(shown, xv, fmt);
        if (text == null) {
            return;
        }
        hoverLine.setStartX(local.getX());
        hoverLine.setEndX(local.getX());
        hoverLine.setVisible(true);
        if (readout == null) {
            readout = new Tooltip();
            readout.setShowDelay(Duration.ZERO);
            readout.setHideDelay(Duration.ZERO);
            readout.getStyleClass().add("chart-readout");
        }
        readout.setText(text);
        if (getScene() != null && getScene().getWindow() != null) {
            readout.show(this, e.getScreenX() + 14, e.getScreenY() + 10);
        }
    }
}
