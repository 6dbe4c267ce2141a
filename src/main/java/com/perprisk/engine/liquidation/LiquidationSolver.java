package com.perprisk.engine.liquidation;

import com.perprisk.engine.Portfolio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One exact solver for {@code marginBalance(P) = requirement(P)} over a margin pool (domain reference §2).
 *
 * <p>Within fixed brackets both sides are linear in the mark price P. The bracket floors of every leg whose
 * maintenance moves with the price cut the price axis at P = floor_k / Q; between two cuts the surplus
 * f(P) = balance − requirement is a straight line, so each segment is solved exactly. A root at P ≤ 0 means the
 * margin covers the whole loss: no liquidation. Where the surplus jumps across zero at a cut (a venue with no
 * maintenance amount), the cut itself is the price. When a hedged pool has a root on each side of the mark, the one
 * nearer the mark is the liquidation price.
 */
public final class LiquidationSolver {
    /** Relative slack when deciding whether a root lies within its segment (floating-point at a cut). */
    private static final double EDGE = 1e-12;

    private LiquidationSolver() {
    }

    /** Liquidation price of a position: where its pool's margin balance meets the maintenance requirement. */
    public static SolvedPrice liquidationPrice(Portfolio portfolio, String positionId) {
        return solve(MarginPool.of(portfolio, positionId), Requirement.MAINTENANCE);
    }

    /** Bankruptcy price of a position: where its pool's margin balance reaches 0. */
    public static SolvedPrice bankruptcyPrice(Portfolio portfolio, String positionId) {
        return solve(MarginPool.of(portfolio, positionId), Requirement.ZERO);
    }

    /** Bankruptcy price with the taker fee to close charged at that price. */
    public static SolvedPrice bankruptcyPriceWithCloseFee(Portfolio portfolio, String positionId) {
        return solve(MarginPool.of(portfolio, positionId), Requirement.CLOSE_FEE);
    }

    /** Solves f(P) = balance(P) − requirement(P) = 0 for the pool's market price. */
    public static SolvedPrice solve(MarginPool pool, Requirement kind) {
        double mark = pool.markPrice();
        boolean safe = pool.surplus(mark, kind) > 0;
        if (pool.legs().isEmpty()) {
            return SolvedPrice.none(safe);
        }
        LinearSegment[] segments = segments(pool, kind).toArray(new LinearSegment[0]);
        long found = locate(segments, 0, mark);
        if (found == NONE) {
            return SolvedPrice.none(safe);
        }
        int index = (int) (found >> 1);
        boolean atBoundary = (found & 1) == 1;
        LinearSegment s = segments[index];
        double price = atBoundary ? s.from() : Math.min(Math.max(s.zero(), s.from()), s.to());
        return new SolvedPrice(price, s, atBoundary, safe);
    }

    /**
     * The root of the same lines with every intercept raised by {@code shift} (a change of the fixed balance, e.g.
     * funding settled into the margin), nearest to {@code mark}; NaN when there is none. Allocation-free, for the
     * Monte Carlo, which re-solves a pool each time funding settles.
     */
    public static double solveShifted(LinearSegment[] segments, double shift, double mark) {
        long found = locate(segments, shift, mark);
        if (found == NONE) {
            return Double.NaN;
        }
        LinearSegment s = segments[(int) (found >> 1)];
        if ((found & 1) == 1) {
            return s.from();
        }
        double z = -(s.intercept() + shift) / s.slope();
        return Math.min(Math.max(z, s.from()), s.to());
    }

    private static final long NONE = -1;

