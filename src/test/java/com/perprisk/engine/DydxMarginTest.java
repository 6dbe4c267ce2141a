package com.perprisk.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * dYdX v4's open-interest scaling of the initial margin fraction, as {@code LiquidityTier.GetAdjustedInitialMarginPpm}
 * computes it (dydxprotocol/v4-chain, protocol/x/perpetuals/types/liquidity_tier.go, and the cases of its
 * {@code TestGetAdjustedInitialMarginPpm}): an upper cap of 0 turns scaling off; at or below the lower cap the base
 * IMF applies; at or above a non-zero upper cap the IMF is 100%; between them it rises linearly.
 */
class DydxMarginTest {
    private static double imf(double base, double lower, double upper, double oi) {
        return new DydxMargin(base, 0.6, oi, lower, upper).effectiveInitialMarginFraction();
    }

    @Test
    void dydxOwnCases() {
        assertEquals(0.2, imf(0.2, 1e6, 2e6, 0), 1e-12);
        assertEquals(0.6, imf(0.2, 1e6, 2e6, 1.5e6), 1e-12);
        // dYdX rounds its ppm down to 0.387653; we keep the exact 0.2 + 0.234567 × 0.8
        assertEquals(0.3876536, imf(0.2, 1e6, 2e6, 1_234_567), 1e-12);
        assertEquals(0.2, imf(0.2, 1e6, 2e6, 1e6), 1e-12);
        assertEquals(1.0, imf(0.2, 1e6, 2e6, 2e6), 1e-12);
        assertEquals(1.0, imf(0.2, 1e6, 2e6, 2.5e6), 1e-12);
        assertEquals(0.2, imf(0.2, 0, 0, 1.5e6), 1e-12);
    }

    @Test
    void equalNonZeroCapsSwitchFromTheBaseToOneHundredPercent() {
        // only an upper cap of 0 turns scaling off: equal caps of 5M are a step at 5M
        assertEquals(0.05, imf(0.05, 5e6, 5e6, 4e6), 1e-12);
        assertEquals(0.05, imf(0.05, 5e6, 5e6, 5e6), 1e-12, "at the lower cap dYdX keeps the base IMF");
        assertEquals(1.0, imf(0.05, 5e6, 5e6, 5.000001e6), 1e-12);
        assertEquals(1.0, imf(0.05, 5e6, 5e6, 9e6), 1e-12);
        assertEquals(1.0, new DydxMargin(0.05, 0.6, 9e6, 5e6, 5e6).maxLeverage(), 1e-12);
        // a zero lower cap with a non-zero upper cap scales from 0
        assertEquals(0.05 + 0.95 * 0.25, imf(0.05, 0, 4e6, 1e6), 1e-12);
        assertEquals(1.0, imf(0.05, 0, 4e6, 4e6), 1e-12);
    }
}
