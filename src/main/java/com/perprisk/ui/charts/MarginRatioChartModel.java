package com.perprisk.ui.charts;

import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.risk.RiskCurves;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.display.Units;
import com.perprisk.ui.format.Formats;

import java.util.ArrayList;
import java.util.List;

/**
 * Chart 2: margin ratio (requirement / margin balance, in %) of the position's pool against the mark price. 100% is
 * the liquidation price; the curve is cut off above {@link #CAP_PERCENT} and where the balance is gone.
 */
public final class MarginRatioChartModel extends ChartViewModel {
    public static final String RATIO = "Margin ratio";
    /** Highest ratio drawn, in %: beyond it the pool is long past liquidation. */
    public static final double CAP_PERCENT = 200;

    public MarginRatioChartModel(RiskContext context, Formats fmt) {
        super(context, fmt);
    }

    @Override
    public String title() {
        return "Margin ratio";
    }

    @Override
    public ChartData compute(ChartInput in) {
        Position p = in.position();
        Market m = in.market();
        double[] prices = PriceSweep.prices(in, POINTS);
        RiskCurves.EquityCurve c = RiskCurves.equityCurve(in.portfolio(), p.id(), prices);
        double[] pct = new double[prices.length];
        for (int i = 0; i < pct.length; i++) {
            double r = c.marginRatio()[i] * 100;
            pct[i] = Double.isFinite(r) && r <= CAP_PERCENT ? r : Double.NaN;
        }
        List<ChartData.Marker> markers = new ArrayList<>(EquityChartModel.priceMarkers(in, fmt));
        markers.removeIf(mk -> mk.styleClass().equals("marker-bp"));
        markers.add(new ChartData.Marker(ChartData.Axis.Y, 100 * com.perprisk.engine.RiskPolicy.MARGIN_WARNING_RATIO,
                "Warning 80%", "marker-warning"));
        markers.add(new ChartData.Marker(ChartData.Axis.Y, 100, "Liquidation 100%", "marker-danger"));
        return new ChartData(title() + " · " + p.id() + " " + m.symbol() + (p.isIsolated() ? " (isolated)"
                : " (" + (m.isInverse() ? Units.money(m) + " " : "") + "cross pool)"), "Mark price of " + m.symbol()
                + " (" + Units.price(m) + ")",
                "Margin ratio (%)", List.of(new ChartData.Series(RATIO, "%", prices, pct)), markers, prices[0],
                prices[prices.length - 1], 0.0, CAP_PERCENT, null, null, null);
    }
}
