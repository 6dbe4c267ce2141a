package com.perprisk.engine.liquidation;

import com.perprisk.engine.Position;
import com.perprisk.engine.tier.TierTable;

import java.util.Arrays;
import java.util.List;

/**
 * A pool's surplus f(P) = balance − requirement as straight lines between consecutive bracket cuts, built once per
 * pool and requirement (arrays of primitives, so a solve reads them without allocating). Segment i is
 * f(P) = intercept[i] + slope[i] × P on [from[i], to[i]); leg l is charged at bracket {@code bracket(i, l)} there.
 *
 * <p>Built by exactly the arithmetic, in exactly the order, of the solver's definition (a cut at P = floor_k / Q for
 * every leg whose bracket follows the price; each line summed leg by leg in the pool's order), so every figure is the
 * same to the last bit whether a caller asks for the lines or for the root.
 */
final class SurplusLines {
    final int count;
    final double[] from;
    final double[] to;
    final double[] intercept;
    final double[] slope;
    /** bracket index of leg l in segment i at {@code i × legs + l} */
    private final int[] brackets;
    private final int legs;
    /** f at the pool's mark is positive */
    final boolean safeAtMark;
    /** the segments as records, made on first request (a solve needs only the one its root lies in) */
    private final LinearSegment[] records;
    private List<LinearSegment> list;

    private SurplusLines(MarginPool pool, Requirement kind) {
        this.safeAtMark = pool.surplus(pool.markPrice(), kind) > 0;
        this.legs = pool.legs().size();
        double[] cuts = cuts(pool, kind);
        int capacity = cuts.length + 1;
        from = new double[capacity];
        to = new double[capacity];
        intercept = new double[capacity];
        slope = new double[capacity];
        brackets = new int[capacity * legs];
        boolean lone = legs == 1 && kind == Requirement.MAINTENANCE && pool.legs().get(0).maintenanceMovesWithPrice();
        int n = 0;
        if (lone) {
            n = loneLines(pool, cuts);
        } else {
            double start = 0;
            for (int i = 0; i <= cuts.length; i++) {
                double end = i < cuts.length ? cuts[i] : Double.POSITIVE_INFINITY;
                if (end > start) {
                    line(pool, kind, n++, start, end);
                }
                start = end;
            }
        }
        count = n;
        records = new LinearSegment[n];
    }

    /** The lines of a pool for one requirement; an empty pool has none. */
    static SurplusLines of(MarginPool pool, Requirement kind) {
        return new SurplusLines(pool, kind);
    }

    /** Bracket index of leg {@code leg} within segment {@code i}. */
    int bracket(int i, int leg) {
        return brackets[i * legs + leg];
    }

    /** Segment i as a record (made once, then shared: a record's fields are final, so sharing it is safe). */
    LinearSegment segment(int i) {
        LinearSegment s = records[i];
        if (s == null) {
            s = new LinearSegment(from[i], to[i], intercept[i], slope[i],
                    Arrays.copyOfRange(brackets, i * legs, i * legs + legs));
            records[i] = s;
        }
        return s;
    }

    /**
     * Every segment as a record, in increasing price order: one unmodifiable list, made on first request (an
     * immutable list's fields are final, so sharing it across threads is safe).
     */
    List<LinearSegment> segments() {
        List<LinearSegment> l = list;
        if (l == null) {
            LinearSegment[] out = new LinearSegment[count];
            for (int i = 0; i < count; i++) {
                out[i] = segment(i);
            }
            l = List.of(out);
            list = l;
        }
        return l;
    }

