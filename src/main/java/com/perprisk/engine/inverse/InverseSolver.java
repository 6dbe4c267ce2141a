package com.perprisk.engine.inverse;

import com.perprisk.engine.Portfolio;
import com.perprisk.engine.liquidation.LinearSegment;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.liquidation.SolvedPrice;

import java.util.List;

/**
 * Liquidation and bankruptcy prices of inverse positions: the exact piecewise-linear solver run on the pool in
 * x = 1 / P ({@link Reciprocal}, {@link CoinPool}), its roots mapped back to P = 1 / x. Where a pool has a root on
 * each side of the mark (hedge legs), the one nearer the mark <em>in price</em> is the answer. A root at x ≤ 0 is no
 * liquidation (P would be infinite or negative): a 1x short whose maintenance moves with the price.
 *
 * <p>The {@link SolvedPrice#segment()} of an answer is the segment in x (its line is the surplus in coin against
 * x = 1 / P); its brackets are each leg's bracket at the answer.
 */
public final class InverseSolver {
    /** Relative slack when deciding whether a root lies within its segment (floating-point at a cut). */
    private static final double EDGE = 1e-12;

    private InverseSolver() {
    }

    /** Liquidation price of an inverse position. */
    public static SolvedPrice liquidationPrice(Portfolio portfolio, String positionId) {
        return solve(CoinPool.of(portfolio, positionId), Requirement.MAINTENANCE);
    }

    /** Bankruptcy price of an inverse position: its pool's coin margin balance reaches 0. */
    public static SolvedPrice bankruptcyPrice(Portfolio portfolio, String positionId) {
        return solve(CoinPool.of(portfolio, positionId), Requirement.ZERO);
    }

    /** Bankruptcy price with the taker fee to close, fee × C × cs / P, charged at that price. */
    public static SolvedPrice bankruptcyPriceWithCloseFee(Portfolio portfolio, String positionId) {
        return solve(CoinPool.of(portfolio, positionId), Requirement.CLOSE_FEE);
    }

    /** Solves balance(P) = requirement(P) for the pool's mark price P. */
    public static SolvedPrice solve(CoinPool pool, Requirement kind) {
        double mark = pool.markPrice();
        boolean safe = pool.surplus(mark, kind) > 0;
        MarginPool x = pool.reciprocal();
        if (x.legs().isEmpty()) {
            return new SolvedPrice(null, null, false, safe);
        }
        double shift = kind == Requirement.MAINTENANCE ? -pool.closeFeeAtBankruptcy() : 0;
        List<LinearSegment> segments = LiquidationSolver.segments(x, kind);
        Root r = locate(segments, shift, mark);
        if (r == null) {
            return new SolvedPrice(null, null, false, safe);
        }
        return new SolvedPrice(Reciprocal.flip(r.x), r.segment, r.atBoundary, safe);
    }

    /**
     * The root in x of the pool's surplus lines raised by {@code shift}, nearest in price to the mark whose
     * reciprocal is {@code markX}; NaN when there is none.
     */
    static double rootInX(MarginPool x, Requirement kind, double shift, double markX) {
        Root r = locate(LiquidationSolver.segments(x, kind), shift, Reciprocal.flip(markX));
        return r == null ? Double.NaN : r.x;
    }

    private record Root(double x, LinearSegment segment, boolean atBoundary) {
    }

    /**
     * Every root in x (a line's zero inside its segment at x > 0, or a jump across zero at a cut), the one whose
     * price 1 / x is nearest the mark.
     */
    private static Root locate(List<LinearSegment> segments, double shift, double mark) {
        Root best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < segments.size(); i++) {
            LinearSegment s = segments.get(i);
            double a = s.intercept() + shift;
            if (i > 0) {
                LinearSegment prev = segments.get(i - 1);
                double left = prev.intercept() + shift + prev.slope() * s.from();
                double right = a + s.slope() * s.from();
                if (s.from() > 0 && ((left > 0 && right < 0) || (left < 0 && right > 0))) {
                    double d = Math.abs(Reciprocal.flip(s.from()) - mark);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = new Root(s.from(), s, true);
                    }
                }
            }
            if (s.slope() != 0) {
                // the line's zero: x = −intercept / slope
                double z = -a / s.slope();
                if (z > 0 && z >= s.from() * (1 - EDGE) && z <= s.to() * (1 + EDGE)) {
                    double clamped = Math.min(Math.max(z, s.from()), s.to());
                    if (clamped > 0) {
                        double d = Math.abs(Reciprocal.flip(clamped) - mark);
                        if (d < bestDistance) {
                            bestDistance = d;
                            best = new Root(clamped, s, false);
                        }
                    }
                }
            }
        }
        return best;
    }
}
