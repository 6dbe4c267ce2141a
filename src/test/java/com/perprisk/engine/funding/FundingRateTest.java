package com.perprisk.engine.funding;

import com.perprisk.engine.EngineException;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FundingRateTest {
    private static final double EPS = 1e-12;

    @Test
    void hyperliquidWorkedExample() {
        // impact bid 10,100 vs oracle 10,000, ask at or above the index
        double premium = FundingRate.premiumIndex(10_100, 10_120, 10_000);
        assertEquals(0.01, premium, EPS);
        double rate8h = FundingRate.fromPremium(premium, FundingRate.DEFAULT_INTEREST_8H);
        assertEquals(0.0095, rate8h, EPS);
        assertEquals(0.0011875, FundingRate.hourlyFromEightHour(rate8h), EPS);
    }

    @Test
    void premiumIsZeroWhileIndexSitsInsideTheImpactPrices() {
        assertEquals(0.0, FundingRate.premiumIndex(9_990, 10_010, 10_000), 0.0);
    }

    @Test
    void premiumIsNegativeWhenImpactAskIsBelowIndex() {
        // ask 9,950 under index 10,000: −50 / 10,000
        assertEquals(-0.005, FundingRate.premiumIndex(9_900, 9_950, 10_000), EPS);
    }

    @Test
    void crossedImpactPricesAreRejected() {
        EngineException e = assertThrows(EngineException.class,
                () -> FundingRate.premiumIndex(10_100, 10_000, 10_000));
        assertTrue(e.getMessage().contains("crossed"), e.getMessage());
    }

    @Test
    void smallPremiumGivesTheInterestRate() {
        // |I − P| within the clamp: F = I
        assertEquals(0.0001, FundingRate.fromPremium(0.0003, 0.0001), EPS);
        assertEquals(0.0001, FundingRate.fromPremium(-0.0002, 0.0001), EPS);
    }

    @Test
    void clampLimitsThePullTowardInterest() {
        // P = −0.2%, I = 0.01%: I − P = 0.21% clamped to 0.05% → F = −0.15%
        assertEquals(-0.0015, FundingRate.fromPremium(-0.002, 0.0001), EPS);
        // custom clamp
        assertEquals(0.0099, FundingRate.fromPremium(0.01, 0.0001, -0.0001, 0.0001), EPS);
    }

    @Test
    void invertedClampIsRejected() {
        assertThrows(EngineException.class, () -> FundingRate.fromPremium(0.001, 0.0001, 0.0005, -0.0005));
    }

    @Test
    void capLimitsBothSigns() {
        assertEquals(0.0075, FundingRate.capped(0.02, 0.0075), EPS);
        assertEquals(-0.0075, FundingRate.capped(-0.02, 0.0075), EPS);
        assertEquals(0.001, FundingRate.capped(0.001, 0.0075), EPS);
        assertThrows(EngineException.class, () -> FundingRate.capped(0.001, -0.01));
    }

    @Test
    void hyperliquidCapIsFourPercentPerHour() {
        assertEquals(0.04, FundingRate.HYPERLIQUID_HOURLY_CAP, 0.0);
        assertEquals(0.04, FundingRate.capped(0.07, FundingRate.HYPERLIQUID_HOURLY_CAP), EPS);
    }

    @Test
    void dydxCapIsSixTimesImfLessMmf() {
        // Large-Cap: IMF 5%, MMF 3% → 12% per 8 h
        assertEquals(0.12, FundingRate.dydxCap(0.05, 0.03), EPS);
        assertThrows(EngineException.class, () -> FundingRate.dydxCap(0.05, 0.06));
        assertThrows(EngineException.class, () -> FundingRate.dydxCap(0, 0));
    }

    @Test
    void interestFromAnnualRates() {
        // (5% − 1%) a year over 365 × 3 intervals
        assertEquals(0.04 / 1095.0, FundingRate.interestPerInterval(0.05, 0.01, 3), EPS);
        assertEquals(3.6529680365e-5, FundingRate.interestPerInterval(0.05, 0.01, 3), 1e-14);
    }

    @Test
    void interestFromDailyRatesIsBinancesForm() {
        // Binance: quote 0.06% a day, base 0.03% a day, 3 intervals → 0.01% per 8 h
        assertEquals(0.0001, FundingRate.interestPerIntervalFromDaily(0.0006, 0.0003, 3), EPS);
        // the seed's (5% − 1%) / 3 read as daily rates: 0.013333 = 1.3333%, not 0.013333%
        assertEquals(0.0133333333333, FundingRate.interestPerIntervalFromDaily(0.05, 0.01, 3), 1e-12);
    }

    @Test
    void badInputsThrowInsteadOfReturningNaN() {
        assertThrows(EngineException.class, () -> FundingRate.premiumIndex(Double.NaN, 10_000, 10_000));
        assertThrows(EngineException.class, () -> FundingRate.premiumIndex(10_000, 10_000, 0));
        assertThrows(EngineException.class, () -> FundingRate.fromPremium(Double.POSITIVE_INFINITY, 0.0001));
        assertThrows(EngineException.class, () -> FundingRate.hourlyFromEightHour(Double.NaN));
        assertThrows(EngineException.class, () -> FundingRate.interestPerInterval(0.05, 0.01, 0));
        EngineException e = assertThrows(EngineException.class,
                () -> FundingRate.premiumIndex(10_000, 10_100, -1));
        assertTrue(e.getMessage().startsWith("index price must be above 0"), e.getMessage());
    }

    @Test
    void rateIsMonotoneInPremiumAndStaysWithinClampOfInterest() {
        for (int seed = 0; seed < 500; seed++) {
            Random r = new Random(seed);
            double interest = (r.nextDouble() - 0.5) * 0.001;
            double p1 = (r.nextDouble() - 0.5) * 0.02;
            double p2 = p1 + r.nextDouble() * 0.01;
            double f1 = FundingRate.fromPremium(p1, interest);
            double f2 = FundingRate.fromPremium(p2, interest);
            assertTrue(f2 >= f1 - 1e-15, "seed " + seed + ": F not monotone in P");
            // F − P = clamp(I − P) is within the clamp
            assertTrue(Math.abs(f1 - p1) <= 0.0005 + 1e-15, "seed " + seed);
            // F lies between P and I
            assertTrue(f1 >= Math.min(p1, interest) - 1e-15 && f1 <= Math.max(p1, interest) + 1e-15,
                    "seed " + seed);
        }
    }

    @Test
    void premiumIsMonotoneInImpactPrices() {
        for (int seed = 0; seed < 500; seed++) {
            Random r = new Random(seed);
            double index = 1_000 + r.nextDouble() * 100_000;
            double bid = index * (0.97 + r.nextDouble() * 0.06);
            double ask = bid + index * r.nextDouble() * 0.02;
            double p = FundingRate.premiumIndex(bid, ask, index);
            double higher = FundingRate.premiumIndex(bid * 1.001, ask * 1.001, index);
            assertTrue(higher >= p, "seed " + seed);
            assertTrue(Math.abs(p) <= Math.max(Math.abs(bid - index), Math.abs(ask - index)) / index + 1e-15);
        }
    }
}
