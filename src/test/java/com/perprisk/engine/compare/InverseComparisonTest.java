package com.perprisk.engine.compare;

import com.perprisk.engine.Account;
import com.perprisk.engine.Contract;
import com.perprisk.engine.ContractType;
import com.perprisk.engine.Convention;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.Tables;
import com.perprisk.engine.inverse.InverseSolver;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A workspace with inverse contracts is compared across the inverse venues; its linear markets stay as they are. */
class InverseComparisonTest {
    static TierTable coinM() {
        return TierTable.resolve(Convention.BINANCE_COINM, List.of(TierSpec.derived(0, 5, 125, 0.004),
                TierSpec.derived(5, 10, 100, 0.005), TierSpec.derived(10, Double.POSITIVE_INFINITY, 50, 0.01)));
    }

    static Portfolio mixed() {
        Market usdt = new Market("BTCUSDT", Convention.BINANCE, 60_000, 60_000, 0.0005,
                Tables.resolve(Convention.BINANCE, Tables.binanceBtc2024()), null, new FundingTerms(0.0001, 8), null);
        Market coin = new Market("BTCUSD_PERP", Convention.BINANCE_COINM, 60_000, 60_000, 0.0005, coinM(), null,
                new FundingTerms(0.0001, 8), null, Contract.inverse(100, "BTC"));
        return new Portfolio(new Account(30_000, PositionMode.ONE_WAY, Map.of("BTC", 0.25)), List.of(usdt, coin),
                List.of(Position.cross("usdt", "BTCUSDT", Side.LONG, 0.8, 61_000, 10),
                        Position.cross("cross", "BTCUSD_PERP", Side.LONG, 300, 58_000, 20),
                        Position.isolated("iso", "BTCUSD_PERP", Side.SHORT, 5_000, 62_000, 10)), 720);
    }

    @Test
    void theInverseVenuesAreTheColumnsAndTheLinearPositionIsTheSameInEach() {
        VenueComparison.Comparison c = VenueComparison.compare(mixed());
        assertEquals(Convention.of(ContractType.INVERSE), List.copyOf(c.risks().keySet()));
        assertTrue(c.errors().isEmpty(), c.errors().toString());
        PositionRisk first = c.risks().get(Convention.BINANCE_COINM).positions().get(0);
        for (var e : c.risks().entrySet()) {
            PositionRisk usdt = e.getValue().positions().get(0);
            assertEquals(first, usdt, e.getKey().name());
            assertTrue(c.differences().stream().noneMatch(d -> d.positionId().equals("usdt")));
        }
    }

    @Test
    void eachInverseColumnIsTheEngineOnTheCarriedWorkspaceAndTheCausesAddUp() {
        VenueComparison.Comparison c = VenueComparison.compare(mixed());
        for (Convention conv : Convention.of(ContractType.INVERSE)) {
            Portfolio carried = c.portfolios().get(conv);
            assertEquals(conv, carried.requireMarket("BTCUSD_PERP").convention());
            assertTrue(carried.requireMarket("BTCUSD_PERP").isInverse());
            assertEquals(Convention.BINANCE, carried.requireMarket("BTCUSDT").convention());
            for (String id : List.of("cross", "iso")) {
                Double lp = c.risks().get(conv).positions().stream().filter(r -> r.id().equals(id)).findFirst()
                        .orElseThrow().liquidationPrice();
                Double engine = InverseSolver.liquidationPrice(carried, id).price();
                assertEquals(engine, lp, 1e-9 * engine, conv + " " + id);
            }
            // funding per day in BTC: −side × N(mark) × F × 3
            assertEquals(-30_000 / 60_000.0 * 0.0001 * 24 / carried.requireMarket("BTCUSD_PERP").funding()
                    .intervalHours(), c.fundingPerDay().get(conv).get("cross"), 1e-15);
            assertEquals(0.0005 * 30_000 / 60_000.0, c.closeFees().get(conv).get("cross"), 1e-15);
        }
        assertFalse(c.differences().isEmpty());
        for (VenueComparison.Difference d : c.differences()) {
            double sum = d.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(d.valueB() - d.valueA(), sum, 1e-9 * Math.max(1, Math.abs(d.valueB())),
                    d.positionId() + " " + d.quantity() + " " + d.conventionA() + "/" + d.conventionB() + " "
                            + d.contributions());
        }
    }

    @Test
    void bybitsInverseLiquidationMatchesItsIsolatedFormula() {
        // Bybit help (UTA isolated, inverse): 60,000 contracts of 1 USD at 50,000, 10x, MMR 0.5%, no fee:
        // LP long = 60,000 / (1.2 + (0.12 − 0.006))
        Market m = new Market("BTCUSD", Convention.BYBIT_INVERSE, 50_000, 50_000, 0,
                TierTable.resolve(Convention.BYBIT_INVERSE, List.of(TierSpec.derived(0, Double.POSITIVE_INFINITY,
                        100, 0.005))), null, FundingTerms.NONE, null, Contract.inverse(1, "BTC"));
        Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(m),
                List.of(Position.isolated("long", "BTCUSD", Side.LONG, 60_000, 50_000, 10)), 720);
        VenueComparison.Comparison c = VenueComparison.compare(pf);
        assertEquals(60_000 / (1.2 + 0.114), c.risks().get(Convention.BYBIT_INVERSE).positions().get(0)
                .liquidationPrice(), 1e-6);
    }
}