    /**
     * Prices where some leg's notional crosses a bracket floor, P = floor_k / Q, finite, ascending, each once. One
     * leg's cuts are already ascending (floors rise, Q > 0); several legs' are sorted together.
     */
    private static double[] cuts(MarginPool pool, Requirement kind) {
        if (kind != Requirement.MAINTENANCE) {
            return new double[0];
        }
        int total = 0;
        int moving = 0;
        for (Leg leg : pool.legs()) {
            if (leg.bracketMovesWithPrice()) {
                total += leg.rules().table().size() - 1;
                moving++;
            }
        }
        double[] all = new double[total];
        int k = 0;
        for (Leg leg : pool.legs()) {
            if (!leg.bracketMovesWithPrice()) {
                continue;
            }
            var table = leg.rules().table();
            double q = leg.position().size();
            for (int t = 1; t < table.size(); t++) {
                all[k++] = table.tier(t).floor() / q;
            }
        }
        if (moving > 1) {
            Arrays.sort(all);
        }
        // keep the finite values, each once (sorted, so a repeat follows its first occurrence)
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            double c = all[i];
            if (Double.isFinite(c) && (n == 0 || Double.doubleToLongBits(c) != Double.doubleToLongBits(all[n - 1]))) {
                all[n++] = c;
            }
        }
        return n == all.length ? all : Arrays.copyOf(all, n);
    }

    /**
     * The lines of the commonest pool: one leg whose maintenance moves with the price (an isolated position, or a
     * cross position alone in its market). The operations of {@link #line}, in its order, with what does not depend
     * on the segment computed once; each bracket is looked up from the one below it. Returns the number of lines.
     */
    private int loneLines(MarginPool pool, double[] cuts) {
        Leg leg = pool.legs().get(0);
        Position p = leg.position();
        MarginRules rules = leg.rules();
        TierTable table = rules.table();
        boolean moves = rules.bracketMoves();
        boolean useAmount = rules.useAmount();
        double fee = rules.closeFeeRate();
        double q = p.size();
        double entryNotional = p.entryNotional();
        int side = p.side().sign();
        // balance less the fixed requirement, then uPnL = side × Q × (P − EP): its intercept and slope
        double a0 = pool.walletOrMargin() + pool.otherUnrealizedPnl() - pool.otherRequirement();
        a0 -= side * q * p.entryPrice();
        double b0 = 0;
        b0 += side * q;
        int n = 0;
        int bracket = -1;
        double start = 0;
        for (int i = 0; i <= cuts.length; i++) {
            double end = i < cuts.length ? cuts[i] : Double.POSITIVE_INFINITY;
            if (end > start) {
                double inside = Double.isInfinite(end) ? start * 2 + 1 : start + (end - start) / 2;
                // the bracket of Q × P inside the segment (of Q × EP where it is fixed at entry)
                bracket = table.bracketIndex(moves ? q * inside : entryNotional, bracket);
                brackets[n] = bracket;
                // MM = Q × P × MMR − amount (+ close fee × Q × P where the rules count it)
                slope[n] = b0 - q * (table.mmrOf(bracket) + fee);
                intercept[n] = a0 + (useAmount ? table.maintenanceAmountOf(bracket) : 0);
                from[n] = start;
                to[n] = end;
                n++;
            }
            start = end;
        }
        return n;
    }

    /** Segment n: the straight line with every leg's bracket fixed as inside [start, end). */
    private void line(MarginPool pool, Requirement kind, int n, double start, double end) {
        double inside = Double.isInfinite(end) ? start * 2 + 1 : start + (end - start) / 2;
        double a = pool.walletOrMargin() + pool.otherUnrealizedPnl()
                - (kind == Requirement.MAINTENANCE ? pool.otherRequirement() : 0);
        double b = 0;
        int base = n * legs;
        for (int i = 0; i < legs; i++) {
            Leg leg = pool.legs().get(i);
            double q = leg.position().size();
            int side = leg.position().side().sign();
            // uPnL = side × Q × (P − EP)
            b += side * q;
            a -= side * q * leg.position().entryPrice();
            // the previous segment's bracket is the guess: segments follow one another up the price axis
            int bracket = n == 0 ? leg.bracketIndex(inside)
                    : leg.rules().bracketIndex(leg.position(), inside, brackets[base - legs + i]);
            brackets[base + i] = bracket;
            switch (kind) {
                case MAINTENANCE -> {
                    MarginRules rules = leg.rules();
                    if (leg.maintenanceMovesWithPrice()) {
                        // MM = Q × P × MMR − amount (+ close fee × Q × P where the rules count it)
                        var tier = rules.table().tier(bracket);
                        b -= q * (tier.mmr() + rules.closeFeeRate());
                        a += rules.useAmount() ? tier.maintenanceAmount() : 0;
                    } else {
                        // MM fixed at entry value (Bybit): a constant
                        a -= rules.maintenanceMargin(leg.position(), inside);
                        b -= q * rules.closeFeeRate();
                    }
                }
                case ZERO -> {
                }
                case CLOSE_FEE -> b -= q * leg.market().takerFeeRate();
            }
        }
        from[n] = start;
        to[n] = end;
        intercept[n] = a;
        slope[n] = b;
    }
}