    /**
     * Finds the root nearest the mark: within a segment where its line crosses zero at a positive price, or at a cut
     * where the surplus jumps across zero (no maintenance amount to keep MM continuous). Returns segment index × 2,
     * plus 1 for a jump at that segment's start, or {@link #NONE}.
     */
    private static long locate(LinearSegment[] segments, double shift, double mark) {
        long best = NONE;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < segments.length; i++) {
            LinearSegment s = segments[i];
            double a = s.intercept() + shift;
            if (i > 0) {
                double left = segments[i - 1].intercept() + shift + segments[i - 1].slope() * s.from();
                double right = a + s.slope() * s.from();
                if ((left > 0 && right < 0) || (left < 0 && right > 0)) {
                    double d = Math.abs(s.from() - mark);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = 2L * i + 1;
                    }
                }
            }
            if (s.slope() != 0) {
                // the line's zero: P = −intercept / slope
                double z = -a / s.slope();
                if (z > 0 && z >= s.from() * (1 - EDGE) && z <= s.to() * (1 + EDGE)) {
                    double d = Math.abs(Math.min(Math.max(z, s.from()), s.to()) - mark);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = 2L * i;
                    }
                }
            }
        }
        return best;
    }

    /** The pool's surplus as straight lines between consecutive bracket cuts, in increasing price order. */
    public static List<LinearSegment> segments(MarginPool pool, Requirement kind) {
        double[] cuts = cuts(pool, kind);
        List<LinearSegment> out = new ArrayList<>(cuts.length + 1);
        double from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            double to = i < cuts.length ? cuts[i] : Double.POSITIVE_INFINITY;
            if (to > from) {
                out.add(segment(pool, kind, from, to));
            }
            from = to;
        }
        return out;
    }

    /** Prices where some leg's notional crosses a bracket floor: P = floor_k / Q. */
    private static double[] cuts(MarginPool pool, Requirement kind) {
        if (kind != Requirement.MAINTENANCE) {
            return new double[0];
        }
        double[] all = new double[0];
        for (Leg leg : pool.legs()) {
            if (!leg.bracketMovesWithPrice()) {
                continue;
            }
            double[] floors = leg.rules().table().positiveFloors();
            int start = all.length;
            all = Arrays.copyOf(all, start + floors.length);
            for (int k = 0; k < floors.length; k++) {
                all[start + k] = floors[k] / leg.position().size();
            }
        }
        Arrays.sort(all);
        return Arrays.stream(all).filter(Double::isFinite).distinct().toArray();
    }

    /** The straight line f(P) = intercept + slope × P with every leg's bracket fixed as inside [from, to). */
    private static LinearSegment segment(MarginPool pool, Requirement kind, double from, double to) {
        double inside = Double.isInfinite(to) ? from * 2 + 1 : from + (to - from) / 2;
        double intercept = pool.walletOrMargin() + pool.otherUnrealizedPnl()
                - (kind == Requirement.MAINTENANCE ? pool.otherRequirement() : 0);
        double slope = 0;
        int[] brackets = new int[pool.legs().size()];
        for (int i = 0; i < brackets.length; i++) {
            Leg leg = pool.legs().get(i);
            double q = leg.position().size();
            int side = leg.position().side().sign();
            // uPnL = side × Q × (P − EP)
            slope += side * q;
            intercept -= side * q * leg.position().entryPrice();
            brackets[i] = leg.bracketIndex(inside);
            switch (kind) {
                case MAINTENANCE -> {
                    MarginRules rules = leg.rules();
                    if (leg.maintenanceMovesWithPrice()) {
                        // MM = Q × P × MMR − amount (+ close fee × Q × P where the rules count it)
                        var tier = rules.table().tier(brackets[i]);
                        slope -= q * (tier.mmr() + rules.closeFeeRate());
                        intercept += rules.useAmount() ? tier.maintenanceAmount() : 0;
                    } else {
                        // MM fixed at entry value (Bybit): a constant
                        intercept -= rules.maintenanceMargin(leg.position(), inside);
                        slope -= q * rules.closeFeeRate();
                    }
                }
                case ZERO -> {
                }
                case CLOSE_FEE -> slope -= q * leg.market().takerFeeRate();
            }
        }
        return new LinearSegment(from, to, intercept, slope, brackets);
    }
}
