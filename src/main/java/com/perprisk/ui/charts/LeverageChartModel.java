package com.perprisk.ui.charts;

import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.risk.RiskCurves;
import com.perprisk.engine.tier.TierTable;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.display.Units;
import com.perprisk.ui.format.Formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chart 3: liquidation price of the position re-opened as isolated at each leverage from 1× to the bracket's maximum
 * (margin = entry notional / leverage), one curve per bracket that the liquidation notional falls in, with a marker
 * at each leverage where that bracket changes (the step) and at the position's own leverage.
 */
public final class LeverageChartModel extends ChartViewModel {
    public LeverageChartModel(RiskContext context, Formats fmt) {
        super(context, fmt);
    }

    @Override
    public String title() {
        return "LP vs leverage";
    }

    /** Legend name of a bracket's curve. */
    public static String bracketName(int bracket, TierTable tiers) {
        double mmr = tiers.tier(bracket - 1).mmr();
        return "Bracket " + bracket + " (MMR " + trimPercent(mmr) + ")";
    }

    private static String trimPercent(double rate) {
        return new java.math.BigDecimal(rate * 100).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString() + "%";
    }

    @Override
    public ChartData compute(ChartInput in) {
        Position p = in.position();
        Market m = in.market();
        double maxLev = Math.max(2, m.maxLeverage(p.entryNotional()));
        double[] leverages = RiskCurves.range(1, maxLev, POINTS);
        RiskCurves.LeverageCurve c = RiskCurves.liquidationByLeverage(in.portfolio(), p.id(), leverages);
        String q = Units.price(m);
        double ref = in.enteredMark();

        Map<Integer, double[]> byBracket = new LinkedHashMap<>();
        List<ChartData.Marker> markers = new ArrayList<>();
        int previous = 0;
        for (int i = 0; i < leverages.length; i++) {
            int b = c.brackets()[i];
            if (b <= 0 || !Double.isFinite(c.prices()[i])) {
                continue;
            }
            double[] ys = byBracket.computeIfAbsent(b, k -> {
                double[] a = new double[leverages.length];
                java.util.Arrays.fill(a, Double.NaN);
                return a;
            });
            ys[i] = c.prices()[i];
            if (previous != 0 && b != previous) {
                double at = (leverages[i - 1] + leverages[i]) / 2;
                markers.add(new ChartData.Marker(ChartData.Axis.X, at, "Bracket " + previous + " → " + b + " at "
                        + fmt.quantity(at, 1) + "×", "marker-step"));
                // join the curves at the step so that the line does not break
                ys[i - 1] = c.prices()[i - 1];
            }
            previous = b;
        }
        List<ChartData.Series> series = new ArrayList<>();
        for (var e : byBracket.entrySet()) {
            series.add(new ChartData.Series(bracketName(e.getKey(), m.tiers()), q, leverages, e.getValue()));
        }
        if (series.isEmpty()) {
            return ChartData.empty(title(), "No liquidation price at any leverage from 1× to "
                    + fmt.quantity(maxLev, 1) + "×: the margin covers the whole position.");
        }
        if (p.leverage() >= 1 && p.leverage() <= maxLev) {
            markers.add(new ChartData.Marker(ChartData.Axis.X, p.leverage(), "Leverage " + fmt.quantity(p.leverage(), 2)
                    + "×", "marker-mark"));
        }
        markers.add(new ChartData.Marker(ChartData.Axis.Y, p.entryPrice(), "Entry " + fmt.price(p.entryPrice(), ref),
                "marker-entry"));
        return new ChartData(title() + " · " + p.id() + " " + m.symbol() + " as isolated, " + p.side().name()
                .toLowerCase(), "Leverage (×)", "LP (" + q + ")", series, markers, 1, maxLev, null,
                null, null, null, null);
    }
}
