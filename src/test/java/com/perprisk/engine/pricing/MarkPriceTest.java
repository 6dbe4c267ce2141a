package com.perprisk.engine.pricing;

import com.perprisk.engine.EngineException;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkPriceTest {
    private static final double CENT = 0.005;

    @Test
    void fundingBasisSeedExample() {
        // BTC index 60,000, F = 0.01%, 2 h left of 8 h
        assertEquals(60_001.50, MarkPrice.fundingBasis(60_000, 0.0001, 2, 8), CENT);
        assertEquals(60_001.50, MarkPrice.fundingBasis(60_000, 0.0001, 2, 8), 1e-9);
    }

    @Test
    void fundingBasisConvergesToIndexAtSettlement() {
        assertEquals(60_000.0, MarkPrice.fundingBasis(60_000, 0.0001, 0, 8), 0.0);
        assertEquals(60_006.0, MarkPrice.fundingBasis(60_000, 0.0001, 8, 8), 1e-9);
        assertEquals(59_994.0, MarkPrice.fundingBasis(60_000, -0.0001, 8, 8), 1e-9);
    }

    @Test
    void hoursToFundingMustFitTheInterval() {
        EngineException e = assertThrows(EngineException.class, () -> MarkPrice.fundingBasis(60_000, 0.0001, 9, 8));
        assertEquals("9 h to funding is longer than the 8 h funding interval", e.getMessage());
        assertThrows(EngineException.class, () -> MarkPrice.fundingBasis(60_000, 0.0001, -1, 8));
        assertThrows(EngineException.class, () -> MarkPrice.fundingBasis(0, 0.0001, 2, 8));
        assertThrows(EngineException.class, () -> MarkPrice.fundingBasis(60_000, Double.NaN, 2, 8));
        assertThrows(EngineException.class, () -> MarkPrice.fundingBasis(60_000, -2, 8, 8));
    }

    @Test
    void medianOfIndexAndImpactPrices() {
        assertEquals(60_000.0, MarkPrice.median(60_000, 59_990, 60_010), 0.0);
        assertEquals(60_020.0, MarkPrice.median(60_000, 60_020, 60_040), 0.0);
        assertEquals(59_980.0, MarkPrice.median(60_000, 59_950, 59_980), 0.0);
        assertThrows(EngineException.class, () -> MarkPrice.median(60_000, Double.NaN, 60_010));
    }

    @Test
    void binanceTakesTheMiddleCandidate() {
        // candidates: 60,001.50 (funding basis), 60,010 (index + MA basis), last
        assertEquals(60_010.0, MarkPrice.binance(60_000, 0.0001, 2, 8, 10, 60_050), 1e-9);
        assertEquals(60_001.5, MarkPrice.binance(60_000, 0.0001, 2, 8, 10, 59_990), 1e-9);
        assertEquals(60_005.0, MarkPrice.binance(60_000, 0.0001, 2, 8, 10, 60_005), 1e-9);
        assertThrows(EngineException.class, () -> MarkPrice.binance(60_000, 0.0001, 2, 8, 10, 0));
        assertThrows(EngineException.class, () -> MarkPrice.binance(60_000, 0.0001, 2, 8, -70_000, 60_000));
    }

    @Test
    void medianLiesBetweenTheSmallestAndLargest() {
        for (int seed = 0; seed < 500; seed++) {
            Random r = new Random(seed);
            double a = 1 + r.nextDouble() * 1e5;
            double b = 1 + r.nextDouble() * 1e5;
            double c = 1 + r.nextDouble() * 1e5;
            double m = MarkPrice.median(a, b, c);
            int below = (a < m ? 1 : 0) + (b < m ? 1 : 0) + (c < m ? 1 : 0);
            int above = (a > m ? 1 : 0) + (b > m ? 1 : 0) + (c > m ? 1 : 0);
            assertTrue(below <= 1 && above <= 1, "seed " + seed);
            assertTrue(m == a || m == b || m == c, "seed " + seed);
            assertEquals(m, MarkPrice.median(c, a, b), 0.0, "seed " + seed);
        }
    }

    @Test
    void fundingBasisRisesWithRateAndDecaysTowardIndex() {
        for (int seed = 0; seed < 500; seed++) {
            Random r = new Random(seed);
            double index = 1 + r.nextDouble() * 1e5;
            double f = (r.nextDouble() - 0.5) * 0.01;
            double t1 = r.nextDouble() * 8;
            double t2 = t1 * r.nextDouble();
            double m1 = MarkPrice.fundingBasis(index, f, t1, 8);
            double m2 = MarkPrice.fundingBasis(index, f, t2, 8);
            assertTrue(Math.abs(m2 - index) <= Math.abs(m1 - index) + 1e-9, "seed " + seed);
            assertTrue(MarkPrice.fundingBasis(index, f + 0.001, t1, 8) >= m1, "seed " + seed);
        }
    }
}
