package com.perprisk.engine.liquidation;

import com.perprisk.engine.Position;
import com.perprisk.engine.tier.TierTable;

/**
 * The solver's lines for the commonest pools, computed one at a time and solved as they come, with nothing stored:
 * a pool of one leg whose maintenance moves with the price (an isolated position, a cross position alone in its
 * market), and any pool whose surplus is one straight line (no leg's bracket follows the price, or a requirement
 * without brackets: bankruptcy, close fee). The report solves each such pool once or twice, so building and keeping
 * its lines ({@link SurplusLines}) would cost more than the solve.
 *
 * <p>Each line is made by the arithmetic of {@link SurplusLines} in its order, and the root is found by the steps of
 * {@code LiquidationSolver.locate} in its order, so the answer is the same to the last bit as a solve on the built
 * lines ({@code SolverReferenceTest}).
 */
final class StreamedLines {
    /** Relative slack when deciding whether a root lies within its segment, as in the solver. */
    private static final double EDGE = 1e-12;

    private StreamedLines() {
    }

    /** Whether {@link #solve} can answer for this pool without its lines (otherwise build them). */
    static boolean applies(MarginPool pool, Requirement kind) {
        int legs = pool.legs().size();
        if (legs == 0) {
            return false;
        }
        if (legs == 1 && kind == Requirement.MAINTENANCE && pool.legs().get(0).maintenanceMovesWithPrice()) {
            return true;
        }
        if (kind != Requirement.MAINTENANCE) {
            return true;
        }
        for (Leg leg : pool.legs()) {
            if (leg.bracketMovesWithPrice()) {
                return false;
            }
        }
        return true;
    }

    /** The solver's answer for a pool {@link #applies} to. */
    static SolvedPrice solve(MarginPool pool, Requirement kind) {
        boolean safe = pool.surplus(pool.markPrice(), kind) > 0;
        int legs = pool.legs().size();
        if (legs == 1 && kind == Requirement.MAINTENANCE && pool.legs().get(0).maintenanceMovesWithPrice()) {
            Leg leg = pool.legs().get(0);
            Root root = new Root();
            double price = loneLeg(pool.walletOrMargin(), pool.otherUnrealizedPnl(), pool.otherRequirement(),
                    leg.position(), leg.rules(), pool.markPrice(), root);
            return Double.isNaN(price) ? SolvedPrice.none(safe) : new SolvedPrice(price, new LinearSegment(root.from,
                    root.to, root.a, root.b, new int[]{root.bracket}), root.boundary, safe);
        }
        return oneLine(pool, kind, safe);
    }

    /**
     * The price {@link #solve} finds for a pool of one leg (position p charged by {@code rules}, close fee at
     * {@code takerFee} where the requirement is {@link Requirement#CLOSE_FEE}), given by the pool's parts instead of
     * the pool: its wallet or margin, the other markets' uPnL and requirement, and the mark. NaN when there is none
     * (a found root is never NaN). Allocates nothing: what the report solves for each isolated position and each
     * market with one cross position.
     */
    static double oneLegPrice(double walletOrMargin, double otherPnl, double otherRequirement, Position p,
                              MarginRules rules, double takerFee, double mark, Requirement kind) {
        if (kind == Requirement.MAINTENANCE && !rules.measureAtEntry()) {
            return loneLeg(walletOrMargin, otherPnl, otherRequirement, p, rules, mark, null);
        }
        double inside = 0 * 2 + 1.0;
        double a = walletOrMargin + otherPnl - (kind == Requirement.MAINTENANCE ? otherRequirement : 0);
        int bracket = kind == Requirement.MAINTENANCE ? rules.bracketIndex(p, inside) : 0;
        double b = slopeWith(0, p, rules, takerFee, kind, bracket);
        a = interceptWith(a, p, rules, kind, bracket, inside);
        return lineRoot(a, b, mark);
    }

    /** Where the streamed solve of a lone leg found its root: the line and segment, for the answer's record. */
    static final class Root {
        boolean boundary;
        double from;
        double to;
        double a;
        double b;
        int bracket;
    }

    /**
     * The root of a lone leg whose maintenance moves with the price: {@link #filtered} where its cuts separate,
     * else {@link #lone}; NaN when there is none. The root's line goes into {@code root} when one is given.
     */
    private static double loneLeg(double walletOrMargin, double otherPnl, double otherRequirement, Position p,
                                  MarginRules rules, double mark, Root root) {
        // balance less the fixed requirement
        double a0 = walletOrMargin + otherPnl - otherRequirement;
        return rules.bracketMoves() && rules.table().cutsSeparateAt(p.size()) ? filtered(a0, p, rules, mark, root)
                : lone(a0, p, rules, mark, root);
    }

