package com.perprisk.engine.dydx;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.dydx.DydxLiquidation.Account;
import com.perprisk.engine.dydx.DydxLiquidation.Config;
import com.perprisk.engine.dydx.DydxLiquidation.Position;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dYdX v4's own cases (x/clob/keeper/liquidations_test.go): BTC at $50,000 and ETH at $3,000, both 20% initial and
 * 10% maintenance (MMF 0.1).
 */
class DydxLiquidationTest {
    private static final double CENT = 1e-9;

    private static Account btc(double usdc, double size) {
        return new Account(usdc, List.of(new Position("BTC", size, 50_000, 0.1)));
    }

    @Test
    void bankruptcyPriceOfOnePosition() {
        // 0.1 BTC long, USDC −4,501: must sell for at least $4,501 → $45,010 per BTC
        assertEquals(4_501, DydxLiquidation.bankruptcyQuote(btc(-4_501, 0.1), "BTC", -0.1), CENT);
        assertEquals(45_010, DydxLiquidation.bankruptcyPrice(btc(-4_501, 0.1), "BTC"), CENT);
        // 0.1 BTC short, USDC 5,499: may pay at most $5,499
        assertEquals(-5_499, DydxLiquidation.bankruptcyQuote(btc(5_499, -0.1), "BTC", 0.1), CENT);
        assertEquals(54_990, DydxLiquidation.bankruptcyPrice(btc(5_499, -0.1), "BTC"), CENT);
        // at the bankruptcy price, full and half close
        assertEquals(5_000, DydxLiquidation.bankruptcyQuote(btc(-5_000, 0.1), "BTC", -0.1), CENT);
        assertEquals(2_500, DydxLiquidation.bankruptcyQuote(btc(-5_000, 0.1), "BTC", -0.05), CENT);
        assertEquals(-2_500, DydxLiquidation.bankruptcyQuote(btc(5_000, -0.1), "BTC", 0.05), CENT);
        // below the bankruptcy price
        assertEquals(5_100, DydxLiquidation.bankruptcyQuote(btc(-5_100, 0.1), "BTC", -0.1), CENT);
        assertEquals(-4_900, DydxLiquidation.bankruptcyQuote(btc(4_900, -0.1), "BTC", 0.1), CENT);
    }

    @Test
    void bankruptcyPriceWithTwoPositionsSharesTheCollateralByMaintenance() {
        // 0.004 BTC long ($200, MMR $20) and 0.1 ETH long ($300, MMR $30), USDC −490: TNC 10, TMMR 50.
        // Closing the ETH: −ΔNNV − TNC × |ΔMMR| / TMMR = 300 − 10 × 30 / 50 = 294
        Account longs = new Account(-490, List.of(new Position("BTC", 0.004, 50_000, 0.1),
                new Position("ETH", 0.1, 3_000, 0.1)));
        assertEquals(294, DydxLiquidation.bankruptcyQuote(longs, "ETH", -0.1), CENT);
        assertEquals(2_940, DydxLiquidation.bankruptcyPrice(longs, "ETH"), CENT);
        // two shorts, USDC 510: −306
        Account shorts = new Account(510, List.of(new Position("BTC", -0.004, 50_000, 0.1),
                new Position("ETH", -0.1, 3_000, 0.1)));
        assertEquals(-306, DydxLiquidation.bankruptcyQuote(shorts, "ETH", 0.1), CENT);
        // a long and a short, USDC 110: −306
        Account mixed = new Account(110, List.of(new Position("BTC", 0.004, 50_000, 0.1),
                new Position("ETH", -0.1, 3_000, 0.1)));
        assertEquals(-306, DydxLiquidation.bankruptcyQuote(mixed, "ETH", 0.1), CENT);
    }

    @Test
    void fillablePriceAsGetFillablePrice() {
        assertEquals(49_999, DydxLiquidation.fillablePrice(btc(-4_501, 0.1), "BTC", Config.DEFAULT), CENT);
        assertEquals(49_998, DydxLiquidation.fillablePrice(btc(-4_501, 0.1), "BTC", new Config(2, 0.1, 0.005)), CENT);
        assertEquals(49_998, DydxLiquidation.fillablePrice(btc(-4_501, 0.1), "BTC", new Config(1, 0.2, 0.005)), CENT);
        assertEquals(50_001, DydxLiquidation.fillablePrice(btc(5_499, -0.1), "BTC", Config.DEFAULT), CENT);
        assertEquals(50_002, DydxLiquidation.fillablePrice(btc(5_499, -0.1), "BTC", new Config(2, 0.1, 0.005)), CENT);
        assertEquals(50_002, DydxLiquidation.fillablePrice(btc(5_499, -0.1), "BTC", new Config(1, 0.2, 0.005)), CENT);
        // at the bankruptcy price ABR is 1: the full spread SMMR × PMMR = $50 on 0.1 BTC → $49,500
        assertEquals(49_500, DydxLiquidation.fillablePrice(btc(-5_000, 0.1), "BTC", Config.DEFAULT), CENT);
    }

    @Test
    void penaltyIsCappedAsGetLiquidationInsuranceFundDelta() {
        Account a = btc(-5_100, 0.1);
        // sold at $56,100 (10% above the $51,000 bankruptcy price): $5,610; cap 0.5% → $28.05
        assertEquals(28.05, DydxLiquidation.insuranceFundDelta(a, "BTC", -0.1, 56_100, new Config(1, 0.1, 0.005)),
                1e-9);
        assertEquals(140.25, DydxLiquidation.insuranceFundDelta(a, "BTC", -0.1, 56_100, new Config(1, 0.1, 0.025)),
                1e-9);
        // cap 100%: all the leftover, $510
        assertEquals(510, DydxLiquidation.insuranceFundDelta(a, "BTC", -0.1, 56_100, new Config(1, 0.1, 1)), 1e-9);
        // short bought at $44,100: $4,410, cap 0.5% → $22.05
        assertEquals(22.05, DydxLiquidation.insuranceFundDelta(btc(4_900, -0.1), "BTC", 0.1, 44_100,
                new Config(1, 0.1, 0.005)), 1e-9);
        // the default cap is 1.5%
        assertEquals(84.15, DydxLiquidation.insuranceFundDelta(a, "BTC", -0.1, 56_100, Config.DEFAULT), 1e-9);
        // a fill below the bankruptcy price: the fund pays the difference
        assertEquals(-100, DydxLiquidation.insuranceFundDelta(a, "BTC", -0.1, 50_000, Config.DEFAULT), 1e-9);
    }

    @Test
    void liquidatableOnlyStrictlyBelowMaintenance() {
        // TNC = −4,500 + 5,000 = 500 = TMMR: not liquidatable
        assertFalse(btc(-4_500, 0.1).isLiquidatable());
        assertTrue(btc(-4_501, 0.1).isLiquidatable());
        assertFalse(new Account(100, List.of()).isLiquidatable());
    }

    @Test
    void configRefusesWhatDydxRefuses() {
        assertThrows(EngineException.class, () -> new Config(0.5, 0.1, 0.015));
        assertThrows(EngineException.class, () -> new Config(1, 0, 0.015));
        assertThrows(EngineException.class, () -> new Config(1, 0.1, 0));
        assertThrows(EngineException.class, () -> new Config(1, 0.1, 1.5));
        assertEquals(Config.DEFAULT, Config.ofPpm(1_000_000, 100_000, 15_000));
        assertThrows(EngineException.class, () -> DydxLiquidation.bankruptcyQuote(btc(0, 0.1), "BTC", 0.1));
    }
}
