package com.perprisk.engine.probability;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.Tables;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonteCarloLiquidationTest {
    static final TierTable BTC = TierTable.resolve(Convention.BINANCE, Tables.binanceBtc2024());

    static Portfolio one(Position p, Convention c, double mark, double wallet) {
        TierTable t = TierTable.resolve(c, Tables.binanceBtc2024());
        Market m = Market.simple("BTCUSDT", c, mark, t);
        return new Portfolio(new Account(wallet, PositionMode.ONE_WAY), List.of(m), List.of(p), 720);
    }

    /** |MC − closed form| ≤ 4 standard errors, for a position with a single barrier. */
    private static void agrees(Portfolio portfolio, String id, double vol, double drift, double hours, long seed) {
        var settings = MonteCarloLiquidation.Settings.of(vol, hours, 20_000, seed).withDrift(drift)
                .withFunding(false);
        var mc = MonteCarloLiquidation.run(portfolio, settings).position(id);
        Position p = portfolio.positions().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        double closed = BarrierProbability.touch(p.side(), portfolio.requireMarket(p.symbol()).markPrice(),
                LiquidationSolver.liquidationPrice(portfolio, id).price(), vol, drift, hours / 8760);
        double se = Math.max(mc.standardError(), 1e-3);
        assertTrue(Math.abs(mc.probability() - closed) <= 4 * se, "MC " + mc.probability() + " ± " + se
                + " vs closed form " + closed);
    }

    @Test
    void monteCarloAgreesWithClosedFormIsolatedLong() {
        Position p = Position.isolated("p", "BTCUSDT", Side.LONG, 1, 60_000, 10);
        agrees(one(p, Convention.BINANCE, 60_000, 0), "p", 0.8, 0, 168, 11);
    }

    @Test
    void monteCarloAgreesWithClosedFormIsolatedShort() {
        Position p = Position.isolated("s", "BTCUSDT", Side.SHORT, 2, 60_000, 20);
        agrees(one(p, Convention.BINANCE, 60_000, 0), "s", 0.6, 0, 72, 12);
    }

    @Test
    void monteCarloAgreesWithClosedFormCrossLoneAndBybit() {
        Position cross = Position.cross("c", "BTCUSDT", Side.LONG, 3, 60_000, 20);
        agrees(one(cross, Convention.BINANCE, 61_000, 15_000), "c", 0.9, 0, 240, 13);
        Position bybit = Position.isolated("b", "BTCUSDT", Side.SHORT, 1, 60_000, 25);
        agrees(one(bybit, Convention.BYBIT, 60_000, 0), "b", 0.7, 0, 48, 14);
    }

    @Test
    void monteCarloAgreesWithClosedFormWithDrift() {
        Position p = Position.isolated("p", "BTCUSDT", Side.LONG, 1, 60_000, 8);
        agrees(one(p, Convention.BINANCE, 60_000, 0), "p", 0.8, -0.5, 336, 15);
    }

    @Test
    void sameSeedReproducesExactly() {
        Position p = Position.isolated("p", "BTCUSDT", Side.LONG, 1, 60_000, 10);
        Portfolio pf = one(p, Convention.BINANCE, 60_000, 0);
        var s = MonteCarloLiquidation.Settings.of(0.8, 168, 3_000, 42);
        var a = MonteCarloLiquidation.run(pf, s);
        var b = MonteCarloLiquidation.run(pf, s);
        assertEquals(a, b);
        // the seed drives the paths: other seeds draw other samples of the same probability
        java.util.Set<Long> hits = new java.util.TreeSet<>();
        for (long seed = 42; seed <= 46; seed++) {
            var c = MonteCarloLiquidation.run(pf, MonteCarloLiquidation.Settings.of(0.8, 168, 3_000, seed));
            hits.add(c.position("p").hits());
            assertEquals(a.position("p").probability(), c.position("p").probability(),
                    5 * a.position("p").standardError(), "seed " + seed);
        }
        assertTrue(hits.size() >= 3, "five seeds gave hit counts " + hits);
    }

    @Test
    void theSeedReproducesTheRunOnAnyNumberOfThreads() throws Exception {
        Market btc = Market.simple("BTCUSDT", Convention.BINANCE, 60_000, BTC);
        Market eth = Market.simple("ETHUSDT", Convention.BINANCE, 3_000,
                TierTable.resolve(Convention.BINANCE, Tables.binanceEth2021()));
        Portfolio pf = new Portfolio(new Account(15_000, PositionMode.ONE_WAY), List.of(btc, eth), List.of(
                Position.cross("a", "BTCUSDT", Side.LONG, 2, 60_000, 20),
                Position.cross("b", "ETHUSDT", Side.SHORT, 40, 3_000, 20),
                Position.isolated("i", "BTCUSDT", Side.SHORT, 1, 60_000, 25)), 720);
        var s = MonteCarloLiquidation.Settings.of(0.9, 96, 3_000, 77).withCorrelation(0.5);
        var parallel = MonteCarloLiquidation.run(pf, s);
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        try {
            var single = one.submit(() -> MonteCarloLiquidation.run(pf, s)).get();
            assertEquals(parallel, single);
        } finally {
            one.shutdown();
        }
    }

    @Test
    void fundingPaidByALongRaisesItsProbability() {
        Position p = Position.isolated("p", "BTCUSDT", Side.LONG, 1, 60_000, 10);
        Market m = new Market("BTCUSDT", Convention.BINANCE, 60_000, 60_000, 0, BTC, null,
                new FundingTerms(0.003, 8), null);
        Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(m), List.of(p), 720);
        var base = MonteCarloLiquidation.Settings.of(0.5, 720, 4_000, 5);
        double with = MonteCarloLiquidation.run(pf, base).position("p").probability();
        double without = MonteCarloLiquidation.run(pf, base.withFunding(false)).position("p").probability();
        // 90 settlements of 0.3% × ~60,000 ≈ 16,000 of funding eat the 6,000 margin: almost certain liquidation
        assertTrue(with > without + 0.2, with + " vs " + without);
        assertTrue(with > 0.95);
    }

    @Test
    void crossPoolSeesEveryMarketAndCorrelationMatters() {
        Market btc = Market.simple("BTCUSDT", Convention.BINANCE, 60_000, BTC);
        Market eth = Market.simple("ETHUSDT", Convention.BINANCE, 3_000,
                TierTable.resolve(Convention.BINANCE, Tables.binanceEth2021()));
        Position a = Position.cross("a", "BTCUSDT", Side.LONG, 2, 60_000, 20);
        Position b = Position.cross("b", "ETHUSDT", Side.SHORT, 40, 3_000, 20);
        Portfolio pf = new Portfolio(new Account(20_000, PositionMode.ONE_WAY), List.of(btc, eth), List.of(a, b), 720);
        var s = MonteCarloLiquidation.Settings.of(0.8, 168, 4_000, 9).withFunding(false);
        var hedged = MonteCarloLiquidation.run(pf, s.withCorrelation(0.9));
        var independent = MonteCarloLiquidation.run(pf, s.withCorrelation(0));
        // one pool: both positions share one probability
        assertEquals(hedged.position("a").probability(), hedged.position("b").probability());
        // long BTC + short ETH with correlated prices offset each other
        assertTrue(hedged.position("a").probability() < independent.position("a").probability() - 0.05,
                hedged.position("a") + " vs " + independent.position("a"));
    }

    @Test
    void anExplicitCorrelationMatrixEqualsTheCommonCorrelation() {
        Market btc = Market.simple("BTCUSDT", Convention.BINANCE, 60_000, BTC);
        Market eth = Market.simple("ETHUSDT", Convention.BINANCE, 3_000,
                TierTable.resolve(Convention.BINANCE, Tables.binanceEth2021()));
        Portfolio pf = new Portfolio(new Account(20_000, PositionMode.ONE_WAY), List.of(btc, eth), List.of(
                Position.cross("a", "BTCUSDT", Side.LONG, 2, 60_000, 20),
                Position.cross("b", "ETHUSDT", Side.LONG, 40, 3_000, 20)), 720);
        var common = MonteCarloLiquidation.Settings.of(0.8, 48, 2_000, 3).withCorrelation(0.6);
        var matrix = new MonteCarloLiquidation.Settings(0.8, java.util.Map.of(), 0, 0,
                new double[][]{{1, 0.6}, {0.6, 1}}, 48, 1, 2_000, 3, true);
        assertEquals(MonteCarloLiquidation.run(pf, common), MonteCarloLiquidation.run(pf, matrix));
        var wrongSize = new MonteCarloLiquidation.Settings(0.8, java.util.Map.of(), 0, 0, new double[][]{{1}}, 48, 1,
                10, 3, true);
        assertThrows(EngineException.class, () -> MonteCarloLiquidation.run(pf, wrongSize));
    }

    @Test
    void loneLegSolveMatchesTheExactSolver() {
        for (Convention c : Convention.values()) {
            if (c == Convention.DYDX) {
                continue;
            }
            for (Side side : Side.values()) {
                for (double lev : new double[]{3, 10, 40}) {
                    Position p = new Position("p", "BTCUSDT", side, 30, 60_000, lev, MarginMode.ISOLATED, null, 500);
                    TierTable t = TierTable.resolve(c, Tables.binanceBtc2024());
                    Market m = new Market("BTCUSDT", c, 60_000, 60_000, 0.0005, t, null, FundingTerms.NONE, null);
                    Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(m), List.of(p), 720);
                    Double exact = LiquidationSolver.liquidationPrice(pf, "p").price();
                    double fast = new LegModel(0, p, m).solveAlone(p.isolatedMarginBalance(), 60_000);
                    if (exact == null) {
                        assertTrue(Double.isNaN(fast), c + " " + side + " " + lev);
                    } else {
                        assertEquals(exact, fast, 1e-7 * exact, c + " " + side + " " + lev);
                    }
                }
            }
        }
    }

    @Test
    void cancellationAndProgress() {
        Position p = Position.isolated("p", "BTCUSDT", Side.LONG, 1, 60_000, 10);
        Portfolio pf = one(p, Convention.BINANCE, 60_000, 0);
        var s = MonteCarloLiquidation.Settings.of(0.8, 24, 2_000, 1);
        AtomicReference<Double> last = new AtomicReference<>(0.0);
        var full = MonteCarloLiquidation.run(pf, s, () -> false, v -> last.accumulateAndGet(v, Math::max));
        assertEquals(1.0, last.get(), 1e-12);
        assertEquals(2_000, full.paths());
        AtomicBoolean stop = new AtomicBoolean(true);
        var none = MonteCarloLiquidation.run(pf, s, stop::get, v -> {
        });
        assertTrue(none.cancelled());
        assertEquals(0, none.paths());
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        Position p = Position.isolated("p", "BTCUSDT", Side.LONG, 1, 60_000, 10);
        Portfolio pf = one(p, Convention.BINANCE, 60_000, 0);
        var e = assertThrows(EngineException.class, () -> MonteCarloLiquidation.run(pf,
                MonteCarloLiquidation.Settings.of(0.8, 24, 0, 1)));
        assertTrue(e.getMessage().contains("paths"));
        assertThrows(EngineException.class, () -> MonteCarloLiquidation.run(pf,
                MonteCarloLiquidation.Settings.of(-0.8, 24, 10, 1)));
        assertThrows(EngineException.class, () -> MonteCarloLiquidation.cholesky(
                new double[][]{{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}}));
    }
}