    /**
     * {@link #lone} for a leg whose cuts P = floor_k / Q are all distinct normal numbers
     * ({@link TierTable#cutsSeparateAt}): segment i is then [cut_i, cut_{i+1}) with cut_0 = 0 and the last open, and
     * its bracket is i. Every line is made exactly as {@link #lone} makes it, but the cuts, which cost a division each,
     * are first only estimated (floor_k × (1 / Q), within 4 roundings of the cut), and each line is classed by its
     * sign over its segment widened by 3 × 10⁻¹² at both ends: certainly positive, certainly negative (its value at
     * both widened ends beyond 10⁻¹⁵ × its terms, far above the rounding of any evaluation), or unknown. A line of
     * certain sign has no zero within 2 × 10⁻¹² of its segment, which the root test needs, and two neighbours of the
     * same certain sign evaluate to that sign at their common cut, so no jump is found there. Only the other
     * segments (an unknown line, or a change of sign from the segment below) are tested as {@link #lone} tests them,
     * with the exact cuts, in ascending order: the same candidates, so the same answer.
     */
    private static double filtered(double fixed, Position p, MarginRules rules, double mark, Root root) {
        TierTable table = rules.table();
        boolean useAmount = rules.useAmount();
        double fee = rules.closeFeeRate();
        double q = p.size();
        int side = p.side().sign();
        double shift = 0;
        int last = table.size() - 1;
        // balance less the fixed requirement, then uPnL = side × Q × (P − EP): its intercept and slope
        double a0 = fixed;
        a0 -= side * q * p.entryPrice();
        double b0 = 0;
        b0 += side * q;
        double inverse = 1 / q;
        // the estimate of a cut is within 4 roundings only while 1 / Q is a normal number
        boolean estimate = inverse >= Double.MIN_NORMAL && inverse < Double.POSITIVE_INFINITY;
        int previousSign = 0;
        double prevA = 0;
        double prevB = 0;
        boolean found = false;
        boolean bestBoundary = false;
        double bestDistance = Double.POSITIVE_INFINITY;
        double bestFrom = 0;
        double bestTo = 0;
        double bestA = 0;
        double bestB = 0;
        int bestBracket = 0;
        double upperEstimate = last == 0 ? Double.POSITIVE_INFINITY : table.floorOf(1) * inverse;
        for (int i = 0; i <= last; i++) {
            double lowerEstimate = i == 0 ? 0 : upperEstimate;
            upperEstimate = i == last ? Double.POSITIVE_INFINITY : table.floorOf(i + 1) * inverse;
            // segment i, bracket i: MM = Q × P × MMR − amount (+ close fee × Q × P where the rules count it)
            double b = b0 - q * (table.mmrOf(i) + fee);
            double a = a0 + (useAmount ? table.maintenanceAmountOf(i) : 0);
            int sign = estimate ? sign(a, b, lowerEstimate * (1 - 3 * EDGE), upperEstimate * (1 + 3 * EDGE)) : 0;
            if (sign == 0 || (i > 0 && sign != previousSign)) {
                double lo = cut(table, i, q);
                double hi = cut(table, i + 1, q);
                double shifted = a + shift;
                if (i > 0) {
                    double left = prevA + shift + prevB * lo;
                    double right = shifted + b * lo;
                    if ((left > 0 && right < 0) || (left < 0 && right > 0)) {
                        double d = Math.abs(lo - mark);
                        if (d < bestDistance) {
                            bestDistance = d;
                            found = true;
                            bestBoundary = true;
                            bestFrom = lo;
                            bestTo = hi;
                            bestA = a;
                            bestB = b;
                            bestBracket = i;
                        }
                    }
                }
                if (b != 0) {
                    // the line's zero: P = −intercept / slope
                    double z = -shifted / b;
                    if (z > 0 && z >= lo * (1 - EDGE) && z <= hi * (1 + EDGE)) {
                        double d = Math.abs(Math.min(Math.max(z, lo), hi) - mark);
                        if (d < bestDistance) {
                            bestDistance = d;
                            found = true;
                            bestBoundary = false;
                            bestFrom = lo;
                            bestTo = hi;
                            bestA = a;
                            bestB = b;
                            bestBracket = i;
                        }
                    }
                }
            }
            previousSign = sign;
            prevA = a;
            prevB = b;
        }
        return found ? answer(bestBoundary, bestFrom, bestTo, bestA, bestB, bestBracket, root) : Double.NaN;
    }

    /**
     * The price of the best candidate: its segment's start for a jump there, else its line's root kept inside the
     * segment; the candidate's line goes into {@code root} when one is given.
     */
    private static double answer(boolean boundary, double from, double to, double a, double b, int bracket,
                                 Root root) {
        if (root != null) {
            root.boundary = boundary;
            root.from = from;
            root.to = to;
            root.a = a;
            root.b = b;
            root.bracket = bracket;
        }
        // the root of the line, P = −intercept / slope, kept inside its segment
        return boundary ? from : Math.min(Math.max(-a / b, from), to);
    }

