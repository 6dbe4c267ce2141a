package com.perprisk.engine;

import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of the liquidation solver over seeded random portfolios (each seed reproduces its case exactly). */
class SolverPropertiesTest {
    private static final Convention[] ALL = Convention.values();

    static LongStream seeds() {
        return LongStream.range(1, 301);
    }

    /** A random but valid tier table under a convention. */
    static Market randomMarket(Random r, String symbol, Convention c, double mark) {
        if (c == Convention.DYDX) {
            double imf = new double[]{0.05, 0.1, 0.2}[r.nextInt(3)];
            return Market.dydx(symbol, mark, mark, 0.0005, DydxMargin.of(imf, 0.5 + 0.1 * r.nextInt(2)), null, null);
        }
        List<TierSpec> specs = new ArrayList<>();
        double floor = 0;
        double lev = new double[]{125, 100, 50, 40, 20}[r.nextInt(5)];
        double mmr = 1 / (2.5 * lev);
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            double cap = i == n - 1 ? Double.POSITIVE_INFINITY : floor + (5e4 + r.nextDouble() * 5e6) * (i + 1);
            specs.add(new TierSpec(floor, cap, lev, c == Convention.HYPERLIQUID ? null : mmr, null));
            floor = cap;
            lev = Math.max(1, Math.floor(lev / (1.5 + r.nextDouble())));
            mmr = Math.min(1 / (2.0 * lev), mmr * (1.2 + r.nextDouble()));
        }
        double fee = c == Convention.OKX ? 0.0005 : 0;
        return new Market(symbol, c, mark, mark, fee, TierTable.resolve(c, specs), null, null, null);
    }

    static Portfolio isolatedCase(long seed, Side side) {
        Random r = new Random(seed);
        Convention c = ALL[r.nextInt(ALL.length)];
        double mark = 10 + r.nextDouble() * 90_000;
        Market m = randomMarket(r, "X", c, mark);
        double notional = 100 + r.nextDouble() * 2e7;
        double q = notional / mark;
        double maxLev = m.maxLeverage(notional);
        double lev = 1 + r.nextDouble() * (maxLev - 1);
        Position p = Position.isolated("p", "X", side, q, mark, lev);
        return new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(m), List.of(p), 720);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void equityEqualsRequirementAtTheLiquidationPrice(long seed) {
        for (Side side : Side.values()) {
            Portfolio pf = isolatedCase(seed, side);
            var solved = LiquidationSolver.liquidationPrice(pf, "p");
            if (solved.price() == null) {
                continue;
            }
            MarginPool pool = MarginPool.of(pf, "p");
            double lp = solved.price();
            double scale = pool.legs().get(0).position().entryNotional();
            if (!solved.atBoundary()) {
                assertEquals(0, pool.surplus(lp, Requirement.MAINTENANCE), 1e-9 * scale, "seed " + seed);
                assertEquals(1.0, pool.marginRatio(lp), 1e-7, "margin ratio at LP, seed " + seed);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void longLiquidatesBelowEntryAndShortAbove(long seed) {
        Portfolio longCase = isolatedCase(seed, Side.LONG);
        Portfolio shortCase = isolatedCase(seed, Side.SHORT);
        double ep = longCase.positions().get(0).entryPrice();
        Double longLp = LiquidationSolver.liquidationPrice(longCase, "p").price();
        Double shortLp = LiquidationSolver.liquidationPrice(shortCase, "p").price();
        if (longLp != null) {
            assertTrue(longLp < ep, "long LP " + longLp + " < entry " + ep + ", seed " + seed);
        }
        assertNotNull(shortLp, "a short always has a liquidation price");
        assertTrue(shortLp > ep, "short LP " + shortLp + " > entry " + ep + ", seed " + seed);
        // the bankruptcy price lies beyond the liquidation price
        Double longBp = LiquidationSolver.bankruptcyPrice(longCase, "p").price();
        if (longLp != null && longBp != null) {
            assertTrue(longBp < longLp, "long BP below LP, seed " + seed);
        }
        assertTrue(LiquidationSolver.bankruptcyPrice(shortCase, "p").price() > shortLp, "short BP above LP");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void liquidationMovesTowardEntryWithLeverage(long seed) {
        for (Side side : Side.values()) {
            Portfolio pf = isolatedCase(seed, side);
            Position p = pf.positions().get(0);
            Double lower = LiquidationSolver.liquidationPrice(pf.withPositions(List.of(p.withLeverage(
                    Math.max(1, p.leverage() * 0.8)))), "p").price();
            Double higher = LiquidationSolver.liquidationPrice(pf, "p").price();
            if (lower == null || higher == null) {
                continue;
            }
            if (side == Side.LONG) {
                assertTrue(higher >= lower - 1e-9 * lower, "long LP rises with leverage, seed " + seed);
            } else {
                assertTrue(higher <= lower + 1e-9 * lower, "short LP falls with leverage, seed " + seed);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void crossLiquidationMovesAwayWithWalletBalance(long seed) {
        Random r = new Random(seed);
        Convention c = ALL[r.nextInt(ALL.length)];
        Market a = randomMarket(r, "A", c, 100 + r.nextDouble() * 50_000);
        Market b = randomMarket(r, "B", ALL[r.nextInt(ALL.length)], 1 + r.nextDouble() * 3_000);
        Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
        Position pa = Position.cross("a", "A", side, 1e5 / a.markPrice() * (1 + r.nextInt(20)), a.markPrice()
                * (0.9 + 0.2 * r.nextDouble()), 5);
        Position pb = Position.cross("b", "B", r.nextBoolean() ? Side.LONG : Side.SHORT, 5e4 / b.markPrice(),
                b.markPrice() * (0.9 + 0.2 * r.nextDouble()), 5);
        double wb = 2e4 + r.nextDouble() * 1e5;
        Portfolio small = new Portfolio(new Account(wb, PositionMode.ONE_WAY), List.of(a, b), List.of(pa, pb), 720);
        Portfolio big = small.withAccount(new Account(wb * 1.5, PositionMode.ONE_WAY));
        Double lpSmall = LiquidationSolver.liquidationPrice(small, "a").price();
        Double lpBig = LiquidationSolver.liquidationPrice(big, "a").price();
        if (side == Side.LONG) {
            if (lpSmall != null && lpBig != null) {
                assertTrue(lpBig <= lpSmall, "more wallet lowers a long's LP, seed " + seed);
            }
            if (lpSmall == null) {
                assertEquals(null, lpBig, "no liquidation stays none with more wallet");
            }
        } else {
            assertNotNull(lpSmall);
            assertTrue(lpBig >= lpSmall, "more wallet raises a short's LP, seed " + seed);
        }
        // at the cross LP the pool's margin ratio is exactly 1
        if (lpSmall != null && !LiquidationSolver.liquidationPrice(small, "a").atBoundary()) {
            assertEquals(1.0, MarginPool.of(small, "a").marginRatio(lpSmall), 1e-7, "seed " + seed);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void continuousAcrossBracketFloors(long seed) {
        // For each bracket floor F, find the size Q* whose liquidation notional Q* × LP(Q*) is exactly F, and check
        // that LP does not jump there (the maintenance amount keeps MM continuous). OKX and dYdX carry no amount.
        Random r = new Random(seed);
        Convention c = new Convention[]{Convention.BINANCE, Convention.HYPERLIQUID, Convention.BYBIT}[r.nextInt(3)];
        double mark = 1000 + r.nextDouble() * 60_000;
        Market m = randomMarket(r, "X", c, mark);
        Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
        double margin = 1e3 + r.nextDouble() * 1e5;
        for (double floor : m.tiers().positiveFloors()) {
            double lo = floor / mark * 0.2;
            double hi = floor / mark * 5;
            if (liqNotional(m, side, margin, lo) > floor || liqNotional(m, side, margin, hi) < floor) {
                continue;
            }
            for (int i = 0; i < 200; i++) {
                double mid = (lo + hi) / 2;
                if (liqNotional(m, side, margin, mid) < floor) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double below = lp(m, side, margin, lo * (1 - 1e-9));
            double above = lp(m, side, margin, hi * (1 + 1e-9));
            assertEquals(below, above, 1e-5 * below, "LP jumps at floor " + floor + ", seed " + seed + " " + c);
        }
        // and the surplus lines of adjacent segments meet at every cut
        Position p = new Position("p", "X", side, 2e7 / mark, mark, 1, MarginMode.ISOLATED, margin, 0);
        Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(m), List.of(p), 720);
        var segs = LiquidationSolver.segments(MarginPool.of(pf, "p"), Requirement.MAINTENANCE);
        for (int i = 1; i < segs.size(); i++) {
            double x = segs.get(i).from();
            assertEquals(segs.get(i - 1).valueAt(x), segs.get(i).valueAt(x), 1e-6 * p.notionalAt(x),
                    "surplus jumps at " + x + ", seed " + seed);
        }
    }

    private static double lp(Market m, Side side, double margin, double q) {
        Position p = new Position("p", "X", side, q, m.markPrice(), 1, MarginMode.ISOLATED, margin, 0);
        Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(m), List.of(p), 720);
        Double v = LiquidationSolver.liquidationPrice(pf, "p").price();
        return v == null ? 0 : v;
    }

    private static double liqNotional(Market m, Side side, double margin, double q) {
        return q * lp(m, side, margin, q);
    }
}
