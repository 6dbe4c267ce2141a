package com.perprisk.engine.probability;

import java.util.SplittableRandom;

/** A margin pool of the Monte Carlo: one leg (a barrier in log-price) or several (evaluated at every step). */
final class BarrierPool {
    /** Bridge touch probabilities below e^{−40} are not drawn. */
    private static final double BRIDGE_CUTOFF = 20.0;

    final LegModel[] legs;
    final double baseMargin;
    final boolean lone;
    double spot;
    double baseBarrier;
    boolean liquidatedNow;

    BarrierPool(LegModel[] legs, double baseMargin) {
        this.legs = legs;
        this.baseMargin = baseMargin;
        this.lone = legs.length == 1;
    }

    void prepare(double[] spots) {
        if (lone) {
            spot = spots[legs[0].market];
            baseBarrier = barrierFor(baseMargin);
            liquidatedNow = legs[0].side > 0 ? baseBarrier >= 0 : baseBarrier <= 0;
        } else {
            liquidatedNow = surplus(baseMargin, spots) <= 0;
        }
    }

    /** h = ln(LP / S₀); −∞ (long) or +∞ (short) when there is no liquidation price. */
    double barrierFor(double margin) {
        LegModel leg = legs[0];
        double lp = leg.solveAlone(margin, spot);
        if (Double.isNaN(lp)) {
            // no root: liquidated at every price if the margin is already short, else never
            boolean broke = margin + leg.pnl(spot) - leg.requirement(spot) <= 0;
            return leg.side > 0 ? (broke ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)
                    : (broke ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        return Math.log(lp / spot);
    }

    /** Whether the log-price path from x0 to x1 touched h, at the step or in between (Brownian bridge). */
    boolean crossed(double x0, double x1, double h, double var, SplittableRandom rng) {
        // distance beyond the barrier on the safe side: long above h, short below h
        double d0 = legs[0].side > 0 ? x0 - h : h - x0;
        double d1 = legs[0].side > 0 ? x1 - h : h - x1;
        if (d1 <= 0) {
            return true;
        }
        if (var == 0) {
            return false;
        }
        // touch between the steps: P = exp(−2 d₀ d₁ / (σ²Δt))
        double e = 2 * d0 * d1 / var;
        return e < 2 * BRIDGE_CUTOFF && rng.nextDouble() < Math.exp(-e);
    }

    /** balance − requirement with every mark at its path value. */
    double surplus(double margin, double[] price) {
        double s = margin;
        for (LegModel leg : legs) {
            double p = price[leg.market];
            s += leg.pnl(p) - leg.requirement(p);
        }
        return s;
    }
}
