package com.perprisk.engine.liquidation;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.DydxMargin;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The solver's precomputed, allocation-free lines give bit for bit what the solver gave before them: the original
 * algorithm (cuts by copy, sort and distinct; one list of segments per solve) is kept here as the reference and
 * compared on seeded random pools, isolated and cross, one-way and hedged, every convention and every switched
 * factor of the venue comparison, for all three requirements and for shifted re-solves.
 */
class SolverReferenceTest {
    private static final Convention[] ALL = Convention.values();

    static LongStream seeds() {
        return LongStream.range(1, 401);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sameBitsAsTheReferenceSolver(long seed) {
        Random r = new Random(seed);
        Portfolio pf = randomPortfolio(r);
        List<Function<Market, MarginRules>> ruleSets = List.of(MarginRules::of,
                m -> MarginRules.of(m).withMeasureAtEntry(!MarginRules.of(m).measureAtEntry()),
                m -> MarginRules.of(m).withBracketAtEntry(!MarginRules.of(m).bracketAtEntry()),
                m -> MarginRules.of(m).withAmount(!MarginRules.of(m).useAmount()),
                m -> MarginRules.of(m).withCloseFee(0.0007));
        for (Position p : pf.positions()) {
            for (var rules : ruleSets) {
                MarginPool pool = MarginPool.of(pf, p.id(), rules);
                String where = "seed " + seed + ", " + p.id();
                for (Requirement kind : Requirement.values()) {
                    SolvedPrice expected = Reference.solve(pool, kind);
                    SolvedPrice actual = LiquidationSolver.solve(pool, kind);
                    assertEquals(bits(expected.price()), bits(actual.price()), where + " " + kind);
                    assertEquals(expected.segment(), actual.segment(), where + " " + kind);
                    assertEquals(expected.atBoundary(), actual.atBoundary(), where + " " + kind);
                    assertEquals(expected.safeAtMark(), actual.safeAtMark(), where + " " + kind);
                    assertEquals(Reference.segments(pool, kind), LiquidationSolver.segments(pool, kind),
                            where + " " + kind);
                    double plain = LiquidationSolver.solvePrice(pool, kind);
                    assertEquals(expected.price() == null ? Double.doubleToLongBits(Double.NaN) : bits(expected.price()),
                            Double.doubleToLongBits(plain), where + " " + kind + " (primitive)");
                    // a second solve reads the lines built by the first
                    assertEquals(bits(expected.price()), bits(LiquidationSolver.solve(pool, kind).price()), where);
                }
                LinearSegment[] segs = Reference.segments(pool, Requirement.MAINTENANCE)
                        .toArray(new LinearSegment[0]);
                for (int k = 0; k < 5; k++) {
                    double shift = (r.nextDouble() - 0.5) * 2 * pool.walletOrMargin();
                    double mark = pool.markPrice() * (0.5 + r.nextDouble());
                    assertEquals(Double.doubleToLongBits(LiquidationSolver.solveShifted(segs, shift, mark)),
                            Double.doubleToLongBits(LiquidationSolver.solveShifted(pool, shift, mark)),
                            where + " shifted by " + shift);
                }
            }
        }
    }

    private static long bits(Double d) {
        return d == null ? -1 : Double.doubleToLongBits(d);
    }

    static Portfolio randomPortfolio(Random r) {
        int markets = 1 + r.nextInt(4);
        boolean hedge = r.nextBoolean();
        List<Market> ms = new ArrayList<>();
        List<Position> ps = new ArrayList<>();
        for (int i = 0; i < markets; i++) {
            Convention c = ALL[r.nextInt(ALL.length)];
            double mark = 0.5 + r.nextDouble() * 90_000;
            Market m = randomMarket(r, "M" + i, c, mark);
            ms.add(m);
            int legs = hedge ? 1 + r.nextInt(2) : 1;
            for (int l = 0; l < legs; l++) {
                Side side = legs == 2 ? (l == 0 ? Side.LONG : Side.SHORT) : (r.nextBoolean() ? Side.LONG : Side.SHORT);
                double notional = 10 + r.nextDouble() * (r.nextInt(4) == 0 ? 5e9 : 2e7);
                double q = notional / mark;
                double entry = mark * (0.8 + 0.4 * r.nextDouble());
                double lev = 1 + r.nextDouble() * 19;
                String id = "p" + i + "_" + l;
                ps.add(r.nextInt(3) == 0 ? Position.isolated(id, m.symbol(), side, q, entry, lev)
                        : Position.cross(id, m.symbol(), side, q, entry, lev));
            }
        }
        double wallet = r.nextDouble() * 2e6;
        return new Portfolio(new Account(wallet, hedge ? PositionMode.HEDGE : PositionMode.ONE_WAY), ms, ps, 720);
    }

    static Market randomMarket(Random r, String symbol, Convention c, double mark) {
        if (c == Convention.DYDX) {
            double imf = new double[]{0.05, 0.1, 0.2}[r.nextInt(3)];
            return Market.dydx(symbol, mark, mark, 0.0005, DydxMargin.of(imf, 0.5 + 0.1 * r.nextInt(2)), null, null);
        }
        List<TierSpec> specs = new ArrayList<>();
        double floor = 0;
        double lev = new double[]{125, 100, 50, 40, 20}[r.nextInt(5)];
        double mmr = 1 / (2.5 * lev);
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            double cap = i == n - 1 ? Double.POSITIVE_INFINITY : floor + (5e4 + r.nextDouble() * 5e6) * (i + 1);
            specs.add(new TierSpec(floor, cap, lev, c == Convention.HYPERLIQUID ? null : mmr, null));
            floor = cap;
            lev = Math.max(1, Math.floor(lev / (1.2 + r.nextDouble())));
            mmr = Math.min(1 / (2.0 * lev), mmr * (1.1 + r.nextDouble()));
        }
        double fee = c == Convention.OKX ? 0.0005 : 0.0002 * r.nextInt(3);
        return new Market(symbol, c, mark, mark, fee, TierTable.resolve(c, specs), null, null, null);
    }

    /** The solver as it was before its lines were precomputed (kept verbatim as the reference). */
    static final class Reference {
        private static final double EDGE = 1e-12;
        private static final long NONE = -1;

        static SolvedPrice solve(MarginPool pool, Requirement kind) {
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

        static List<LinearSegment> segments(MarginPool pool, Requirement kind) {
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
                slope += side * q;
                intercept -= side * q * leg.position().entryPrice();
                brackets[i] = leg.bracketIndex(inside);
                switch (kind) {
                    case MAINTENANCE -> {
                        MarginRules rules = leg.rules();
                        if (leg.maintenanceMovesWithPrice()) {
                            var tier = rules.table().tier(brackets[i]);
                            slope -= q * (tier.mmr() + rules.closeFeeRate());
                            intercept += rules.useAmount() ? tier.maintenanceAmount() : 0;
                        } else {
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
}
