package com.perprisk.engine.simulation;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.Tables;
import com.perprisk.engine.adl.AdlRanking;
import com.perprisk.engine.adl.AdlScore;
import com.perprisk.engine.liquidation.Leg;
import com.perprisk.engine.simulation.SimulationEvent.Type;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationTest {
    static final TierTable SINGLE = Tables.single(125, 0.005);

    static Portfolio portfolio(Market m, double wallet, Position... positions) {
        return new Portfolio(new Account(wallet, PositionMode.ONE_WAY), List.of(m), List.of(positions), 720);
    }

    static PricePath pathOf(String symbol, double... marks) {
        double[] t = new double[marks.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
        }
        return PricePath.of(List.of(symbol), t, new double[][]{marks});
    }

    static PricePath path(double... marks) {
        double[] t = new double[marks.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
        }
        return PricePath.of(List.of("BTCUSDT"), t, new double[][]{marks});
    }

    static List<SimulationEvent> of(Simulation.Result r, Type type) {
        return r.events().stream().filter(e -> e.type() == type).toList();
    }

    /** The events of one kind, read by type. */
    static <T extends SimulationEvent> List<T> of(Simulation.Result r, Class<T> kind) {
        return r.events().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Test
    void fundingSettlesIntoIsolatedMarginAndCrossWallet() {
        Market m = new Market("BTCUSDT", Convention.BINANCE, 60_000, 60_000, 0, SINGLE, null,
                new FundingTerms(0.001, 8), null);
        Position iso = Position.isolated("iso", "BTCUSDT", Side.LONG, 1, 60_000, 10);
        Position cross = Position.cross("x", "BTCUSDT", Side.SHORT, 2, 60_000, 10);
        double[] flat = new double[25];
        java.util.Arrays.fill(flat, 60_000);
        var r = Simulation.run(portfolio(m, 50_000, iso, cross), path(flat), Simulation.Settings.defaults());
        var funding = of(r, SimulationEvent.Funding.class);
        assertEquals(6, funding.size()); // at 8, 16 and 24 h, two positions
        assertEquals(8.0, funding.get(0).timeHours());
        assertEquals(-60.0, funding.get(0).payment());
        assertEquals(120.0, funding.get(1).payment());
        Position after = r.finalPortfolio().positions().get(0);
        assertEquals(6_000 - 180, after.isolatedMarginBalance(), 1e-9);
        assertEquals(50_000 + 360, r.finalPortfolio().account().walletBalance(), 1e-9);
        assertEquals(180, r.ledger().fundingToTrader(), 1e-9);
    }

    @Test
    void marginCallOncePerCrossingThenLiquidationWithSurplusToTheFund() {
        Market m = Market.simple("BTCUSDT", Convention.BINANCE, 60_000, SINGLE);
        // LP 54,271.36, BP 54,000; ratio MM / balance = 0.8 at 54,339.6
        Position p = Position.isolated("p", "BTCUSDT", Side.LONG, 1, 60_000, 10);
        var r = Simulation.run(portfolio(m, 0, p), path(60_000, 54_330, 54_320, 58_000, 54_330, 54_200, 54_100),
                Simulation.Settings.defaults().withInsuranceFund(1_000).withLiquidationFeeRate(0.001));
        var calls = of(r, Type.MARGIN_CALL);
        assertEquals(2, calls.size());
        assertEquals(1, calls.get(0).step());
        assertEquals(4, calls.get(1).step());
        var liq = of(r, SimulationEvent.Liquidation.class);
        assertEquals(1, liq.size());
        assertEquals(5, liq.get(0).step());
        assertEquals(54_200.0, liq.get(0).fillPrice());
        assertEquals(54_000.0, liq.get(0).bankruptcyPrice(), 1e-9);
        var fund = of(r, SimulationEvent.InsuranceFund.class).get(0);
        // surplus 200, fee 0.1% × 54,200 = 54.2, 145.8 to the fund
        assertEquals(145.8, fund.surplus(), 1e-9);
        assertEquals(1_145.8, r.insuranceFund(), 1e-9);
        assertTrue(r.finalPortfolio().positions().isEmpty());
        assertEquals(0, r.ledger().imbalance(), 1e-9);
    }

    @Test
    void deficitBeyondTheFundIsTakenFromTheTopRankedOppositeCounterparties() {
        Market m = Market.simple("BTCUSDT", Convention.BINANCE, 60_000, SINGLE);
        Position p = Position.isolated("p", "BTCUSDT", Side.LONG, 10, 60_000, 10);
        Population crowd = new Population(List.of(
                Position.isolated("c-low", "BTCUSDT", Side.SHORT, 5, 58_000, 2),
                Position.isolated("c-top", "BTCUSDT", Side.SHORT, 5, 65_000, 20),
                Position.isolated("c-mid", "BTCUSDT", Side.SHORT, 5, 62_000, 5),
                Position.isolated("c-long", "BTCUSDT", Side.LONG, 50, 40_000, 5)));
        var r = Simulation.run(portfolio(m, 0, p), path(60_000, 50_000),
                Simulation.Settings.defaults().withInsuranceFund(10_000).withCounterparties(crowd));
        var fund = of(r, SimulationEvent.InsuranceFund.class).get(0);
        // BP 54,000, fill 50,000: deficit 40,000; fund pays 10,000; ADL 30,000 at 4,000 per BTC
        assertEquals(40_000, fund.deficit(), 1e-6);
        assertEquals(30_000, fund.leftForAdl(), 1e-6);
        var adl = of(r, SimulationEvent.Adl.class);
        assertEquals(List.of("c-top", "c-mid"), adl.stream().map(SimulationEvent.Adl::counterparty).toList());
        // the queue order is AdlRanking's over the shorts' scores at the mark
        List<AdlRanking.Entry> entries = new ArrayList<>();
        Market at = m.withMarkPrice(50_000);
        for (Position c : crowd.positions()) {
            if (c.side() == Side.SHORT) {
                Leg leg = new Leg(c, at);
                entries.add(new AdlRanking.Entry(c.id(), c.side(), AdlScore.positionScore(leg.unrealizedPnl(50_000),
                        c.entryNotional(), leg.maintenanceMargin(50_000), c.notionalAt(50_000)), c.notionalAt(50_000)));
            }
        }
        var ranks = AdlRanking.rank(entries);
        String first = ranks.entrySet().stream().min(Comparator.comparingInt(e -> e.getValue().position()))
                .orElseThrow().getKey();
        assertEquals(first, adl.get(0).counterparty());
        assertEquals(5.0, adl.get(0).quantity(), 1e-9);
        assertEquals(20_000, adl.get(0).amount(), 1e-6);
        assertEquals(2.5, adl.get(1).quantity(), 1e-9);
        assertEquals(54_000, adl.get(1).price(), 1e-6);
        // c-top gone, c-mid halved, c-long untouched
        Map<String, Double> left = new java.util.HashMap<>();
        r.counterparties().positions().forEach(c -> left.put(c.id(), c.size()));
        assertFalse(left.containsKey("c-top"));
        assertEquals(2.5, left.get("c-mid"), 1e-9);
        assertEquals(50, left.get("c-long"), 1e-9);
        assertEquals(0, r.insuranceFund(), 1e-9);
        assertEquals(0, r.ledger().imbalance(), 1e-6);
        assertEquals(30_000, r.ledger().adlCollected(), 1e-6);
    }

    @Test
    void hyperliquidSlicesLargePositionsTwentyPercentAtATime() {
        TierTable hl = TierTable.resolve(Convention.HYPERLIQUID,
                List.of(new TierSpec(0, 150e6, 40, null, null), new TierSpec(150e6, Double.POSITIVE_INFINITY, 20,
                        null, null)));
        Market m = Market.simple("BTCUSDT", Convention.HYPERLIQUID, 60_000, hl);
        // 5 BTC (300,000) at 20x: margin 15,000, MMR 1.25%; LP = (300,000 − 15,000) / (5 × 0.9875) = 57,721.5
        Position p = Position.isolated("p", "BTCUSDT", Side.LONG, 5, 60_000, 20);
        var r = Simulation.run(portfolio(m, 0, p), path(60_000, 57_700),
                Simulation.Settings.defaults());
        var slices = of(r, SimulationEvent.PartialLiquidation.class);
        assertEquals(1, slices.size());
        assertEquals(1.0, slices.get(0).quantity(), 1e-12);
        assertTrue(of(r, Type.LIQUIDATION).isEmpty());
        assertEquals(4.0, r.finalPortfolio().positions().get(0).size(), 1e-12);
        // two slices restore 57,500: balance 2,500 stays, MM falls 3,594 → 2,875 → 2,300
        var two = Simulation.run(portfolio(m, 0, p), path(60_000, 57_500), Simulation.Settings.defaults());
        assertEquals(2, of(two, Type.PARTIAL_LIQUIDATION).size());
        assertEquals(3.2, two.finalPortfolio().positions().get(0).size(), 1e-12);
        // a deeper drop (balance 500): slices while above 100,000 notional, then the rest in full
        var deep = Simulation.run(portfolio(m, 0, p), path(60_000, 57_100), Simulation.Settings.defaults());
        var deepSlices = of(deep, SimulationEvent.PartialLiquidation.class);
        assertEquals(5, deepSlices.size());
        double size = 5;
        for (var s : deepSlices) {
            assertEquals(0.2 * size, s.quantity(), 1e-12);
            size -= 0.2 * size;
        }
        assertEquals(1, of(deep, Type.LIQUIDATION).size());
        assertTrue(size * 57_100 <= 100_000);
        assertTrue(deep.finalPortfolio().positions().isEmpty());
        assertEquals(0, deep.ledger().imbalance(), 1e-6);
        // past bankruptcy there is nothing to slice: closed in full
        var gap = Simulation.run(portfolio(m, 0, p), path(60_000, 55_000), Simulation.Settings.defaults());
        assertTrue(of(gap, Type.PARTIAL_LIQUIDATION).isEmpty());
        assertEquals(1, of(gap, Type.LIQUIDATION).size());
    }

    @Test
    void binanceReducesTierByTier() {
        TierTable t = TierTable.resolve(Convention.BINANCE, Tables.binanceBtc2024());
        Market m = Market.simple("BTCUSDT", Convention.BINANCE, 60_000, t);
        // 20 BTC = 1.2M notional (bracket 600k–3M, MMR 0.65%) at 50x: margin 24,000
        Position p = Position.isolated("p", "BTCUSDT", Side.LONG, 20, 60_000, 50);
        Portfolio pf = portfolio(m, 0, p);
        double lp = com.perprisk.engine.liquidation.LiquidationSolver.liquidationPrice(pf, "p").price();
        var r = Simulation.run(pf, path(60_000, lp - 1), Simulation.Settings.defaults());
        var slices = of(r, SimulationEvent.PartialLiquidation.class);
        assertEquals(1, slices.size());
        // reduced to the 600,000 floor of its bracket
        assertEquals(600_000, r.finalPortfolio().positions().get(0).notionalAt(lp - 1), 1e-6);
        assertTrue(slices.get(0).reason().contains("bracket 3"));
    }

    @Test
    void crossPoolLiquidationClosesEveryCrossPositionAgainstTheWallet() {
        Market btc = Market.simple("BTCUSDT", Convention.BYBIT, 60_000, SINGLE);
        Market eth = Market.simple("ETHUSDT", Convention.BYBIT, 3_000, SINGLE);
        Position a = Position.cross("a", "BTCUSDT", Side.LONG, 1, 60_000, 10);
        Position b = Position.cross("b", "ETHUSDT", Side.LONG, 10, 3_000, 10);
        Position iso = Position.isolated("i", "ETHUSDT", Side.SHORT, 1, 3_000, 5);
        Portfolio pf = new Portfolio(new Account(10_000, PositionMode.ONE_WAY), List.of(btc, eth), List.of(a, b, iso),
                720);
        PricePath path = PricePath.of(List.of("BTCUSDT", "ETHUSDT"), new double[]{0, 1, 2},
                new double[][]{{60_000, 58_000, 53_200}, {3_000, 2_900, 2_720}});
        var r = Simulation.run(pf, path, Simulation.Settings.defaults().withInsuranceFund(100_000));
        var liq = of(r, Type.LIQUIDATION);
        assertEquals(List.of("a", "b"), liq.stream().map(SimulationEvent::positionId).toList());
        assertEquals(List.of("i"), r.finalPortfolio().positions().stream().map(Position::id).toList());
        assertEquals(0, r.finalPortfolio().account().walletBalance(), 1e-9);
        // balance 10,000 − 6,800 − 2,800 = 400 ≤ MM at entry 300 + 150: the 400 goes to the fund
        assertEquals(100_400, r.insuranceFund(), 1e-6);
        assertEquals(0, r.ledger().imbalance(), 1e-9);
    }

    @Test
    void waterfallConservesMoneyOverSeededRuns() {
        TierTable t = TierTable.resolve(Convention.BINANCE, Tables.binanceBtc2024());
        int liquidations = 0;
        int adlRuns = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Market btc = new Market("BTCUSDT", seed % 3 == 0 ? Convention.HYPERLIQUID : Convention.BINANCE, 60_000,
                    60_000, 0.0005, seed % 3 == 0 ? TierTable.resolve(Convention.HYPERLIQUID,
                    Tables.binanceBtc2024()) : t, null, new FundingTerms(0.0003, 8), null);
            List<Position> ps = List.of(
                    Position.isolated("l", "BTCUSDT", Side.LONG, 3, 60_000, 25),
                    Position.isolated("s", "BTCUSDT", Side.SHORT, 2, 60_000, 40),
                    Position.cross("c", "BTCUSDT", Side.LONG, 4, 60_000, 20));
            Portfolio pf = new Portfolio(new Account(15_000, PositionMode.ONE_WAY), List.of(btc), ps, 720);
            Population crowd = Population.generate(pf, seed, 20);
            PricePath path = PricePath.gbm(Map.of("BTCUSDT", 60_000.0),
                    new PricePath.GbmSpec(1.5, 0, 1, 400, seed, 0));
            var settings = new Simulation.Settings(500, crowd, 0.02, 0.004, 0.8);
            var r = Simulation.run(pf, path, settings);
            var l = r.ledger();
            assertEquals(0, l.imbalance(), 1e-6 * (1 + Math.abs(l.traderLoss())), "seed " + seed + " " + l);
            // the ledger agrees with the events
            double adl = of(r, SimulationEvent.Adl.class).stream().mapToDouble(SimulationEvent.Adl::amount).sum();
            assertEquals(l.adlCollected(), adl, 1e-6);
            double fees = of(r, SimulationEvent.InsuranceFund.class).stream().mapToDouble(SimulationEvent.InsuranceFund::fees).sum()
                    + of(r, SimulationEvent.PartialLiquidation.class).stream()
                    .mapToDouble(SimulationEvent.PartialLiquidation::fee).sum();
            assertEquals(l.fees(), fees, 1e-6);
            assertEquals(r.insuranceFund() - 500, l.fundChange(), 1e-9);
            assertTrue(r.insuranceFund() >= 0);
            liquidations += of(r, Type.LIQUIDATION).size();
            adlRuns += of(r, Type.ADL).isEmpty() ? 0 : 1;
        }
        // the runs exercise the whole waterfall, ADL included
        assertTrue(liquidations > 5, "liquidations " + liquidations);
        assertTrue(adlRuns > 0, "runs with ADL " + adlRuns);
    }

    @Test
    void sameSeedReproducesARunExactly() {
        Market btc = new Market("BTCUSDT", Convention.BINANCE, 60_000, 60_000, 0.0005,
                TierTable.resolve(Convention.BINANCE, Tables.binanceBtc2024()), null, new FundingTerms(0.0001, 8),
                null);
        Portfolio pf = portfolio(btc, 20_000, Position.isolated("l", "BTCUSDT", Side.LONG, 3, 60_000, 30),
                Position.cross("c", "BTCUSDT", Side.SHORT, 2, 60_000, 20));
        PricePath path = PricePath.gbm(Map.of("BTCUSDT", 60_000.0), new PricePath.GbmSpec(1.2, 0, 1, 300, 99, 0));
        var s = Simulation.Settings.defaults().withCounterparties(Population.generate(pf, 5, 10));
        assertEquals(Simulation.run(pf, path, s), Simulation.run(pf, path, s));
    }
}