    /**
     * The sign of the line a + b × P over [from, to] (to may be +∞) when it is certain: +1 or −1 when its exact value
     * at both ends is beyond 10⁻¹⁵ × (|a| + |b × P|) on that side (an evaluation rounds by less than 3 × 10⁻¹⁶ of
     * that), so that it keeps the sign, with such a margin, everywhere between; 0 when it cannot tell.
     */
    private static int sign(double a, double b, double from, double to) {
        double atFrom = a + b * from;
        double marginFrom = CERTAIN * (Math.abs(a) + Math.abs(b * from));
        if (to == Double.POSITIVE_INFINITY) {
            if (atFrom > marginFrom && b >= 0) {
                return 1;
            }
            return atFrom < -marginFrom && b <= 0 ? -1 : 0;
        }
        double atTo = a + b * to;
        double marginTo = CERTAIN * (Math.abs(a) + Math.abs(b * to));
        if (atFrom > marginFrom && atTo > marginTo) {
            return 1;
        }
        return atFrom < -marginFrom && atTo < -marginTo ? -1 : 0;
    }

    /** Relative margin beyond which the sign of an evaluated line is certain (about 9 roundings). */
    private static final double CERTAIN = 1e-15;

    /** Cut k of a leg of size Q: 0 below the first, floor_k / Q, +∞ above the last. */
    private static double cut(TierTable table, int k, double q) {
        return k == 0 ? 0 : k >= table.size() ? Double.POSITIVE_INFINITY : table.floorOf(k) / q;
    }

    /**
     * One leg whose maintenance moves with the price: segment by segment between its cuts P = floor_k / Q (finite,
     * each once), the lines of {@code SurplusLines.loneLines}, each checked for a root as it is made.
     */
    private static double lone(double fixed, Position p, MarginRules rules, double mark, Root root) {
        TierTable table = rules.table();
        boolean moves = rules.bracketMoves();
        boolean useAmount = rules.useAmount();
        double fee = rules.closeFeeRate();
        double q = p.size();
        double entryNotional = p.entryNotional();
        int side = p.side().sign();
        double shift = 0;
        // balance less the fixed requirement, then uPnL = side × Q × (P − EP): its intercept and slope
        double a0 = fixed;
        a0 -= side * q * p.entryPrice();
        double b0 = 0;
        b0 += side * q;
        int floors = moves ? table.size() : 1;
        int next = 1;
        boolean anyCut = false;
        double lastCut = 0;
        int bracket = -1;
        double start = 0;
        double prevA = 0;
        double prevB = 0;
        int n = 0;
        boolean found = false;
        boolean bestBoundary = false;
        double bestDistance = Double.POSITIVE_INFINITY;
        double bestFrom = 0;
        double bestTo = 0;
        double bestA = 0;
        double bestB = 0;
        int bestBracket = 0;
        while (true) {
            // the next cut: floor / Q, finite, not equal to the one before
            double end = Double.POSITIVE_INFINITY;
            while (next < floors) {
                double c = table.floorOf(next++) / q;
                if (Double.isFinite(c) && (!anyCut || Double.doubleToLongBits(c) != Double.doubleToLongBits(lastCut))) {
                    anyCut = true;
                    lastCut = c;
                    end = c;
                    break;
                }
            }
            if (end > start) {
                double inside = Double.isInfinite(end) ? start * 2 + 1 : start + (end - start) / 2;
                // the bracket of Q × P inside the segment (of Q × EP where it is fixed at entry)
                bracket = table.bracketIndex(moves ? q * inside : entryNotional, bracket);
                // MM = Q × P × MMR − amount (+ close fee × Q × P where the rules count it)
                double b = b0 - q * (table.mmrOf(bracket) + fee);
                double a = a0 + (useAmount ? table.maintenanceAmountOf(bracket) : 0);
                double lo = start;
                double shifted = a + shift;
                if (n > 0) {
                    double left = prevA + shift + prevB * lo;
                    double right = shifted + b * lo;
                    if ((left > 0 && right < 0) || (left < 0 && right > 0)) {
                        double d = Math.abs(lo - mark);
                        if (d < bestDistance) {
                            bestDistance = d;
                            found = true;
                            bestBoundary = true;
                            bestFrom = lo;
                            bestTo = end;
                            bestA = a;
                            bestB = b;
                            bestBracket = bracket;
                        }
                    }
                }
                if (b != 0) {
                    // the line's zero: P = −intercept / slope
                    double z = -shifted / b;
                    if (z > 0 && z >= lo * (1 - EDGE) && z <= end * (1 + EDGE)) {
                        double d = Math.abs(Math.min(Math.max(z, lo), end) - mark);
                        if (d < bestDistance) {
                            bestDistance = d;
                            found = true;
                            bestBoundary = false;
                            bestFrom = lo;
                            bestTo = end;
                            bestA = a;
                            bestB = b;
                            bestBracket = bracket;
                        }
                    }
                }
                prevA = a;
                prevB = b;
                n++;
            }
            start = end;
            if (Double.isInfinite(end)) {
                break;
            }
        }
        return found ? answer(bestBoundary, bestFrom, bestTo, bestA, bestB, bestBracket, root) : Double.NaN;
    }

