package com.perprisk.engine.simulation;

import com.perprisk.engine.Account;
import com.perprisk.engine.Contract;
import com.perprisk.engine.Convention;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.Tables;
import com.perprisk.engine.inverse.InverseSolver;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Simulations of coin-margined (inverse) positions: each settle coin's pool runs apart from the linear quote pool,
 * in the coin, and its events read back in prices and contracts.
 */
class InverseSimulationTest {
    /** Binance COIN-M BTCUSD_PERP brackets 1-7 (BTC notional), as in the bundled preset. */
    static TierTable coinM() {
        double[] floors = {0, 5, 10, 20, 50, 100, 200, Double.POSITIVE_INFINITY};
        double[] lev = {125, 100, 50, 20, 10, 5, 4};
        double[] mmr = {0.004, 0.005, 0.01, 0.025, 0.05, 0.10, 0.125};
        List<TierSpec> specs = new ArrayList<>();
        for (int i = 0; i < lev.length; i++) {
            specs.add(TierSpec.derived(floors[i], floors[i + 1], lev[i], mmr[i]));
        }
        return TierTable.resolve(Convention.BINANCE_COINM, specs);
    }

    static Market btcusd(double mark, double fundingRate) {
        return new Market("BTCUSD_PERP", Convention.BINANCE_COINM, mark, mark, 0.0005, coinM(), null,
                new FundingTerms(fundingRate, 8), null, Contract.inverse(100, "BTC"));
    }

    static Market btcusdt(double mark) {
        return new Market("BTCUSDT", Convention.BINANCE, mark, mark, 0.0005,
                Tables.resolve(Convention.BINANCE, Tables.binanceBtc2024()), null, new FundingTerms(0.0001, 8),
                null);
    }

