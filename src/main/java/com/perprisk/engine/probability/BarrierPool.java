package com.perprisk.engine.probability;

import java.util.SplittableRandom;

/** A margin pool of the Monte Carlo: one leg (a barrier in log-price) or several (evaluated at every step). */
final class BarrierPool {
    /** Bridge touch probabilities below e^{−40} are not drawn. */
    private static final double BRIDGE_CUTOFF = 20.0;

    final LegModel[] legs;
    final double baseMargin;
    final boolean lone;
    /** A lone pool's market and side (its leg's), read at every step. */
    final int market;
    final boolean isLong;
    double spot;
    double baseBarrier;
    boolean liquidatedNow;

    /** Relative allowance for rounding when a lower bound of the surplus decides that a pool is safe. */
    private static final double ROUNDING = 1e-9;

    /** Per leg: a bound on |d(uPnL − requirement)/dP| within a bracket (pools of several legs). */
    final double[] slopeBound;
    /** The most the legs' requirement can jump at bracket floors, in all. */
    final double jumps;
    /** Σ of the legs' magnitudes (entry values, amounts), for the rounding allowance. */
    final double magnitude;
    /** The legs' part of the surplus at the starting marks. */
    double baseLegsSurplus;

    BarrierPool(LegModel[] legs, double baseMargin) {
        this.legs = legs;
        this.baseMargin = baseMargin;
        this.lone = legs.length == 1;
        this.market = legs[0].market;
        this.isLong = legs[0].side > 0;
        this.slopeBound = new double[legs.length];
        double j = 0;
        double size = 0;
        for (int l = 0; l < legs.length; l++) {
            slopeBound[l] = legs[l].slopeBound();
            j += legs[l].jumpBound();
            size += legs[l].magnitude();
        }
        this.jumps = j;
        this.magnitude = size;
    }

    void prepare(double[] spots) {
        if (lone) {
            spot = spots[legs[0].market];
            baseBarrier = barrierFor(baseMargin);
            liquidatedNow = legs[0].side > 0 ? baseBarrier >= 0 : baseBarrier <= 0;
        } else {
            liquidatedNow = surplus(baseMargin, spots) <= 0;
            baseLegsSurplus = surplus(0, spots);
        }
    }

    /**
     * Whether a pool of several legs is certainly safe at log-prices x, judged without pricing a single leg: from
     * the legs' exact surplus {@code legsAtRef} at log-prices {@code xRef}, each leg can have lost at most its slope
     * bound × |P − P_ref| (plus every bracket jump), and |P − P_ref| = P_ref |e^d − 1| ≤ P_ref (|d| + d²) for
     * |d| ≤ 1, d = x − x_ref. {@code weight[l]} is leg l's slope bound × P_ref. True only when that lower bound is
     * above 0 by more than any rounding of the exact sum, so whenever it answers true the exact surplus is above 0
     * too: the screen changes how often a pool is priced, never whether it is liquidated.
     */
    boolean certainlySafe(double margin, double legsAtRef, double[] x, double[] xRef, double[] weight) {
        double loss = jumps;
        double scale = Math.abs(margin) + Math.abs(legsAtRef) + magnitude + jumps;
        for (int l = 0; l < legs.length; l++) {
            int m = legs[l].market;
            double d = x[m] - xRef[m];
            double ad = Math.abs(d);
            if (ad > 1) {
                return false;
            }
            loss += weight[l] * (ad + d * d);
            scale += weight[l];
        }
        return margin + legsAtRef - loss > ROUNDING * scale;
    }

    /** Sets the reference of {@link #certainlySafe}: log-prices x, prices {@code price}, legs' exact surplus there. */
    void reference(double[] x, double[] price, double[] xRef, double[] weight) {
        for (int l = 0; l < legs.length; l++) {
            int m = legs[l].market;
            xRef[m] = x[m];
            weight[l] = slopeBound[l] * price[m];
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
        double d0 = isLong ? x0 - h : h - x0;
        double d1 = isLong ? x1 - h : h - x1;
        if (d1 <= 0) {
            return true;
        }
        if (var == 0) {
            return false;
        }
        // touch between the steps: P = exp(−2 d₀ d₁ / (σ²Δt)), drawn only when the exponent is below the cutoff
        double twice = 2 * d0 * d1;
        if (twice >= FAR * var) {
            return false; // then 2 d₀ d₁ / (σ²Δt) ≥ 40 as rounded too: no draw, as with the division
        }
        double e = twice / var;
        return e < 2 * BRIDGE_CUTOFF && rng.nextDouble() < Math.exp(-e);
    }

    /** A touch exponent at least this many times σ²Δt is certainly at or above the cutoff 2 × 20, rounding included. */
    private static final double FAR = 2 * BRIDGE_CUTOFF * (1 + 1e-6);

    /** balance − requirement with every mark at its path value. */
    double surplus(double margin, double[] price) {
        double s = margin;
        for (LegModel leg : legs) {
            double p = price[leg.market];
            s += leg.pnl(p) - leg.requirement(p);
        }
        return s;
    }

    /**
     * {@link #surplus(double, double[])} with each leg's bracket looked up from its last one ({@code brackets}, one
     * slot per leg, −1 for none; updated): the same value, found without a search at nearly every step.
     */
    double surplus(double margin, double[] price, int[] brackets) {
        double s = margin;
        for (int l = 0; l < legs.length; l++) {
            LegModel leg = legs[l];
            double p = price[leg.market];
            s += leg.pnl(p) - leg.requirement(p, brackets, l);
        }
        return s;
    }
}