    /** A pool whose surplus is one straight line over (0, ∞): the line of {@code SurplusLines.line} for segment 0. */
    private static SolvedPrice oneLine(MarginPool pool, Requirement kind, boolean safe) {
        double start = 0;
        double end = Double.POSITIVE_INFINITY;
        double inside = start * 2 + 1;
        double a = pool.walletOrMargin() + pool.otherUnrealizedPnl()
                - (kind == Requirement.MAINTENANCE ? pool.otherRequirement() : 0);
        double b = 0;
        int legs = pool.legs().size();
        for (int i = 0; i < legs; i++) {
            Leg leg = pool.legs().get(i);
            MarginRules rules = leg.rules();
            int bracket = kind == Requirement.MAINTENANCE ? rules.bracketIndex(leg.position(), inside) : 0;
            b = slopeWith(b, leg.position(), rules, leg.market().takerFeeRate(), kind, bracket);
            a = interceptWith(a, leg.position(), rules, kind, bracket, inside);
        }
        double price = lineRoot(a, b, pool.markPrice());
        if (Double.isNaN(price)) {
            return SolvedPrice.none(safe);
        }
        // each leg's bracket inside the line's segment, as SurplusLines records it
        int[] brackets = new int[legs];
        for (int i = 0; i < legs; i++) {
            brackets[i] = pool.legs().get(i).bracketIndex(inside);
        }
        return new SolvedPrice(price, new LinearSegment(start, end, a, b, brackets), false, safe);
    }

    /**
     * The line's slope with one more leg, as {@code SurplusLines.line} sums it: uPnL's side × Q, less the
     * requirement's growth per unit of P (Q × (MMR + close fee) where maintenance moves with the price, in the leg's
     * {@code bracket} inside the segment; the close fee alone where it is fixed at entry; the taker fee for
     * {@link Requirement#CLOSE_FEE}).
     */
    private static double slopeWith(double b, Position p, MarginRules rules, double takerFee, Requirement kind,
                                    int bracket) {
        double q = p.size();
        // uPnL = side × Q × (P − EP)
        b += p.side().sign() * q;
        switch (kind) {
            case MAINTENANCE -> {
                if (!rules.measureAtEntry()) {
                    // MM = Q × P × MMR − amount (+ close fee × Q × P where the rules count it)
                    b -= q * (rules.table().mmrOf(bracket) + rules.closeFeeRate());
                } else {
                    b -= q * rules.closeFeeRate();
                }
            }
            case ZERO -> {
            }
            case CLOSE_FEE -> b -= q * takerFee;
        }
        return b;
    }

    /**
     * The line's intercept with one more leg, as {@code SurplusLines.line} sums it: less side × Q × EP, plus the
     * bracket's maintenance amount where deducted (maintenance moving with the price), or less the maintenance margin
     * fixed at entry (Bybit).
     */
    private static double interceptWith(double a, Position p, MarginRules rules, Requirement kind, int bracket,
                                        double inside) {
        a -= p.side().sign() * p.size() * p.entryPrice();
        if (kind == Requirement.MAINTENANCE) {
            if (!rules.measureAtEntry()) {
                a += rules.useAmount() ? rules.table().maintenanceAmountOf(bracket) : 0;
            } else {
                // MM fixed at entry value (Bybit): a constant
                a -= rules.maintenanceMargin(p, inside);
            }
        }
        return a;
    }

    /** The zero of the line a + b × P over (0, ∞) as the solver tests it, NaN when there is none. */
    private static double lineRoot(double a, double b, double mark) {
        double start = 0;
        double end = Double.POSITIVE_INFINITY;
        double shift = 0;
        if (b != 0) {
            // the line's zero: P = −intercept / slope
            double z = -(a + shift) / b;
            if (z > 0 && z >= start * (1 - EDGE) && z <= end * (1 + EDGE)
                    && Math.abs(Math.min(Math.max(z, start), end) - mark) < Double.POSITIVE_INFINITY) {
                return Math.min(Math.max(-a / b, start), end);
            }
        }
        return Double.NaN;
    }
}