    static PricePath path(Map<String, double[]> marks) {
        int n = marks.values().iterator().next().length;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
        }
        return PricePath.of(List.copyOf(marks.keySet()), t, marks.values().toArray(new double[0][]));
    }

    static double[] line(double from, double to, int points) {
        double[] out = new double[points];
        for (int i = 0; i < points; i++) {
            out[i] = from + (to - from) * i / (points - 1);
        }
        return out;
    }

    @Test
    void anIsolatedInverseLongIsLiquidatedAtTheFirstMarkBelowTheEnginesLiquidationPrice() {
        Position p = Position.isolated("long", "BTCUSD_PERP", Side.LONG, 600, 60_000, 5);
        Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(btcusd(60_000, 0)), List.of(p),
                720);
        double lp = InverseSolver.liquidationPrice(pf, "long").price();
        // 600 × 100 × 1.004 / (0.2 + 1): the lesson's 50,200
        assertEquals(50_200, lp, 1e-6);
        double[] marks = line(60_030, 45_030, 151); // 100 USD a step, never exactly on the liquidation price
        Simulation.Result r = Simulation.run(pf, path(Map.of("BTCUSD_PERP", marks)), Simulation.Settings.defaults());
        List<SimulationEvent.Liquidation> liq = SimulationTest.of(r, SimulationEvent.Liquidation.class);
        assertEquals(1, liq.size());
        SimulationEvent.Liquidation l = liq.get(0);
        int first = 0;
        while (marks[first] > lp) {
            first++;
        }
        assertEquals(first, l.step());
        assertEquals(marks[first], l.markPrice(), 1e-6);
        assertEquals(Side.LONG, l.side());
        assertEquals(600, l.quantity(), 1e-9);
        assertEquals(lp, l.liquidationPrice(), 1e-6);
        // the margin left at the fill, in BTC: 0.2 + 600 × 100 × (1/60,000 − 1/mark)
        assertEquals(0.2 + 60_000 * (1 / 60_000.0 - 1 / marks[first]), l.marginBalanceAtFill(), 1e-12);
        assertTrue(r.finalPortfolio().positions().isEmpty());
        SimulationEvent.InsuranceFund f = SimulationTest.of(r, SimulationEvent.InsuranceFund.class).get(0);
        assertEquals("BTC", f.asset());
        assertEquals(f.fundAfter(), r.coins().get("BTC").insuranceFund(), 1e-15);
        assertEquals(0, r.coins().get("BTC").ledger().imbalance(), 1e-12);
    }

    @Test
    void fundingIsPaidInCoinOnTheNotionalAtTheMark() {
        Position p = Position.cross("long", "BTCUSD_PERP", Side.LONG, 300, 58_000, 20);
        Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY, Map.of("BTC", 0.5)),
                List.of(btcusd(60_000, 0.0001)), List.of(p), 720);
        double[] marks = new double[17];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = 60_000 + 250 * i;
        }
        Simulation.Result r = Simulation.run(pf, path(Map.of("BTCUSD_PERP", marks)), Simulation.Settings.defaults());
        List<SimulationEvent.Funding> fs = SimulationTest.of(r, SimulationEvent.Funding.class);
        assertEquals(2, fs.size()); // hours 8 and 16
        double wallet = 0.5;
        for (SimulationEvent.Funding f : fs) {
            double mark = marks[f.step()];
            assertEquals(mark, f.markPrice(), 1e-6);
            assertEquals(0.0001, f.rate(), 1e-18);
            // −side × N(mark) × F: the long pays 300 × 100 / mark × 0.01%
            assertEquals(-30_000 / mark * 0.0001, f.payment(), 1e-15);
            wallet += f.payment();
            assertEquals(wallet, f.balanceAfter(), 1e-15);
        }
        assertEquals(wallet, r.finalPortfolio().account().coinWallet("BTC"), 1e-15);
        assertEquals(300, r.finalPortfolio().positions().get(0).size(), 0);
        assertEquals(58_000, r.finalPortfolio().positions().get(0).entryPrice(), 0);
        assertEquals(marks[16], r.finalPortfolio().market("BTCUSD_PERP").orElseThrow().markPrice(), 1e-6);
        assertTrue(r.finalPortfolio().market("BTCUSD_PERP").orElseThrow().isInverse());
    }

    @Test
    void aOneTimesShortNeverLiquidatesAndStaysWorthItsDollars() {
        Position p = Position.isolated("short", "BTCUSD_PERP", Side.SHORT, 600, 60_000, 1);
        Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(btcusd(60_000, 0)), List.of(p),
                720);
        double[] marks = line(60_000, 600_000, 200);
        List<Simulation.Tick> ticks = new ArrayList<>();
        Simulation.Result r = Simulation.run(pf, path(Map.of("BTCUSD_PERP", marks)), Simulation.Settings.defaults(),
                ticks::add);
        assertTrue(r.events().isEmpty(), r.events().toString());
        for (Simulation.Tick t : ticks) {
            Position s = t.portfolio().positions().get(0);
            double mark = t.portfolio().markets().get(0).markPrice();
            // margin + coin PnL = 1 + 60,000 × (1/mark − 1/60,000) = 60,000 / mark BTC: 60,000 USD at every price
            double balance = s.isolatedMarginBalance() - 60_000 * (1 / 60_000.0 - 1 / mark);
            assertEquals(60_000, balance * mark, 1e-6);
        }
    }

    @Test
    void aBracketReductionClosesWholeContracts() {
        // 130 BTC of notional at 60,000 (bracket 100-200 BTC, 10%): Binance reduces to the bracket floor
        Position p = Position.cross("big", "BTCUSD_PERP", Side.LONG, 78_000, 60_000, 5);
        Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY, Map.of("BTC", 20.0)),
                List.of(btcusd(60_000, 0)), List.of(p), 720);
        Simulation.Result r = Simulation.run(pf, path(Map.of("BTCUSD_PERP", line(60_000, 40_000, 201))),
                new Simulation.Settings(0, Population.NONE, 0.001, 0.002));
        List<SimulationEvent.PartialLiquidation> slices = SimulationTest.of(r,
                SimulationEvent.PartialLiquidation.class);
        assertFalse(slices.isEmpty());
        for (SimulationEvent.PartialLiquidation s : slices) {
            assertEquals(Math.rint(s.quantity()), s.quantity(), 1e-9, "whole contracts: " + s.quantity());
            assertEquals(Math.rint(s.remainingSize()), s.remainingSize(), 1e-9);
            // a long is sold below the mark
            assertEquals(s.markPrice() * (1 - 0.001), s.fillPrice(), 1e-6);
        }
        assertEquals(0, r.coins().get("BTC").ledger().imbalance(), 1e-9);
    }

    /** An event of the linear quote pool: of a linear market, or of a cross pool that names no coin. */
    private static boolean linear(SimulationEvent e) {
        if (e.symbol() != null) {
            return e.symbol().equals("BTCUSDT");
        }
        if (e instanceof SimulationEvent.MarginCall c) {
            return c.asset() == null;
        }
        return !(e instanceof SimulationEvent.InsuranceFund f) || f.asset() == null;
    }

    @Test
    void theLinearPoolRunsAsIfTheCoinPoolsWereNotThere() {
        Position lin = Position.cross("usdt", "BTCUSDT", Side.LONG, 2, 60_000, 20);
        Position inv = Position.isolated("coin", "BTCUSD_PERP", Side.LONG, 600, 60_000, 10);
        Portfolio linearOnly = new Portfolio(new Account(8_000, PositionMode.ONE_WAY), List.of(btcusdt(60_000)),
                List.of(lin), 720);
        Portfolio mixed = new Portfolio(new Account(8_000, PositionMode.ONE_WAY, Map.of("BTC", 0.0)),
                List.of(btcusdt(60_000), btcusd(60_000, 0.0001)), List.of(lin, inv), 720);
        SplittableRandom rng = new SplittableRandom(3);
        double[] a = new double[120];
        a[0] = 60_000;
        for (int i = 1; i < a.length; i++) {
            a[i] = a[i - 1] * Math.exp(-0.004 + 0.02 * (rng.nextDouble() - 0.5));
        }
        Simulation.Settings s = new Simulation.Settings(1_000, Population.NONE, 0.002, 0.004);
        Simulation.Result alone = Simulation.run(linearOnly, path(Map.of("BTCUSDT", a)), s);
        Map<String, double[]> both = new java.util.LinkedHashMap<>();
        both.put("BTCUSDT", a);
        both.put("BTCUSD_PERP", a);
        Simulation.Result together = Simulation.run(mixed, path(both), s);
        List<SimulationEvent> linearEvents = together.events().stream().filter(InverseSimulationTest::linear)
                .toList();
        assertFalse(linearEvents.isEmpty());
        assertEquals(alone.events(), linearEvents);
        assertEquals(alone.ledger(), together.ledger());
        assertEquals(alone.insuranceFund(), together.insuranceFund(), 0);
        // and the coin position was liquidated in its own pool, in BTC
        assertTrue(together.events().stream().anyMatch(e -> e instanceof SimulationEvent.Liquidation l
                && l.positionId().equals("coin")));
        assertNotNull(together.coins().get("BTC"));
    }
}
