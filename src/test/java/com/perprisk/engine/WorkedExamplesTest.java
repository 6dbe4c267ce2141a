package com.perprisk.engine;

import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every liquidation example of the domain reference (§2.2, §2.3, §3), through the solver. */
class WorkedExamplesTest {

    private static double lp(Portfolio p, String id) {
        return LiquidationSolver.liquidationPrice(p, id).price();
    }

    private static Portfolio one(Market m, Position pos, double wallet) {
        return new Portfolio(new Account(wallet, PositionMode.ONE_WAY), List.of(m), List.of(pos), 720);
    }

    @Test
    void isolatedLongAt60kTenTimesMmrHalfPercent() {
        // domain §2.2: 1 BTC long at 60,000, 10x (margin 6,000), MMR 0.5% → LP = 54,271.36
        Market m = Market.simple("BTCUSDT", Convention.BINANCE, 60_000, Tables.single(125, 0.005));
        Position pos = Position.isolated("p", "BTCUSDT", Side.LONG, 1, 60_000, 10);
        assertEquals(54_271.36, lp(one(m, pos, 0), "p"), 0.005);
        // closed form: (Q × EP − M) / (Q × (1 − MMR))
        assertEquals((60_000 - 6_000) / (1 - 0.005), lp(one(m, pos, 0), "p"), 1e-9);
    }

    @Test
    void bybitIsolatedLong() {
        // domain §2.2: 1 BTC long at 20,000, 50x, MMR 0.5% → IM 400, MM 100, LP 19,700
        Market m = Market.simple("BTCUSDT", Convention.BYBIT, 20_000, Tables.single(100, 0.005));
        Position pos = Position.isolated("p", "BTCUSDT", Side.LONG, 1, 20_000, 50);
        assertEquals(19_700, lp(one(m, pos, 0), "p"), 1e-9);
    }

    @Test
    void bybitEntryMeasureVersusMarkMeasure() {
        // domain §3: 10 BTC long at 60,000, 10x, MMR 1%, deduction 2,000, extra margin 5,000
        // (the 1% bracket starts at 400,000 so that its deduction 2,000 = 400,000 × (1% − 0.5%) follows the
        // recursion: a deduction above the bracket's margin at its floor would make MM negative, an error)
        TierTable t = TierTable.resolve(Convention.BYBIT, List.of(TierSpec.of(0, 400_000, 50, 0.005, 0),
                TierSpec.of(400_000, Double.POSITIVE_INFINITY, 50, 0.01, 2_000)));
        Position pos = new Position("p", "BTCUSDT", Side.LONG, 10, 60_000, 10, MarginMode.ISOLATED, null, 5_000);
        Market bybit = Market.simple("BTCUSDT", Convention.BYBIT, 60_000, t);
        assertEquals(53_900, lp(one(bybit, pos, 0), "p"), 1e-9);
        Market binance = Market.simple("BTCUSDT", Convention.BINANCE, 60_000, t);
        assertEquals(53_838.38, lp(one(binance, pos, 0), "p"), 0.005);
    }

    @Test
    void binanceFaqCrossExample() {
        // domain §2.3: cross wallet 1,535,443.01, one-way, 2021 brackets
        Market btc = Market.simple("BTCUSDT", Convention.BINANCE, 31_967.27,
                TierTable.resolve(Convention.BINANCE, Tables.binanceBtc2021()));
        Market eth = Market.simple("ETHUSDT", Convention.BINANCE, 1_335.18,
                TierTable.resolve(Convention.BINANCE, Tables.binanceEth2021()));
        Portfolio p = new Portfolio(new Account(1_535_443.01, PositionMode.ONE_WAY), List.of(btc, eth),
                List.of(Position.cross("btc", "BTCUSDT", Side.LONG, 109.488, 32_481.98, 20),
                        Position.cross("eth", "ETHUSDT", Side.LONG, 3_683.979, 1_456.84, 20)), 720);
        var btcLp = LiquidationSolver.liquidationPrice(p, "btc");
        var ethLp = LiquidationSolver.liquidationPrice(p, "eth");
        assertEquals(26_316.89, btcLp.price(), 0.005);
        assertEquals(1_153.26, ethLp.price(), 0.005);
        // brackets at the liquidation price: BTC 2.5% (cum 16,300), ETH 10% (cum 135,365)
        assertEquals(0.025, btc.tiers().tier(btcLp.segment().brackets()[0]).mmr());
        assertEquals(16_300, btc.tiers().tier(btcLp.segment().brackets()[0]).maintenanceAmount(), 1e-9);
        assertEquals(135_365, eth.tiers().tier(ethLp.segment().brackets()[0]).maintenanceAmount(), 1e-9);
    }

