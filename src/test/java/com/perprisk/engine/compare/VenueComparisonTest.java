package com.perprisk.engine.compare;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.DydxMargin;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.Tables;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.MarginRules;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VenueComparisonTest {

    /** Domain §3: 10 BTC long at 60,000, 10x, MMR 1%, deduction 2,000, 5,000 extra margin. */
    static Portfolio section3(Convention c) {
        TierTable t = TierTable.resolve(c, List.of(TierSpec.derived(0, 400_000, 125, 0.005),
                TierSpec.derived(400_000, Double.POSITIVE_INFINITY, 50, 0.01)));
        Market m = new Market("BTCUSDT", c, 60_000, 60_000, 0.0005, t, null, new FundingTerms(0.0001, 8), null);
        Position p = new Position("p", "BTCUSDT", Side.LONG, 10, 60_000, 10, MarginMode.ISOLATED, null, 5_000);
        return new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(m), List.of(p), 720);
    }

    @Test
    void bybitVersusBinanceIsMaintenanceAtEntryVersusAtP() {
        var cmp = VenueComparison.compare(section3(Convention.BINANCE));
        assertEquals(53_838.38, cmp.risks().get(Convention.BINANCE).position("p").orElseThrow().liquidationPrice(),
                0.005);
        assertEquals(53_900, cmp.risks().get(Convention.BYBIT).position("p").orElseThrow().liquidationPrice(), 1e-9);
        var d = cmp.differences("p", "liquidationPrice", Convention.BINANCE, Convention.BYBIT);
        assertEquals(1, d.size());
        assertEquals(VenueComparison.MM_AT_ENTRY, d.get(0).cause());
        assertEquals(53_900 - 53_838.38, d.get(0).contributions().get(VenueComparison.MM_AT_ENTRY), 0.005);
        assertEquals(53_838.38, d.get(0).valueA(), 0.005);
        assertEquals(53_900, d.get(0).valueB(), 1e-9);
    }

    @Test
    void everyConventionIsEvaluatedAndCausesAreNamed() {
        var cmp = VenueComparison.compare(section3(Convention.BINANCE));
        assertEquals(5, cmp.risks().size());
        assertTrue(cmp.errors().isEmpty());
        // OKX: no deduction, and the close fee in the requirement, tier fixed by size
        var okx = cmp.differences("p", "liquidationPrice", Convention.BINANCE, Convention.OKX).get(0);
        assertTrue(okx.cause().contains(VenueComparison.MAINTENANCE_AMOUNT), okx.cause());
        assertTrue(okx.cause().contains(VenueComparison.CLOSE_FEE), okx.cause());
        double sum = okx.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(okx.valueB() - okx.valueA(), sum, 1e-6);
        // Hyperliquid: MMR from 1 / (2 × max leverage)
        var hl = cmp.differences("p", "liquidationPrice", Convention.BINANCE, Convention.HYPERLIQUID).get(0);
        assertEquals(VenueComparison.TIER_SOURCE, hl.cause());
        // dYdX: IMF 1/125 and fraction 0.625 → MMF 0.5%, no deduction
        Market dydx = cmp.portfolios().get(Convention.DYDX).markets().get(0);
        assertEquals(0.005, dydx.dydx().maintenanceMarginFraction(), 1e-15);
        // funding: 8h at F vs hourly at F/8, the same per day
        var f = cmp.differences("p", "fundingPerSettlement", Convention.BINANCE, Convention.HYPERLIQUID).get(0);
        assertTrue(f.cause().startsWith(VenueComparison.FUNDING_CADENCE));
        assertEquals(-60, f.valueA(), 1e-9);
        assertEquals(-7.5, f.valueB(), 1e-9);
        assertEquals(cmp.fundingPerDay().get(Convention.BINANCE).get("p"),
                cmp.fundingPerDay().get(Convention.HYPERLIQUID).get("p"), 1e-9);
        assertTrue(cmp.differences("p", "liquidationPrice", Convention.HYPERLIQUID, Convention.DYDX).size() <= 1);
        // close fee: 0.05% × 600,000 under every linear convention (a linear workspace is compared among them)
        for (Convention c : Convention.of(com.perprisk.engine.ContractType.LINEAR)) {
            assertEquals(300, cmp.closeFees().get(c).get("p"), 1e-9);
        }
    }

    @Test
    void dydxBlockIsUsedWhenPresent() {
        Market m = Market.dydx("BTC-USD", 60_000, 60_000, 0.0005, DydxMargin.of(0.05, 0.6),
                new FundingTerms(0.0000125, 1), null);
        Position p = Position.isolated("p", "BTC-USD", Side.SHORT, 1, 60_000, 10);
        Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(m), List.of(p), 720);
        var cmp = VenueComparison.compare(pf);
        assertEquals(0.03, cmp.portfolios().get(Convention.DYDX).markets().get(0).dydx().maintenanceMarginFraction(),
                1e-15);
        // from an hourly venue to Binance: 8 hours at 8 × the hourly rate
        assertEquals(8, cmp.portfolios().get(Convention.BINANCE).markets().get(0).funding().intervalHours());
        assertEquals(0.0001, cmp.portfolios().get(Convention.BINANCE).markets().get(0).funding().rate(), 1e-15);
    }

    @Test
    void switchingEveryFactorOfAToBReproducesBsLiquidationPrice() {
        for (Convention c : Convention.values()) {
            if (c == Convention.DYDX) {
                continue;
            }
            Market btc = new Market("BTCUSDT", c, 31_967.27, 31_967.27, 0.0005,
                    TierTable.resolve(c, Tables.binanceBtc2021()), null, FundingTerms.NONE, null);
            Market eth = new Market("ETHUSDT", c, 1_335.18, 1_335.18, 0.0005,
                    TierTable.resolve(c, Tables.binanceEth2021()), null, FundingTerms.NONE, null);
            Portfolio pf = new Portfolio(new Account(1_535_443.01, PositionMode.ONE_WAY), List.of(btc, eth),
                    List.of(Position.cross("btc", "BTCUSDT", Side.LONG, 109.488, 32_481.98, 20),
                            Position.cross("eth", "ETHUSDT", Side.LONG, 3_683.979, 1_456.84, 20),
                            Position.isolated("iso", "BTCUSDT", Side.SHORT, 12, 31_000, 15)), 720);
            // the rules of BINANCE with every factor switched to c's are c's rules: the same solver, the same price
            for (String id : List.of("btc", "eth", "iso")) {
                Double exact = LiquidationSolver.liquidationPrice(pf, id).price();
                Double switched = LiquidationSolver.solve(MarginPool.of(pf, id, m -> {
                    MarginRules own = MarginRules.of(m);
                    return MarginRules.of(Convention.BINANCE, m.tiers(), m.takerFeeRate())
                            .withMeasureAtEntry(own.measureAtEntry()).withBracketAtEntry(own.bracketAtEntry())
                            .withAmount(own.useAmount()).withCloseFee(own.closeFeeRate());
                }), Requirement.MAINTENANCE).price();
                if (exact == null) {
                    assertNull(switched, c + " " + id);
                } else {
                    assertEquals(exact, switched, 1e-9 * exact, c + " " + id);
                }
            }
        }
    }
}
