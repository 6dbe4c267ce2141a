package com.perprisk.ui.charts;

import com.perprisk.ui.format.Formats;

/** The hover readout of a line chart: the exact value of every curve, with its unit, at the point nearest the mouse. */
final class ChartReadout {
    private ChartReadout() {
    }

    /** Exact values of every curve at the point nearest to x. */
    static String text(ChartData d, double x, Formats fmt) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (ChartData.Series s : d.series()) {
            int best = -1;
            double dist = Double.MAX_VALUE;
            for (int i = 0; i < s.size(); i++) {
                double dd = Math.abs(s.x()[i] - x);
                if (dd < dist && Double.isFinite(s.y()[i])) {
                    dist = dd;
                    best = i;
                }
            }
            if (best < 0) {
                continue;
            }
            if (first) {
                sb.append(axisName(d.xLabel())).append(": ").append(exact(fmt, s.x()[best]));
                first = false;
            }
            sb.append('\n').append(s.name()).append(": ").append(exact(fmt, s.y()[best]))
                    .append(s.unit().isEmpty() ? "" : s.unit().equals("%") ? "%" : " " + s.unit());
        }
        return first ? null : sb.toString();
    }

    private static String axisName(String label) {
        int i = label.indexOf(" (");
        return i > 0 ? label.substring(0, i) : label;
    }

    /** A value to read off exactly: 2 decimals for large numbers, more for small ones. */
    static String exact(Formats fmt, double v) {
        double a = Math.abs(v);
        int decimals = a >= 1000 ? 2 : a >= 1 ? 4 : 6;
        return fmt.number(v, decimals);
    }
}