    @Test
    void fullyCollateralisedLongHasNoLiquidation() {
        Market m = Market.simple("BTCUSDT", Convention.BINANCE, 60_000, Tables.single(125, 0.005));
        Position pos = Position.isolated("p", "BTCUSDT", Side.LONG, 1, 60_000, 1);
        assertNull(LiquidationSolver.liquidationPrice(one(m, pos, 0), "p").price());
        assertNull(LiquidationSolver.bankruptcyPrice(one(m, pos, 0), "p").price());
    }

    @Test
    void bankruptcyPricesWithAndWithoutFee() {
        // domain §4: BP = EP − side × M / Q; with fee: long (Q·EP − M)/(Q·(1 − fee)), short (Q·EP + M)/(Q·(1 + fee))
        Market m = new Market("BTCUSDT", Convention.BINANCE, 60_000, 60_000, 0.0005, Tables.single(125, 0.005), null,
                null, null);
        Position longPos = Position.isolated("l", "BTCUSDT", Side.LONG, 2, 60_000, 10);
        Position shortPos = Position.isolated("s", "BTCUSDT", Side.SHORT, 2, 60_000, 10);
        Portfolio p = new Portfolio(new Account(0, PositionMode.HEDGE), List.of(m), List.of(longPos, shortPos), 720);
        assertEquals(54_000, LiquidationSolver.bankruptcyPrice(p, "l").price(), 1e-9);
        assertEquals(66_000, LiquidationSolver.bankruptcyPrice(p, "s").price(), 1e-9);
        assertEquals((120_000 - 12_000) / (2 * (1 - 0.0005)),
                LiquidationSolver.bankruptcyPriceWithCloseFee(p, "l").price(), 1e-9);
        assertEquals((120_000 + 12_000) / (2 * (1 + 0.0005)),
                LiquidationSolver.bankruptcyPriceWithCloseFee(p, "s").price(), 1e-9);
    }

    @Test
    void okxIsolatedIncludesTakerFee() {
        // domain §3: long (EP − M/Q)/(1 − MMR − taker), short (EP + M/Q)/(1 + MMR + taker)
        TierTable t = TierTable.resolve(Convention.OKX,
                List.of(new TierSpec(0, Double.POSITIVE_INFINITY, 100, 0.004, null)));
        Market m = new Market("BTC-USDT-SWAP", Convention.OKX, 60_000, 60_000, 0.0005, t, null, null, null);
        Position l = Position.isolated("l", m.symbol(), Side.LONG, 2, 60_000, 20);
        Position s = Position.isolated("s", m.symbol(), Side.SHORT, 2, 60_000, 20);
        Portfolio p = new Portfolio(new Account(0, PositionMode.HEDGE), List.of(m), List.of(l, s), 720);
        assertEquals((60_000 - 6_000 / 2.0) / (1 - 0.004 - 0.0005), lp(p, "l"), 1e-9);
        assertEquals((60_000 + 6_000 / 2.0) / (1 + 0.004 + 0.0005), lp(p, "s"), 1e-9);
    }

    @Test
    void hyperliquidMmrIsHalfTheInitialAtMaxLeverage() {
        // BTC 40x up to 150M then 20x: MMR 1.25% then 2.5%, deduction 1,875,000 above 150M
        TierTable t = TierTable.resolve(Convention.HYPERLIQUID, List.of(
                new TierSpec(0, 150e6, 40, null, null), new TierSpec(150e6, Double.POSITIVE_INFINITY, 20, null, null)));
        assertEquals(0.0125, t.tier(0).mmr(), 1e-15);
        assertEquals(0.025, t.tier(1).mmr(), 1e-15);
        assertEquals(1_875_000, t.tier(1).maintenanceAmount(), 1e-6);
    }
}
