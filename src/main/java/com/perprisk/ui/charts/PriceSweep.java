package com.perprisk.ui.charts;

import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskCurves;

/**
 * The mark prices the equity and margin-ratio charts sweep: wide enough to show entry, liquidation, bankruptcy and
 * mark (as entered and as moved by the scenario), so the axis stays put while the scenario slider is dragged.
 */
final class PriceSweep {
    private PriceSweep() {
    }

    static double[] prices(ChartInput in, int points) {
        double mark = in.market().markPrice();
        double entered = in.enteredMark();
        double entry = in.position().entryPrice();
        PositionRisk r = in.positionRisk();
        double lo = Math.min(Math.min(mark, entered), entry);
        double hi = Math.max(Math.max(mark, entered), entry);
        if (r != null) {
            for (Double p : new Double[] {r.liquidationPrice(), r.bankruptcyPrice()}) {
                if (p != null && Double.isFinite(p) && p > 0) {
                    lo = Math.min(lo, p);
                    hi = Math.max(hi, p);
                }
            }
        }
        // the scenario slider reaches ±50% of the entered mark: keep a sensible window around it
        lo = Math.min(lo, entered * 0.8);
        hi = Math.max(hi, entered * 1.2);
        double pad = (hi - lo) * 0.08;
        lo = Math.max(entered * 1e-4, lo - pad);
        hi = hi + pad;
        return RiskCurves.range(lo, hi, points);
    }
}
