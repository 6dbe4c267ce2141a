package com.perprisk.engine.inverse;

import com.perprisk.engine.Account;
import com.perprisk.engine.Contract;
import com.perprisk.engine.Convention;
import com.perprisk.engine.ContractType;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.liquidation.SolvedPrice;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of inverse positions over seeded random portfolios (each seed reproduces its case exactly). */
class InversePropertiesTest {
    private static final List<Convention> INVERSE = Convention.of(ContractType.INVERSE);

    static LongStream seeds() {
        return LongStream.range(1, 301);
    }

    /** A random coin-notional tier table (floors in BTC), maintenance amounts by the recursion. */
    static TierTable coinTable(Random r, Convention c) {
        List<TierSpec> specs = new ArrayList<>();
        double floor = 0;
        double lev = new double[]{125, 100, 50, 20}[r.nextInt(4)];
        double mmr = 1 / (2.5 * lev);
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            double cap = i == n - 1 ? Double.POSITIVE_INFINITY : floor + (1 + r.nextDouble() * 100) * (i + 1);
            specs.add(new TierSpec(floor, cap, lev, mmr, null));
            floor = cap;
            lev = Math.max(1, Math.floor(lev / (1.5 + r.nextDouble())));
            mmr = Math.min(1 / (2.0 * lev), mmr * (1.2 + r.nextDouble()));
        }
        return TierTable.resolve(c, specs);
    }

    static Market randomMarket(Random r, String symbol, double mark) {
        Convention c = INVERSE.get(r.nextInt(INVERSE.size()));
        double cs = new double[]{1, 10, 100}[r.nextInt(3)];
        double fee = r.nextBoolean() ? 0.0005 : 0;
        return new Market(symbol, c, mark, mark, fee, coinTable(r, c), null, FundingTerms.NONE, null,
                Contract.inverse(cs, "BTC"));
    }

    /** A random isolated or cross inverse position (hedge legs in cross for some seeds). */
    static Portfolio randomCase(long seed) {
        Random r = new Random(seed);
        double mark = 100 + r.nextDouble() * 90_000;
        Market m = randomMarket(r, "X", mark);
        double coinNotional = 0.01 + r.nextDouble() * 400;
        double contracts = Math.max(1, Math.rint(coinNotional * mark / m.contract().contractSize()));
        double entry = mark * (0.8 + 0.4 * r.nextDouble());
        double notionalAtEntry = m.contract().coinNotional(contracts, entry);
        double lev = 1 + r.nextDouble() * (m.maxLeverage(notionalAtEntry) - 1);
        Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
        List<Position> positions = new ArrayList<>();
        PositionMode mode = PositionMode.ONE_WAY;
        if (r.nextInt(3) == 0) {
            positions.add(Position.isolated("p", "X", side, contracts, entry, lev));
        } else {
            positions.add(Position.cross("p", "X", side, contracts, entry, lev));
            if (r.nextBoolean()) {
                mode = PositionMode.HEDGE;
                positions.add(Position.cross("h", "X", side.opposite(), Math.max(1, Math.rint(contracts
                        * r.nextDouble())), mark * (0.9 + 0.2 * r.nextDouble()), lev));
            }
        }
        double wallet = notionalAtEntry / lev * (1 + 2 * r.nextDouble());
        return new Portfolio(new Account(10_000, mode, Map.of("BTC", wallet)), List.of(m), positions, 720);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theMarginRatioIsOneAtTheLiquidationPrice(long seed) {
        Portfolio pf = randomCase(seed);
        SolvedPrice lp = InverseSolver.liquidationPrice(pf, "p");
        if (lp.price() == null || lp.atBoundary()) {
            return;
        }
        CoinPool pool = CoinPool.of(pf, "p");
        double balance = pool.marginBalance(lp.price());
        double requirement = pool.requirement(lp.price());
        assertEquals(balance, requirement, 1e-9 * Math.max(Math.abs(balance), Math.abs(requirement)), "seed " + seed);
        assertEquals(1.0, pool.marginRatio(lp.price()), 1e-9, "seed " + seed);
        // and through the engine's figures
        PositionRisk r = RiskEngine.evaluate(pf).position("p").orElseThrow();
        assertEquals(lp.price(), r.liquidationPrice(), 0.0, "seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theRequirementIsContinuousAcrossEveryBracketCutInCoin(long seed) {
        Portfolio pf = randomCase(seed);
        CoinPool pool = CoinPool.of(pf, "p");
        for (var leg : pool.reciprocalLegs()) {
            if (!leg.rules().useAmount() || !leg.bracketMovesWithPrice()) {
                continue; // without a maintenance amount MM jumps at a floor by design (BitMEX steps)
            }
            for (double floor : leg.rules().table().positiveFloors()) {
                double cut = leg.position().size() / floor; // P where C × cs / P = floor
                double below = pool.requirement(cut * (1 - 1e-12));
                double above = pool.requirement(cut * (1 + 1e-12));
                assertEquals(below, above, 1e-8 * Math.max(1e-12, Math.abs(below)), "seed " + seed + " cut " + cut);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theLiquidationPriceMovesContinuouslyWithTheWallet(long seed) {
        Portfolio pf = randomCase(seed);
        SolvedPrice lp = InverseSolver.liquidationPrice(pf, "p");
        if (lp.price() == null || !pf.positions().get(0).marginMode().name().equals("CROSS")
                || CoinPool.of(pf, "p").reciprocalLegs().get(0).rules().useAmount() == false) {
            return;
        }
        double wallet = pf.account().coinWallet("BTC");
        Portfolio nudged = pf.withAccount(pf.account().withCoinWallets(Map.of("BTC", wallet * (1 + 1e-9))));
        Double next = InverseSolver.liquidationPrice(nudged, "p").price();
        assertNotNull(next, "seed " + seed);
        assertEquals(lp.price(), next, 1e-6 * lp.price(), "seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aOneTimesShortHasNoLiquidationWhereMaintenanceMovesWithThePrice(long seed) {
        Random r = new Random(seed);
        double mark = 100 + r.nextDouble() * 90_000;
        Market m = randomMarket(r, "X", mark);
        if (m.convention().maintenanceMeasuredAt() != Convention.PriceBasis.MARK) {
            m = m.withConvention(Convention.BINANCE_COINM, m.tiers());
        }
        double contracts = 1 + Math.rint(r.nextDouble() * 1e5);
        Position p = Position.isolated("p", "X", Side.SHORT, contracts, mark * (0.5 + r.nextDouble()), 1);
        Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(m), List.of(p), 720);
        PositionRisk risk = RiskEngine.evaluate(pf).positions().get(0);
        assertNull(risk.liquidationPrice(), "seed " + seed);
        assertNull(risk.bankruptcyPrice(), "seed " + seed);
        // and its coin loss is bounded by the margin: the balance stays positive at any price
        assertTrue(CoinPool.of(pf, "p").marginBalance(mark * 1e6) > 0, "seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aLongAlwaysHasALiquidationPriceBelowTheMark(long seed) {
        Random r = new Random(seed);
        double mark = 100 + r.nextDouble() * 90_000;
        Market m = randomMarket(r, "X", mark);
        double contracts = 1 + Math.rint(r.nextDouble() * 1e5);
        Position p = Position.isolated("p", "X", Side.LONG, contracts, mark, 1 + r.nextDouble() * 4);
        Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(m), List.of(p), 720);
        Double lp = RiskEngine.evaluate(pf).positions().get(0).liquidationPrice();
        assertNotNull(lp, "seed " + seed + ": a long's coin loss grows without bound as P → 0");
        assertTrue(lp > 0 && lp < mark, "seed " + seed + ": " + lp);
    }

    /**
     * Hedge legs can leave a root on each side of the mark; the answer is the one nearest the mark in price (not in
     * x = 1 / P). Checked against every sign change of the surplus found by scanning prices from mark / 1000 to
     * mark × 1000 and bisecting.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void theLiquidationPriceIsTheRootNearestTheMarkInPrice(long seed) {
        Random r = new Random(seed * 7 + 3);
        double mark = 1_000 + r.nextDouble() * 90_000;
        Market m = randomMarket(r, "X", mark);
        double cs = m.contract().contractSize();
        double base = Math.max(1, Math.rint((1 + r.nextDouble() * 300) * mark / cs));
        Position l = Position.cross("l", "X", Side.LONG, base, mark * (0.7 + 0.6 * r.nextDouble()), 5);
        Position s = Position.cross("s", "X", Side.SHORT, Math.max(1, Math.rint(base * (0.8 + 0.4 * r.nextDouble()))),
                mark * (0.7 + 0.6 * r.nextDouble()), 5);
        double wallet = base * cs / mark * r.nextDouble() * 0.3;
        Portfolio pf = new Portfolio(new Account(0, PositionMode.HEDGE, Map.of("BTC", wallet)), List.of(m),
                List.of(l, s), 720);
        CoinPool pool = CoinPool.of(pf, "l");
        if (pool.surplus(mark, Requirement.MAINTENANCE) <= 0) {
            return; // already past liquidation: "nearest" is not the question
        }
        Double nearest = null;
        int n = 20_000;
        double prev = mark / 1000;
        double fPrev = pool.surplus(prev, Requirement.MAINTENANCE);
        for (int i = 1; i <= n; i++) {
            double p = mark / 1000 * Math.pow(1e6, (double) i / n);
            double f = pool.surplus(p, Requirement.MAINTENANCE);
            if ((fPrev > 0) != (f > 0)) {
                double lo = prev;
                double hi = p;
                for (int k = 0; k < 200; k++) {
                    double mid = (lo + hi) / 2;
                    if ((pool.surplus(mid, Requirement.MAINTENANCE) > 0) == (fPrev > 0)) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                double root = (lo + hi) / 2;
                if (nearest == null || Math.abs(root - mark) < Math.abs(nearest - mark)) {
                    nearest = root;
                }
            }
            prev = p;
            fPrev = f;
        }
        Double solved = InverseSolver.solve(pool, Requirement.MAINTENANCE).price();
        if (nearest == null) {
            assertTrue(solved == null || solved < mark / 1000 || solved > mark * 1000, "seed " + seed + ": " + solved);
            return;
        }
        assertNotNull(solved, "seed " + seed);
        assertEquals(nearest, solved, 1e-7 * nearest, "seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void coinFiguresAreTheInverseFormulas(long seed) {
        Portfolio pf = randomCase(seed);
        Market m = pf.markets().get(0);
        Position p = pf.positions().get(0);
        PositionRisk r = RiskEngine.evaluate(pf).position("p").orElseThrow();
        double cs = m.contract().contractSize();
        assertEquals(p.size() * cs / m.markPrice(), r.notional(), 1e-12 * r.notional());
        double pnl = p.side().sign() * p.size() * cs * (1 / p.entryPrice() - 1 / m.markPrice());
        assertEquals(pnl, r.unrealizedPnl(), 1e-12 * Math.max(1e-9, Math.abs(pnl)) + 1e-15);
        assertEquals(p.size() * cs / p.entryPrice() / p.leverage(), r.initialMargin(), 1e-12 * r.initialMargin());
        assertEquals(p.side(), r.side());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void linearResultsAreUnchangedByAnInversePoolBesideThem(long seed) {
        Random r = new Random(seed);
        Market linear = Market.simple("L", Convention.BINANCE, 100 + r.nextDouble() * 90_000,
                TierTable.resolve(Convention.BINANCE, List.of(new TierSpec(0, 50_000, 125, 0.004, null),
                        new TierSpec(50_000, 250_000, 100, 0.005, null),
                        new TierSpec(250_000, Double.POSITIVE_INFINITY, 50, 0.01, null))));
        Position lp = Position.cross("l", "L", r.nextBoolean() ? Side.LONG : Side.SHORT,
                (100 + r.nextDouble() * 1e6) / linear.markPrice(), linear.markPrice() * (0.9 + 0.2 * r.nextDouble()),
                2);
        Portfolio alone = new Portfolio(new Account(50_000, PositionMode.ONE_WAY), List.of(linear), List.of(lp), 720);
        Portfolio coin = randomCase(seed);
        Portfolio mixed = new Portfolio(new Account(50_000, coin.account().positionMode(),
                coin.account().coinWallets()), List.of(linear, coin.markets().get(0)),
                java.util.stream.Stream.concat(java.util.stream.Stream.of(lp), coin.positions().stream()).toList(),
                720);
        PortfolioRisk a = RiskEngine.evaluate(alone);
        PortfolioRisk b = RiskEngine.evaluate(mixed);
        assertEquals(a.account(), b.account(), "seed " + seed);
        assertEquals(a.positions().get(0).withMarginAsset("USDT"), b.position("l").orElseThrow(), "seed " + seed);
        assertEquals(a.account(), b.pool("USDT").orElseThrow().figures());
        assertNotNull(b.pool("BTC").orElse(null));
    }
}
