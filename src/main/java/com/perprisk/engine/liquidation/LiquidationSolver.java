package com.perprisk.engine.liquidation;

import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;

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

    /**
     * Solves f(P) = balance(P) − requirement(P) = 0 for the pool's market price. The surplus lines are built once per
     * pool and requirement; a solve then reads primitive arrays and allocates only its answer. A pool of one leg, or
     * whose surplus is one line, is solved without building them on its first solve ({@link StreamedLines}); a pool
     * solved again builds them.
     */
    public static SolvedPrice solve(MarginPool pool, Requirement kind) {
        if (pool.builtLines(kind) == null && pool.firstSolve(kind) && StreamedLines.applies(pool, kind)) {
            return StreamedLines.solve(pool, kind); // the same answer, its lines made one at a time and not kept
        }
        SurplusLines lines = pool.lines(kind);
        boolean safe = lines.safeAtMark;
        if (pool.legs().isEmpty()) {
            return SolvedPrice.none(safe);
        }
        long found = locate(lines, 0, pool.markPrice());
        if (found == NONE) {
            return SolvedPrice.none(safe);
        }
        int i = (int) (found >> 1);
        boolean atBoundary = (found & 1) == 1;
        // the root of the line, P = −intercept / slope, kept inside its segment
        double price = atBoundary ? lines.from[i]
                : Math.min(Math.max(-lines.intercept[i] / lines.slope[i], lines.from[i]), lines.to[i]);
        return new SolvedPrice(price, lines.segment(i), atBoundary, safe);
    }

    /**
     * The price {@link #solve} answers for a pool of one leg, from the pool's parts instead of the pool (nothing is
     * built or allocated): position p charged by {@code rules} at its market's mark, with the pool's wallet (or
     * isolated margin), the other markets' uPnL and requirement ({@link MarginPool#walletOrMargin},
     * {@link MarginPool#otherUnrealizedPnl}, {@link MarginPool#otherRequirement}; 0 and 0 for an isolated pool) and the
     * market's taker fee rate (read for {@link Requirement#CLOSE_FEE} only). NaN when there is none. What the report
     * solves for each isolated position and each market with one cross position.
     */
    public static double oneLegPrice(double walletOrMargin, double otherUnrealizedPnl, double otherRequirement,
                                     Position p, MarginRules rules, double takerFeeRate, double mark,
                                     Requirement kind) {
        return StreamedLines.oneLegPrice(walletOrMargin, otherUnrealizedPnl, otherRequirement, p, rules, takerFeeRate,
                mark, kind);
    }

    /**
     * The price of {@link #solve} alone, NaN when there is none: nothing is allocated once the pool's lines are
     * built (the hot path of the Monte Carlo and of sweeps).
     */
    public static double solvePrice(MarginPool pool, Requirement kind) {
        if (pool.legs().isEmpty()) {
            return Double.NaN;
        }
        SurplusLines lines = pool.lines(kind);
        long found = locate(lines, 0, pool.markPrice());
        if (found == NONE) {
            return Double.NaN;
        }
        int i = (int) (found >> 1);
        return (found & 1) == 1 ? lines.from[i]
                : Math.min(Math.max(-lines.intercept[i] / lines.slope[i], lines.from[i]), lines.to[i]);
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

    /** {@link #solveShifted(LinearSegment[], double, double)} on a pool's own maintenance lines. */
    public static double solveShifted(MarginPool pool, double shift, double mark) {
        SurplusLines lines = pool.lines(Requirement.MAINTENANCE);
        long found = locate(lines, shift, mark);
        if (found == NONE) {
            return Double.NaN;
        }
        int i = (int) (found >> 1);
        if ((found & 1) == 1) {
            return lines.from[i];
        }
        double z = -(lines.intercept[i] + shift) / lines.slope[i];
        return Math.min(Math.max(z, lines.from[i]), lines.to[i]);
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

    /** {@link #locate(LinearSegment[], double, double)} over the primitive arrays of a pool's lines. */
    private static long locate(SurplusLines lines, double shift, double mark) {
        final double[] from = lines.from;
        final double[] to = lines.to;
        final double[] intercept = lines.intercept;
        final double[] slope = lines.slope;
        long best = NONE;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < lines.count; i++) {
            double a = intercept[i] + shift;
            double b = slope[i];
            double lo = from[i];
            if (i > 0) {
                double left = intercept[i - 1] + shift + slope[i - 1] * lo;
                double right = a + b * lo;
                if ((left > 0 && right < 0) || (left < 0 && right > 0)) {
                    double d = Math.abs(lo - mark);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = 2L * i + 1;
                    }
                }
            }
            if (b != 0) {
                // the line's zero: P = −intercept / slope
                double z = -a / b;
                double hi = to[i];
                if (z > 0 && z >= lo * (1 - EDGE) && z <= hi * (1 + EDGE)) {
                    double d = Math.abs(Math.min(Math.max(z, lo), hi) - mark);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = 2L * i;
                    }
                }
            }
        }
        return best;
    }

    /**
     * The pool's surplus as straight lines between consecutive bracket cuts, in increasing price order (unmodifiable;
     * built once per pool and requirement, so a caller that re-solves the lines allocates nothing).
     */
    public static List<LinearSegment> segments(MarginPool pool, Requirement kind) {
        return pool.lines(kind).segments();
    }
}
