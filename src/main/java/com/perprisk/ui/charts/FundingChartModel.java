package com.perprisk.ui.charts;

import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.funding.FundingPayment;
import com.perprisk.engine.risk.RiskCurves;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.display.Units;
import com.perprisk.ui.format.Formats;

import java.util.List;

/**
 * Chart 4: funding settled over the workspace horizon at today's mark and rate (left), and the liquidation price
 * after each settlement (right): funding paid out of an isolated position's margin moves its liquidation price
 * towards the mark; funding received moves it away. For a cross position the wallet takes every cross position's
 * funding.
 */
public final class FundingChartModel extends ChartViewModel {
    public static final String CUMULATIVE = "Cumulative funding (+ received)";
    public static final String DRIFT = "Liquidation price";
    /** Most settlements drawn (a 1 h market over a year would be 8,760). */
    static final int MAX_SETTLEMENTS = 2_000;

    public FundingChartModel(RiskContext context, Formats fmt) {
        super(context, fmt);
    }

    @Override
    public String title() {
        return "Funding";
    }

    @Override
    public ChartData compute(ChartInput in) {
        Position p = in.position();
        Market m = in.market();
        double horizon = in.portfolio().horizonHours();
        int n = FundingPayment.settlementsWithin(horizon, m.funding().intervalHours());
        if (n == 0) {
            return ChartData.empty(title(), "No funding settlement within the horizon of " + fmt.quantity(horizon, 2)
                    + " h (" + m.symbol() + " settles every " + fmt.quantity(m.funding().intervalHours(), 2) + " h).");
        }
        n = Math.min(n, MAX_SETTLEMENTS);
        RiskCurves.FundingDrift d = RiskCurves.fundingDrift(in.portfolio(), p.id(), n);
        String q = Units.price(m);
        double ref = in.enteredMark();
        double hours = d.hours()[d.hours().length - 1];
        String who = p.id() + " " + m.symbol();
        // funding is paid in the margin asset: the settle coin of an inverse contract (USD at the mark on the right)
        String money = Units.money(m);
        ChartData funding = new ChartData(title() + " · " + who + " at " + fmt.percent(m.funding().rate(), 4)
                + " per " + fmt.quantity(m.funding().intervalHours(), 2) + " h", "Hours from now (h)",
                "Funding (" + money + ")", List.of(new ChartData.Series(CUMULATIVE, money, d.hours(),
                d.cumulativeFunding())), List.of(new ChartData.Marker(ChartData.Axis.Y, 0, "0", "marker-entry")),
                0, hours, null, null, null, null, null);
        if (m.isInverse()) {
            double mark = m.markPrice();
            funding = funding.withRightAxis(new ChartData.RightAxis("USD (" + money + " × mark)", "USD", mark,
                    "USD axis: the " + money + " axis × today's mark " + fmt.price(mark, mark) + ", what the"
                            + " funding in " + money + " is worth at that price."));
        }
        String driftTitle = p.isIsolated() ? "Isolated LP drift" : "LP drift (cross wallet takes all cross funding)";
        List<ChartData.Marker> lpMarkers = new java.util.ArrayList<>();
        double lp0 = d.liquidationPrice()[0];
        if (Double.isFinite(lp0)) {
            lpMarkers.add(new ChartData.Marker(ChartData.Axis.Y, lp0, "LP now " + fmt.price(lp0, ref), "marker-lp"));
        }
        ChartData drift = new ChartData(driftTitle, "Hours from now (h)", "LP (" + q + ")",
                List.of(new ChartData.Series(DRIFT, q, d.hours(), d.liquidationPrice())), lpMarkers, 0, hours, null,
                null, null, allNaN(d.liquidationPrice()) ? "No liquidation price over the horizon." : null, null);
        return funding.withCompanion(drift);
    }

    private static boolean allNaN(double[] v) {
        for (double x : v) {
            if (Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
