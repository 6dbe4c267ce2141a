package com.perprisk.engine.funding;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.Explanation;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FundingPaymentTest {
    private static final double EPS = 1e-9;

    @Test
    void positiveRateLongsPayShortsReceive() {
        // 2 BTC at mark 60,000, F = 0.01%: 12 per settlement
        assertEquals(-12.0, FundingPayment.perSettlement(Side.LONG, 2, 60_000, 0.0001), EPS);
        assertEquals(12.0, FundingPayment.perSettlement(Side.SHORT, 2, 60_000, 0.0001), EPS);
    }

    @Test
    void negativeRateShortsPayLongs() {
        assertEquals(30.0, FundingPayment.perSettlement(Side.LONG, 1, 60_000, -0.0005), EPS);
        assertEquals(-30.0, FundingPayment.perSettlement(Side.SHORT, 1, 60_000, -0.0005), EPS);
    }

    @Test
    void zeroRatePaysPositiveZero() {
        assertEquals(0.0, FundingPayment.perSettlement(Side.LONG, 1, 60_000, 0.0));
        assertEquals(0.0, FundingPayment.perSettlement(Side.SHORT, 1, 60_000, 0.0));
    }

    @Test
    void settlementsAreDiscrete() {
        assertEquals(3, FundingPayment.settlementsWithin(24, 8));
        assertEquals(2, FundingPayment.settlementsWithin(23.99, 8));
        assertEquals(0, FundingPayment.settlementsWithin(7.9, 8));
        assertEquals(24, FundingPayment.settlementsWithin(24, 1));
        assertEquals(3, FundingPayment.settlementsWithin(0.3, 0.1)); // not 2 from 2.9999…
        assertEquals(0, FundingPayment.settlementsWithin(0, 8));
        assertThrows(EngineException.class, () -> FundingPayment.settlementsWithin(24, 0));
        assertThrows(EngineException.class, () -> FundingPayment.settlementsWithin(-1, 8));
    }

    @Test
    void overHorizonIsCountTimesOneSettlement() {
        // a week of 8 h funding at 0.01% on 2 BTC at 60,000: 21 × −12
        assertEquals(-252.0, FundingPayment.overHorizon(Side.LONG, 2, 60_000, 0.0001, 168, 8), EPS);
        // 20 h holds only 2 settlements
        assertEquals(24.0, FundingPayment.overHorizon(Side.SHORT, 2, 60_000, 0.0001, 20, 8), EPS);
        assertEquals(-252.0, FundingPayment.overHorizon(Side.LONG, 2, 60_000,
                new FundingTerms(0.0001, 8), 168), EPS);
    }

    @Test
    void annualizedFunding() {
        assertEquals(0.1095, FundingPayment.apr(0.0001, 8), 1e-12);
        assertEquals(0.1157, FundingPayment.apy(0.0001, 8), 5e-5); // 11.57%
        assertEquals(Math.pow(1.0001, 1095) - 1, FundingPayment.apy(0.0001, 8), 1e-12);
        // hourly venue: 0.00125% per hour is the same APR as 0.01% per 8 h
        assertEquals(0.1095, FundingPayment.apr(0.0001 / 8, 1), 1e-12);
        assertEquals(1095.0, FundingPayment.settlementsPerYear(8), 0.0);
    }

    @Test
    void apyNeedsARateAboveMinusOneHundredPercent() {
        assertThrows(EngineException.class, () -> FundingPayment.apy(-1.5, 8));
        assertEquals(-1.0, FundingPayment.apy(-0.999999, 1), 1e-6);
    }

    @Test
    void badInputsThrow() {
        assertThrows(EngineException.class, () -> FundingPayment.perSettlement(null, 1, 60_000, 0.0001));
        assertThrows(EngineException.class, () -> FundingPayment.perSettlement(Side.LONG, -1, 60_000, 0.0001));
        assertThrows(EngineException.class, () -> FundingPayment.perSettlement(Side.LONG, 1, 0, 0.0001));
        assertThrows(EngineException.class, () -> FundingPayment.perSettlement(Side.LONG, 1, 60_000, Double.NaN));
        assertThrows(EngineException.class,
                () -> FundingPayment.perSettlement(Side.LONG, Double.POSITIVE_INFINITY, 60_000, 0.0001));
        assertThrows(EngineException.class, () -> FundingPayment.apr(0.0001, -8));
    }

    @Test
    void explanationOfOneSettlement() {
        Explanation e = FundingPayment.explainPerSettlement(Side.LONG, 2, 60_000, 0.0001);
        assertEquals("payment = −side × Q × MP × F", e.formula());
        assertEquals("payment = −1 × 2 × 60000 × 0.0001", e.substituted());
        assertEquals(-12.0, e.result(), EPS);
        assertEquals(4, e.terms().size());
        assertTrue(e.notes().contains("F > 0: longs pay shorts."), e.notes().toString());
        assertTrue(e.notes().contains("This long pays 12 per settlement (− paid)."), e.notes().toString());

        Explanation s = FundingPayment.explainPerSettlement(Side.SHORT, 1, 60_000, -0.0005);
        assertEquals("payment = −(−1) × 1 × 60000 × (−0.0005)", s.substituted());
        assertEquals(-30.0, s.result(), EPS);
        assertTrue(s.notes().contains("F < 0: shorts pay longs."));
    }

    @Test
    void explanationOverTheHorizon() {
        Explanation e = FundingPayment.explainOverHorizon(Side.SHORT, 2, 60_000, 0.0001, 20, 8);
        assertEquals("total = 2 × (−(−1) × 2 × 60000 × 0.0001)", e.substituted());
        assertEquals(24.0, e.result(), EPS);
        assertTrue(e.notes().get(0).startsWith("Settlements are discrete: n = floor(20 / 8) = 2"), e.notes().get(0));
        assertTrue(e.toText().contains("n = 2"), e.toText());
    }

    @Test
    void longAndShortAreMirrorImages() {
        for (int seed = 0; seed < 500; seed++) {
            Random r = new Random(seed);
            double q = r.nextDouble() * 100;
            double mp = 1 + r.nextDouble() * 100_000;
            double f = (r.nextDouble() - 0.5) * 0.01;
            double longPays = FundingPayment.perSettlement(Side.LONG, q, mp, f);
            double shortPays = FundingPayment.perSettlement(Side.SHORT, q, mp, f);
            assertEquals(longPays, -shortPays, 1e-12 * Math.max(1, Math.abs(longPays)), "seed " + seed);
            // longs pay when F > 0
            assertTrue(f <= 0 || longPays < 0 || q == 0, "seed " + seed);
        }
    }

    @Test
    void fundingFallsForLongsAsRateRises() {
        for (int seed = 0; seed < 500; seed++) {
            Random r = new Random(seed);
            double q = 0.01 + r.nextDouble() * 100;
            double mp = 1 + r.nextDouble() * 100_000;
            double f1 = (r.nextDouble() - 0.5) * 0.01;
            double f2 = f1 + r.nextDouble() * 0.005;
            double h = r.nextDouble() * 500;
            assertTrue(FundingPayment.perSettlement(Side.LONG, q, mp, f2)
                    <= FundingPayment.perSettlement(Side.LONG, q, mp, f1), "seed " + seed);
            assertTrue(FundingPayment.perSettlement(Side.SHORT, q, mp, f2)
                    >= FundingPayment.perSettlement(Side.SHORT, q, mp, f1), "seed " + seed);
            assertTrue(FundingPayment.overHorizon(Side.LONG, q, mp, f2, h, 8)
                    <= FundingPayment.overHorizon(Side.LONG, q, mp, f1, h, 8), "seed " + seed);
            assertTrue(FundingPayment.apr(f2, 8) >= FundingPayment.apr(f1, 8), "seed " + seed);
        }
    }

    @Test
    void apyIsAtLeastAprForPositiveRates() {
        for (int seed = 0; seed < 500; seed++) {
            Random r = new Random(seed);
            double f = r.nextDouble() * 0.01;
            double interval = new double[] {1, 4, 8}[r.nextInt(3)];
            double apr = FundingPayment.apr(f, interval);
            double apy = FundingPayment.apy(f, interval);
            assertTrue(apy >= apr - 1e-15, "seed " + seed + ": APY " + apy + " < APR " + apr);
        }
    }
}
