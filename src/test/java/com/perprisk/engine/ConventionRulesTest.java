package com.perprisk.engine;

import com.perprisk.engine.tier.TierTable;
import com.perprisk.engine.waterfall.LiquidationWaterfall;
import com.perprisk.engine.waterfall.WaterfallResult;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every venue rule moved into {@link Convention}: each convention must answer with its own venue's rule. */
class ConventionRulesTest {
    private static final TierTable BINANCE_BTC = TierTable.resolve(Convention.BINANCE, Tables.binanceBtc2024());

    @Test
    void eachVenueStatesItsLiquidatableBoundary() {
        for (Convention c : Convention.values()) {
            // strictly inside: liquidatable everywhere; strictly outside: nowhere
            assertTrue(c.liquidatable(99, 100), c.name());
            assertFalse(c.liquidatable(101, 100), c.name());
        }
        // at equality: margin ratio 100% is liquidatable on Binance, Bybit, OKX, Hyperliquid ...
        assertTrue(Convention.BINANCE.liquidatable(100, 100));
        assertTrue(Convention.BYBIT.liquidatable(100, 100));
        assertTrue(Convention.OKX.liquidatable(100, 100));
        assertTrue(Convention.HYPERLIQUID.liquidatable(100, 100));
        // ... but dYdX v4 liquidates only when net collateral is strictly below the maintenance requirement
        assertFalse(Convention.DYDX.liquidatable(100, 100));
        assertEquals(Convention.Boundary.BELOW_REQUIREMENT, Convention.DYDX.liquidationBoundary());
    }

    @Test
    void hyperliquidSlicesTwentyPercentAboveOneHundredThousandNotional() {
        // 2 BTC at 60,000 = 120,000 notional: a 20% slice; 1 BTC = 60,000: closed in full
        assertEquals(0.4, Convention.HYPERLIQUID.partialCloseQuantity(2, 60_000, BINANCE_BTC), 1e-12);
        assertEquals(0, Convention.HYPERLIQUID.partialCloseQuantity(1, 60_000, BINANCE_BTC));
        assertTrue(Convention.HYPERLIQUID.partialCloseReason(2, 60_000, BINANCE_BTC).contains("20% slice"));
    }

    @Test
    void binanceReducesToTheFloorOfTheCurrentBracket() {
        // 20 BTC at 60,000 = 1.2 M, bracket 3 [600,000, 3 M): reduce to 600,000 / 60,000 = 10 BTC
        assertEquals(10, Convention.BINANCE.partialCloseQuantity(20, 60_000, BINANCE_BTC), 1e-9);
        assertTrue(Convention.BINANCE.partialCloseReason(20, 60_000, BINANCE_BTC).contains("bracket 3"));
        // in the first bracket, and with a one-bracket table, the whole position is closed
        assertEquals(0, Convention.BINANCE.partialCloseQuantity(0.5, 60_000, BINANCE_BTC));
        TierTable single = TierTable.resolve(Convention.BINANCE, java.util.List.of(
                com.perprisk.engine.tier.TierSpec.derived(0, Double.POSITIVE_INFINITY, 100, 0.005)));
        assertEquals(0, Convention.BINANCE.partialCloseQuantity(20, 60_000, single));
    }

    @Test
    void otherVenuesCloseInFull() {
        for (Convention c : new Convention[]{Convention.BYBIT, Convention.OKX, Convention.DYDX}) {
            assertEquals(0, c.partialCloseQuantity(20, 60_000, BINANCE_BTC), c.name());
            assertEquals(Convention.PartialLiquidation.WHOLE, c.partialLiquidation(), c.name());
        }
    }

