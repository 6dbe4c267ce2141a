package com.perprisk.ui.charts;

import java.util.List;

/**
 * One plot as computed by a chart view model: pure data, no Node. Non-finite points are left out when drawn.
 *
 * @param title      plot title
 * @param xLabel     x-axis label with its unit
 * @param yLabel     y-axis label with its unit
 * @param curves     the series (for a bar plot: x = category index)
 * @param markers    vertical marker lines (entry, liquidation, bankruptcy, mark, bracket steps)
 * @param levels     horizontal reference lines (e.g. margin ratio 100%)
 * @param categories category names for a bar plot, empty for a line plot
 * @param message    why the plot is empty, or ""
 */
public record ChartData(String title, String xLabel, String yLabel, List<Curve> curves, List<Marker> markers,
                        List<Marker> levels, List<String> categories, String message) {

    public ChartData {
        curves = List.copyOf(curves);
        markers = List.copyOf(markers);
        levels = List.copyOf(levels);
        categories = List.copyOf(categories);
    }

    public static ChartData empty(String title, String message) {
        return new ChartData(title, "", "", List.of(), List.of(), List.of(), List.of(), message);
    }

    public boolean isBar() {
        return !categories.isEmpty();
    }

    public Curve curve(String name) {
        return curves.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** A named series of points. */
    public record Curve(String name, double[] x, double[] y) {
    }

    /** A reference line at a value, with its label; {@code kind} picks the colour (entry, lp, bp, mark, step, level). */
    public record Marker(double value, String label, String kind) {
    }
}
