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
        List<LinearSegment> segments = segments(pool, kind);
        List<SolvedPrice> roots = new ArrayList<>(2);
        LinearSegment previous = null;
        for (LinearSegment s : segments) {
            if (previous != null) {
                // a jump across zero at the cut (no maintenance amount to keep MM continuous)
                double left = previous.valueAt(s.from());
                double right = s.valueAt(s.from());
                if ((left > 0 && right < 0) || (left < 0 && right > 0)) {
                    roots.add(new SolvedPrice(s.from(), s, true, safe));
                }
            }
            double z = s.zero();
            if (!Double.isNaN(z) && z > 0 && z >= s.from() * (1 - EDGE) && z <= s.to() * (1 + EDGE)) {
                double p = Math.min(Math.max(z, s.from()), s.to());
                roots.add(new SolvedPrice(p, s, false, safe));
            }
            previous = s;
        }
        SolvedPrice best = null;
        for (SolvedPrice r : roots) {
            if (best == null || Math.abs(r.price() - mark) < Math.abs(best.price() - mark)) {
                best = r;
            }
        }
        return best != null ? best : SolvedPrice.none(safe);
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
            double[] floors = leg.market().tiers().positiveFloors();
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
                    var tier = leg.market().tiers().tier(brackets[i]);
                    if (leg.maintenanceMovesWithPrice()) {
                        // MM = Q × P × MMR − amount (+ taker fee × Q × P under OKX)
                        slope -= q * (tier.mmr() + leg.market().closeFeeInRequirement());
                        intercept += tier.maintenanceAmount();
                    } else {
                        // MM fixed at entry value (Bybit): a constant
                        intercept -= tier.maintenanceMargin(leg.position().entryNotional());
                        slope -= q * leg.market().closeFeeInRequirement();
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
