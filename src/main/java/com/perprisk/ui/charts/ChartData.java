package com.perprisk.ui.charts;

import java.util.List;

/**
 * What one chart shows, computed off the FX thread by a {@link ChartViewModel}: labelled axes, curves, marker lines
 * and an optional companion chart drawn beside it. A chart with a {@link #message} has nothing to plot and says why.
 *
 * @param title      heading of the chart
 * @param xLabel     x axis label with its unit
 * @param yLabel     y axis label with its unit
 * @param series     curves (NaN points are gaps: they are not drawn)
 * @param markers    vertical (x) or horizontal (y) lines with a label
 * @param xMin       lower bound of the x axis
 * @param xMax       upper bound of the x axis
 * @param yMin       lower bound of the y axis, or null to fit the data
 * @param yMax       upper bound of the y axis, or null to fit the data
 * @param categories names of the bars for a bar chart (x = index into it), or null for curves
 * @param message    why there is nothing to plot, or null
 * @param companion  a second chart shown beside this one, or null
 * @param rightAxis  a second y axis on the right (USD beside a coin), or null
 */
public record ChartData(String title, String xLabel, String yLabel, List<Series> series, List<Marker> markers,
                        double xMin, double xMax, Double yMin, Double yMax, List<String> categories, String message,
                        ChartData companion, RightAxis rightAxis) {

    public ChartData {
        series = series == null ? List.of() : List.copyOf(series);
        markers = markers == null ? List.of() : List.copyOf(markers);
        categories = categories == null ? null : List.copyOf(categories);
    }

    /** A chart with one y axis, on the left. */
    public ChartData(String title, String xLabel, String yLabel, List<Series> series, List<Marker> markers,
                     double xMin, double xMax, Double yMin, Double yMax, List<String> categories, String message,
                     ChartData companion) {
        this(title, xLabel, yLabel, series, markers, xMin, xMax, yMin, yMax, categories, message, companion, null);
    }

    /**
     * A y axis on the right whose values are the left axis's × {@code scale}: for a coin chart, USD at one price
     * (the mark), so that a point read on the left in coin reads on the right as its USD value at that price. Series
     * marked {@link Series#right()} are in the right axis's unit and are read on it.
     *
     * @param label axis label with its unit
     * @param unit  the unit of its values ("USD")
     * @param scale right value per left value (the price the coin is valued at)
     * @param note  what the axis shows, for its tooltip
     */
    public record RightAxis(String label, String unit, double scale, String note) {
    }

    public ChartData withRightAxis(RightAxis axis) {
        return new ChartData(title, xLabel, yLabel, series, markers, xMin, xMax, yMin, yMax, categories, message,
                companion, axis);
    }
    /** A chart with nothing to plot, saying why. */
    public static ChartData empty(String title, String message) {
        return new ChartData(title, "", "", List.of(), List.of(), 0, 1, null, null, null, message, null);
    }

    public ChartData withCompanion(ChartData c) {
        return new ChartData(title, xLabel, yLabel, series, markers, xMin, xMax, yMin, yMax, categories, message, c,
                rightAxis);
    }

    /** The series of this name, or null. */
    public Series series(String name) {
        return series.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** The marker with this label prefix, or null. */
    public Marker marker(String labelPrefix) {
        return markers.stream().filter(m -> m.label().startsWith(labelPrefix)).findFirst().orElse(null);
    }

    /**
     * One curve.
     *
     * @param name legend text
     * @param unit unit of the y values, for the hover readout
     * @param x    x values
     * @param y    y values (NaN = no value at that x)
     * @param right true when the values are in the unit of the chart's {@link RightAxis} and read on it (drawn
     *              dashed)
     */
    public record Series(String name, String unit, double[] x, double[] y, boolean right) {
        /** A curve read on the left axis. */
        public Series(String name, String unit, double[] x, double[] y) {
            this(name, unit, x, y, false);
        }

        public int size() {
            return x.length;
        }
    }

    /** Direction of a marker line. */
    public enum Axis {
        /** A vertical line at an x value. */
        X,
        /** A horizontal line at a y value. */
        Y
    }

    /**
     * A labelled line across the plot.
     *
     * @param axis       X: vertical line at {@code value} on the x axis; Y: horizontal line
     * @param value      where
     * @param label      text next to the line (with the exact value)
     * @param styleClass CSS class: marker-entry, marker-lp, marker-bp, marker-mark, marker-warning, marker-danger,
     *                   marker-step
     */
    public record Marker(Axis axis, double value, String label, String styleClass) {
    }
}
