package com.perprisk.engine.pricing;

import com.perprisk.engine.DatedFuture;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Explanation;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasisTest {
    private static final double EPS = 1e-12;

    @Test
    void perpPremium() {
        assertEquals(0.000025, Basis.premium(60_001.5, 60_000), EPS);
        assertEquals(-0.001, Basis.premium(59_940, 60_000), EPS);
    }

    @Test
    void quarterlyFutureInContango() {
        // future 61,000, spot 60,000, 90 days to expiry
        assertEquals(1_000.0, Basis.basis(61_000, 60_000), 0.0);
        assertEquals(1.0 / 60, Basis.basisRate(61_000, 60_000), EPS);
        assertEquals(0.0675925925926, Basis.annualizedSimple(1.0 / 60, 90), 1e-12);
        assertEquals(0.0675925925926, Basis.annualizedSimple(new DatedFuture(61_000, 90), 60_000), 1e-12);
        assertEquals(0.0693334413590, Basis.annualizedCompounded(61_000, 60_000, 90), 1e-12);
        assertTrue(Basis.isContango(61_000, 60_000));
    }

    @Test
    void backwardation() {
        assertEquals(-500.0, Basis.basis(59_500, 60_000), 0.0);
        assertFalse(Basis.isContango(59_500, 60_000));
        assertFalse(Basis.isContango(60_000, 60_000));
        assertTrue(Basis.annualizedCompounded(59_500, 60_000, 30) < 0);
    }

    @Test
    void cashAndCarryYieldIsFundingAprLessFees() {
        assertEquals(0.0895, Basis.carryYield(0.1095, 0.02), EPS);
        assertEquals(-0.03, Basis.carryYield(-0.01, 0.02), EPS);
    }

    @Test
    void badInputsThrow() {
        assertThrows(EngineException.class, () -> Basis.premium(60_000, 0));
        assertThrows(EngineException.class, () -> Basis.basisRate(Double.NaN, 60_000));
        assertThrows(EngineException.class, () -> Basis.annualizedSimple(0.01, 0));
        assertThrows(EngineException.class, () -> Basis.annualizedCompounded(61_000, 60_000, -1));
        assertThrows(EngineException.class, () -> Basis.carryYield(Double.POSITIVE_INFINITY, 0));
        assertThrows(EngineException.class, () -> Basis.annualizedSimple(null, 60_000));
        // a huge basis over a very short time would overflow: an error, not infinity
        assertThrows(EngineException.class, () -> Basis.annualizedCompounded(120_000, 60_000, 0.01));
    }

    @Test
    void explanationOfTheAnnualizedBasis() {
        Explanation e = Basis.explainAnnualized(61_000, 60_000, 90);
        assertEquals("annualized = (F − S) / S × 365 / days", e.formula());
        assertEquals("annualized = (61000 − 60000) / 60000 × 365 / 90", e.substituted());
        assertEquals(0.0675925925926, e.result(), 1e-12);
        assertEquals("Contango: the future trades above spot (F > S).", e.notes().get(0));
        assertTrue(e.notes().get(2).contains("0.06933344136"), e.notes().get(2));
    }

    @Test
    void compoundedIsAtLeastSimpleWithinAYear() {
        for (int seed = 0; seed < 500; seed++) {
            Random r = new Random(seed);
            double spot = 100 + r.nextDouble() * 100_000;
            double future = spot * (1 + (r.nextDouble() - 0.3) * 0.1);
            double days = 1 + r.nextDouble() * 364;
            double simple = Basis.annualizedSimple(Basis.basisRate(future, spot), days);
            double compounded = Basis.annualizedCompounded(future, spot, days);
            assertTrue(compounded >= simple - 1e-12, "seed " + seed);
            assertEquals(Basis.isContango(future, spot), simple > 0, "seed " + seed);
            assertEquals(Basis.basis(future, spot) / spot, Basis.basisRate(future, spot), 1e-12, "seed " + seed);
        }
    }
}
