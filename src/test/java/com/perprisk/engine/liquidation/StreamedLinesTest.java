package com.perprisk.engine.liquidation;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.tier.Tier;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pool solved before its lines are built ({@code StreamedLines}: the lines made one at a time, the sign filter of a
 * leg whose cuts separate) answers exactly as the reference solver, where the shortcuts are most at risk: sizes from
 * 10⁻³⁰⁰ to 10³⁰⁰ around the range where the cuts separate, floors nearly equal (the filter must stand aside), tables
 * whose maintenance jumps at every floor (roots at cuts, several candidates), the mark exactly between two candidates
 * (ties), wallets that put the root in every segment or nowhere, both sides.
 */
class StreamedLinesTest {
    static LongStream seeds() {
        return LongStream.range(1, 301);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void freshPoolsSolveAsTheReference(long seed) {
        Random r = new Random(seed);
        TierTable table = table(r);
        for (int k = 0; k < 40; k++) {
            double q = Math.pow(10, -300 + 600 * r.nextDouble());
            if (r.nextInt(3) == 0) {
                q = Math.pow(10, -3 + 9 * r.nextDouble());
            }
            double mark;
            if (r.nextInt(4) == 0 && table.size() > 2) {
                // the mark exactly between two cuts: candidates at equal distance on both sides
                int c = 1 + r.nextInt(table.size() - 2);
                mark = (table.floorOf(c) / q + table.floorOf(c + 1) / q) / 2;
            } else {
                mark = table.floorOf(r.nextInt(table.size())) / q * (0.5 + r.nextDouble());
            }
            if (!(mark > 0) || !Double.isFinite(mark)) {
                continue;
            }
            Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
            double entry = mark * (0.7 + 0.6 * r.nextDouble());
            Market m = Market.simple("M", Convention.BINANCE, mark, table);
            Position p = Position.isolated("p", "M", side, q, entry, 1 + 99 * r.nextDouble());
            if (r.nextBoolean()) {
                p = p.withIsolatedMargin(q * mark * (r.nextDouble() * 2 - 0.5), 0);
            }
            List<Function<Market, MarginRules>> rules = List.of(MarginRules::of,
                    mk -> MarginRules.of(mk).withAmount(false), mk -> MarginRules.of(mk).withCloseFee(0.0007));
            for (var rule : rules) {
                MarginPool pool = MarginPool.isolated(p, m, rule.apply(m));
                String where = "seed " + seed + ", Q " + q + ", mark " + mark;
                for (Requirement kind : Requirement.values()) {
                    SolvedPrice expected = SolverReferenceTest.Reference.solve(pool, kind);
                    SolvedPrice actual = LiquidationSolver.solve(MarginPool.isolated(p, m, rule.apply(m)), kind);
                    assertEquals(expected, actual, where + " " + kind);
                    assertEquals(bits(expected.price()), bits(actual.price()), where + " " + kind);
                    assertOneLegPrice(pool, kind, expected, where + " " + kind);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void rootsWithinTheSolversToleranceOfACut(long seed) {
        // the margin that puts the root a few 10⁻¹³ from a cut, inside or outside its segment: the solver accepts a
        // line's zero up to 10⁻¹² beyond its segment, so a filter that judged the segment alone would lose it
        Random r = new Random(seed);
        TierTable table = table(r);
        if (table.size() < 2) {
            return;
        }
        for (int k = 0; k < 30; k++) {
            double q = Math.pow(10, -2 + 5 * r.nextDouble());
            int c = 1 + r.nextInt(table.size() - 1);
            double cut = table.floorOf(c) / q;
            double root = cut * (1 + (r.nextInt(41) - 20) * 1e-13);
            Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
            double mark = root * (side == Side.LONG ? 1.05 + r.nextDouble() : 0.95 - 0.5 * r.nextDouble());
            double entry = mark * (0.9 + 0.2 * r.nextDouble());
            Market m = Market.simple("M", Convention.BINANCE, mark, table);
            Position bare = Position.isolated("p", "M", side, q, entry, 10);
            // margin + side × Q × (root − EP) = MM(root)
            double margin = new Leg(bare, m).requirement(root) - side.sign() * q * (root - entry);
            Position p = bare.withIsolatedMargin(margin, 0);
            for (var rule : List.<Function<Market, MarginRules>>of(MarginRules::of,
                    mk -> MarginRules.of(mk).withAmount(false))) {
                SolvedPrice expected = SolverReferenceTest.Reference.solve(MarginPool.isolated(p, m, rule.apply(m)),
                        Requirement.MAINTENANCE);
                SolvedPrice actual = LiquidationSolver.solve(MarginPool.isolated(p, m, rule.apply(m)),
                        Requirement.MAINTENANCE);
                assertEquals(expected, actual, "seed " + seed + ", cut " + c + ", root " + root);
                assertOneLegPrice(MarginPool.isolated(p, m, rule.apply(m)), Requirement.MAINTENANCE, expected,
                        "seed " + seed + ", cut " + c + ", root " + root);
            }
        }
    }

    @Test
    void aPoolOfOneLegIsSolvedWithoutBuildingItsLines() {
        TierTable table = table(new Random(3));
        Market m = Market.simple("M", Convention.BINANCE, 60_000, table);
        MarginPool pool = MarginPool.isolated(Position.isolated("p", "M", Side.LONG, 2, 61_000, 20), m);
        SolvedPrice lp = LiquidationSolver.solve(pool, Requirement.MAINTENANCE);
        SolvedPrice bp = LiquidationSolver.solve(pool, Requirement.ZERO);
        assertEquals(null, pool.builtLines(Requirement.MAINTENANCE));
        assertEquals(null, pool.builtLines(Requirement.ZERO));
        // solved again, the pool builds its lines and reads them after: the same answer
        assertEquals(lp, LiquidationSolver.solve(pool, Requirement.MAINTENANCE));
        assertEquals(bp, LiquidationSolver.solve(pool, Requirement.ZERO));
        assertTrue(pool.builtLines(Requirement.MAINTENANCE) != null);
        assertTrue(pool.builtLines(Requirement.ZERO) != null);
        assertEquals(lp, LiquidationSolver.solve(pool, Requirement.MAINTENANCE));
        assertEquals(bp, LiquidationSolver.solve(pool, Requirement.ZERO));
    }

    @Test
    void cutsSeparateOnlyForSpreadFloorsAndSizesInRange() {
        TierTable table = TierTable.of(List.of(new Tier(0, 50_000, 125, 0.004, 0),
                new Tier(50_000, 250_000, 100, 0.005, 50), new Tier(250_000, Double.POSITIVE_INFINITY, 50, 0.01, 1300)));
        assertTrue(table.cutsSeparateAt(1));
        assertTrue(table.cutsSeparateAt(1e-200));
        assertFalse(table.cutsSeparateAt(1e-320), "floor / Q would overflow");
        TierTable small = TierTable.of(List.of(new Tier(0, 1e-3, 125, 0.004, 0),
                new Tier(1e-3, Double.POSITIVE_INFINITY, 100, 0.005, 1e-6)));
        assertTrue(small.cutsSeparateAt(1e300));
        assertFalse(small.cutsSeparateAt(1e306), "floor / Q would be subnormal");
        assertFalse(TierTable.single(20, 0.01).cutsSeparateAt(1), "one bracket, no cut");
        TierTable close = TierTable.of(List.of(new Tier(0, 1e6, 100, 0.005, 0),
                new Tier(1e6, 1e6 * (1 + 1e-12), 50, 0.01, 5000), new Tier(1e6 * (1 + 1e-12), Double.POSITIVE_INFINITY,
                        20, 0.02, 15000)));
        assertFalse(close.cutsSeparateAt(1), "floors 10⁻¹² apart are not spread");
    }

    /** A random table whose amounts may follow the recursion or be off it; sometimes with floors nearly equal. */
    static TierTable table(Random r) {
        int n = 1 + r.nextInt(12);
        List<TierSpec> specs = new ArrayList<>();
        double floor = 0;
        double lev = 125;
        double mmr = 0.004;
        for (int i = 0; i < n; i++) {
            double width = r.nextInt(8) == 0 ? floor * 1e-13 + 1e-7 : (5e4 + r.nextDouble() * 5e6) * (i + 1);
            double cap = i == n - 1 ? Double.POSITIVE_INFINITY : floor + width;
            Double amount = r.nextInt(4) == 0 ? r.nextDouble() * floor * mmr : null;
            specs.add(new TierSpec(floor, cap, lev, mmr, amount));
            floor = cap;
            lev = Math.max(1, Math.floor(lev / (1.2 + r.nextDouble())));
            mmr = Math.min(1 / (2.0 * lev), mmr * (1 + r.nextDouble()));
        }
        return TierTable.resolve(Convention.BINANCE, specs);
    }

    private static long bits(Double d) {
        return d == null ? -1 : Double.doubleToLongBits(d);
    }

    /**
     * The one-leg solve from the pool's parts ({@link LiquidationSolver#oneLegPrice}, what the report solves without
     * building the pool) answers the reference's price to the bit, NaN where it has none.
     */
    private static void assertOneLegPrice(MarginPool pool, Requirement kind, SolvedPrice expected, String where) {
        assertEquals(1, pool.legs().size());
        Leg leg = pool.legs().get(0);
        double price = LiquidationSolver.oneLegPrice(pool.walletOrMargin(), pool.otherUnrealizedPnl(),
                pool.otherRequirement(), leg.position(), leg.rules(), leg.market().takerFeeRate(), pool.markPrice(),
                kind);
        assertEquals(bits(expected.price()), Double.isNaN(price) ? -1 : Double.doubleToLongBits(price),
                where + ", from the pool's parts");
    }

    @Test
    void aCrossPoolOfOneLegSolvesFromItsPartsAsTheReference() {
        Random r = new Random(23);
        int checked = 0;
        for (int t = 0; t < 400; t++) {
            Portfolio pf = SolverReferenceTest.randomPortfolio(r);
            for (MarginPool pool : MarginPool.crossPools(pf).values()) {
                if (pool.legs().size() != 1) {
                    continue;
                }
                for (Requirement kind : Requirement.values()) {
                    SolvedPrice expected = SolverReferenceTest.Reference.solve(pool, kind);
                    assertOneLegPrice(pool, kind, expected, "portfolio " + t + ", " + pool.symbol() + " " + kind);
                    checked++;
                }
            }
        }
        assertTrue(checked > 1000, "pools checked: " + checked);
    }

    @Test
    void theCrossPoolsFromFiguresAreTheCrossPoolsOfThePortfolio() {
        Random r = new Random(11);
        for (int t = 0; t < 200; t++) {
            Portfolio pf = SolverReferenceTest.randomPortfolio(r);
            List<Market> markets = pf.markets();
            int n = pf.positions().size();
            Leg[] legs = new Leg[n];
            int[] market = new int[n];
            double[] pnl = new double[n];
            double[] req = new double[n];
            for (int i = 0; i < n; i++) {
                Position p = pf.positions().get(i);
                Market m = pf.requireMarket(p.symbol());
                market[i] = markets.indexOf(m);
                Leg leg = new Leg(p, m);
                pnl[i] = leg.unrealizedPnl(m.markPrice());
                req[i] = leg.requirement(m.markPrice());
                legs[i] = p.isIsolated() ? null : leg;
            }
            MarginPool[] fromFigures = MarginPool.crossPools(pf.account().walletBalance(), legs, market,
                    markets.size(), pnl, req);
            boolean[] cross = new boolean[n];
            for (int i = 0; i < n; i++) {
                cross[i] = legs[i] != null;
            }
            CrossSums sums = new CrossSums(pf.account().walletBalance(), cross, market, markets.size(), pnl, req);
            var expected = MarginPool.crossPools(pf);
            for (int j = 0; j < markets.size(); j++) {
                MarginPool e = expected.get(markets.get(j).symbol());
                MarginPool a = fromFigures[j];
                assertEquals(e == null, a == null);
                if (e == null) {
                    assertEquals(0, sums.legs(j));
                    continue;
                }
                double mark = e.markPrice();
                assertEquals(e.legs(), a.legs());
                assertEquals(bits(e.walletOrMargin()), bits(a.walletOrMargin()));
                assertEquals(bits(e.otherUnrealizedPnl()), bits(a.otherUnrealizedPnl()));
                assertEquals(bits(e.otherRequirement()), bits(a.otherRequirement()));
                assertEquals(bits(e.marginBalance(mark)), bits(a.marginBalance(mark)));
                assertEquals(bits(e.requirement(mark)), bits(a.requirement(mark)));
                // away from the mark nothing is read from the figures
                assertEquals(bits(e.marginBalance(mark * 1.1)), bits(a.marginBalance(mark * 1.1)));
                assertEquals(bits(e.requirement(mark * 0.9)), bits(a.requirement(mark * 0.9)));
                // the sums the report reads where it builds no pool
                assertEquals(e.legs().size(), sums.legs(j));
                assertEquals(bits(e.otherUnrealizedPnl()), bits(sums.otherPnl(j)));
                assertEquals(bits(e.otherRequirement()), bits(sums.otherRequirement(j)));
                assertEquals(bits(e.marginBalance(mark)), bits(sums.balance(j)));
                assertEquals(bits(e.requirement(mark)), bits(sums.requirement(j)));
            }
        }
    }
}
