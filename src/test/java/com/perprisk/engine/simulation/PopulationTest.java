package com.perprisk.engine.simulation;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.DydxMargin;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.Tables;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PopulationTest {

    static Portfolio two() {
        Market btc = Market.simple("BTCUSDT", Convention.BINANCE, 60_000, Tables.single(125, 0.004));
        Market eth = Market.simple("ETHUSDT", Convention.BINANCE, 3_000, Tables.single(20, 0.01));
        return new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(btc, eth), List.of(), 720);
    }

    @Test
    void generatedFromASeedWithinItsBounds() {
        Population p = Population.generate(two(), 7, 30);
        assertEquals(p, Population.generate(two(), 7, 30));
        assertNotEquals(p, Population.generate(two(), 8, 30));
        assertEquals(120, p.positions().size());
        for (Position c : p.positions()) {
            double mark = c.symbol().equals("BTCUSDT") ? 60_000 : 3_000;
            double notional = c.entryNotional();
            assertTrue(notional >= 1e3 * 0.999 && notional <= 2e6 * 1.001, c.toString());
            assertTrue(Math.abs(c.entryPrice() / mark - 1) <= 0.1 + 1e-12);
            assertTrue(c.leverage() >= 1 && c.leverage() <= (c.symbol().equals("ETHUSDT") ? 20 : 50));
            assertTrue(c.isIsolated());
        }
        assertEquals(60, p.positions().stream().filter(c -> c.side() == Side.LONG).count());
    }

    @Test
    void oneMarketsCounterpartiesAreThoseOfTheWholeGeneration() {
        // a 1x market draws no leverage: the markets after it must skip two numbers per counterparty, not three
        Market oneX = Market.simple("ONEUSDT", Convention.BINANCE, 5, Tables.single(1, 0.01));
        Market sol = Market.simple("SOLUSDT", Convention.BINANCE, 150, Tables.single(50, 0.01));
        Portfolio p = new Portfolio(new Account(0, PositionMode.ONE_WAY),
                List.of(two().markets().get(0), oneX, two().markets().get(1), sol), List.of(), 720);
        List<Position> all = Population.generate(p, 11, 25).positions();
        for (int k = 0; k < p.markets().size(); k++) {
            String symbol = p.markets().get(k).symbol();
            assertEquals(all.stream().filter(c -> c.symbol().equals(symbol)).toList(),
                    Population.generateMarket(p, k, 11, 25), symbol);
        }
        assertEquals(2, Population.drawsPerCounterparty(oneX));
        assertEquals(3, Population.drawsPerCounterparty(sol));
    }

    @Test
    void listedCounterpartiesAreChecked() {
        assertThrows(EngineException.class, () -> new Population(List.of(
                Position.isolated("a", "BTCUSDT", Side.LONG, 1, 60_000, 5),
                Position.isolated("a", "BTCUSDT", Side.SHORT, 1, 60_000, 5))));
        assertThrows(EngineException.class, () -> Population.generate(two(), 1, -1));
    }

    @Test
    void dydxHandsTheSurplusBeyondThePenaltyBackToTheTrader() {
        Market m = Market.dydx("BTC-USD", 60_000, 60_000, 0, DydxMargin.of(0.05, 0.6), FundingTerms.NONE, null);
        // isolated long 10 BTC at 10x: margin 60,000, MMF 3%: LP = 540,000 / (10 × 0.97) = 55,670.1
        Position p = Position.isolated("p", "BTC-USD", Side.LONG, 10, 60_000, 10);
        Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(m), List.of(p), 720);
        var r = Simulation.run(pf, SimulationTest.pathOf("BTC-USD", 60_000, 55_600),
                Simulation.Settings.defaults().withInsuranceFund(1_000));
        var fund = r.events().stream().filter(e -> e instanceof SimulationEvent.InsuranceFund)
                .map(e -> (SimulationEvent.InsuranceFund) e).findFirst().orElseThrow();
        // surplus 10 × (55,600 − 54,000) = 16,000; penalty capped at 1.5% × 556,000 = 8,340; 7,660 returned
        assertEquals(8_340, fund.surplus(), 1e-6);
        assertEquals(7_660, fund.returnedToTrader(), 1e-6);
        assertEquals(7_660, r.finalPortfolio().account().walletBalance(), 1e-6);
        assertEquals(0, r.ledger().imbalance(), 1e-6);
    }
}