    @Test
    void dydxPaysACappedPenaltyAndReturnsTheRestTheOthersPayTheFeeToTheFund() {
        // long 10 at BP 54,000 filled at 55,600: surplus 16,000
        WaterfallResult dydx = LiquidationWaterfall.settle(Convention.DYDX, Side.LONG, 10, 54_000, 55_600, 1_000,
                0.01);
        assertEquals(8_340, dydx.surplusToFund(), 1e-6); // 1.5% × 556,000
        assertEquals(7_660, dydx.returnedToTrader(), 1e-6);
        for (Convention c : new Convention[]{Convention.BINANCE, Convention.BYBIT, Convention.OKX,
                Convention.HYPERLIQUID}) {
            WaterfallResult w = LiquidationWaterfall.settle(c, Side.LONG, 10, 54_000, 55_600, 1_000, 0.01);
            assertEquals(5_560, w.fees(), 1e-6, c.name()); // 1% × 556,000
            assertEquals(10_440, w.surplusToFund(), 1e-6, c.name());
            assertEquals(0, w.returnedToTrader(), c.name());
        }
    }

    @Test
    void hourlyVenuesSettleFundingEveryHourAtTheSameEightHourRate() {
        FundingTerms eightHourly = new FundingTerms(0.0008, 8);
        for (Convention c : new Convention[]{Convention.HYPERLIQUID, Convention.DYDX}) {
            FundingTerms f = c.carryFunding(eightHourly, Convention.BINANCE);
            assertEquals(1, f.intervalHours(), c.name());
            assertEquals(0.0001, f.rate(), 1e-15, c.name());
            assertEquals(1.0, c.fundingEveryHours(), c.name());
        }
        // from an hourly venue to an 8-hour one: 8 × the hourly rate every 8 h; between 8-hour venues: unchanged
        FundingTerms back = Convention.BINANCE.carryFunding(new FundingTerms(0.0001, 1), Convention.HYPERLIQUID);
        assertEquals(8, back.intervalHours());
        assertEquals(0.0008, back.rate(), 1e-15);
        FundingTerms fourHourly = new FundingTerms(0.0002, 4);
        assertEquals(fourHourly, Convention.BYBIT.carryFunding(fourHourly, Convention.BINANCE));
    }

    @Test
    void bracketAndMaintenanceBasesAreTheVenues() {
        Map<Convention, Convention.PriceBasis[]> expected = Map.of(
                Convention.BINANCE, new Convention.PriceBasis[]{Convention.PriceBasis.MARK, Convention.PriceBasis.MARK},
                Convention.BYBIT, new Convention.PriceBasis[]{Convention.PriceBasis.ENTRY,
                        Convention.PriceBasis.ENTRY},
                Convention.OKX, new Convention.PriceBasis[]{Convention.PriceBasis.MARK, Convention.PriceBasis.ENTRY},
                Convention.HYPERLIQUID, new Convention.PriceBasis[]{Convention.PriceBasis.MARK,
                        Convention.PriceBasis.MARK},
                Convention.DYDX, new Convention.PriceBasis[]{Convention.PriceBasis.MARK, Convention.PriceBasis.MARK},
                Convention.BINANCE_COINM, new Convention.PriceBasis[]{Convention.PriceBasis.MARK,
                        Convention.PriceBasis.MARK},
                Convention.BYBIT_INVERSE, new Convention.PriceBasis[]{Convention.PriceBasis.ENTRY,
                        Convention.PriceBasis.ENTRY},
                Convention.BITMEX, new Convention.PriceBasis[]{Convention.PriceBasis.MARK, Convention.PriceBasis.MARK});
        for (Convention c : Convention.values()) {
            assertEquals(expected.get(c)[0], c.maintenanceMeasuredAt(), c.name() + " maintenance basis");
            assertEquals(expected.get(c)[1], c.bracketSelectedAt(), c.name() + " bracket basis");
        }
        assertTrue(Convention.OKX.closeFeeInRequirement());
        assertFalse(Convention.OKX.usesMaintenanceAmount());
        assertTrue(Convention.DYDX.summary().contains("IMF"));
    }
}
