package com.perprisk.engine.probability;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BarrierProbabilityTest {

    /** Φ by direct numerical integration of the density: independent of Normal.cdf's series. */
    private static double phiByQuadrature(double x) {
        return x < 0 ? NormalTest.simpson(-40, x) : 1 - NormalTest.simpson(x, 40);
    }

    @Test
    void zeroDriftLogPriceMatchesReflectionPrinciple() {
        // with μ = σ²/2 the log-price is a driftless Brownian motion: P(min ≤ b) = 2 Φ(b / (σ√T))
        double sigma = 0.8;
        double t = 168 / 8760.0;
        for (double barrier : new double[]{50_000, 54_271.36, 58_000, 59_900}) {
            double b = Math.log(barrier / 60_000);
            double reflection = 2 * phiByQuadrature(b / (sigma * Math.sqrt(t)));
            assertEquals(reflection, BarrierProbability.touchLower(60_000, barrier, sigma, sigma * sigma / 2, t),
                    1e-10, "lower " + barrier);
            // upper barrier at the mirror image: P(max ≥ −b) = 2 Φ(b / (σ√T))
            double upper = 60_000 * Math.exp(-b);
            assertEquals(reflection, BarrierProbability.touchUpper(60_000, upper, sigma, sigma * sigma / 2, t),
                    1e-10, "upper " + upper);
        }
    }

    @Test
    void lowerAndUpperAreMirrorImagesUnderNegatedDrift() {
        // X → −X maps a lower barrier with drift ν to an upper barrier with drift −ν
        double sigma = 0.6;
        double t = 0.1;
        double nu = 0.3;
        double muLower = nu + sigma * sigma / 2;
        double muUpper = -nu + sigma * sigma / 2;
        double p1 = BarrierProbability.touchLower(100, 90, sigma, muLower, t);
        double p2 = BarrierProbability.touchUpper(100, 100 * 100 / 90.0, sigma, muUpper, t);
        assertEquals(p1, p2, 1e-12);
    }

    @Test
    void edgeCases() {
        assertEquals(1.0, BarrierProbability.touch(Side.LONG, 50_000, 51_000.0, 0.8, 0, 0.1));
        assertEquals(1.0, BarrierProbability.touch(Side.SHORT, 70_000, 65_000.0, 0.8, 0, 0.1));
        assertEquals(0.0, BarrierProbability.touch(Side.LONG, 60_000, null, 0.8, 0, 0.1));
        assertEquals(0.0, BarrierProbability.touchLower(60_000, 50_000, 0.8, 0, 0));
        assertEquals(0.0, BarrierProbability.touchLower(60_000, 50_000, 0, 0, 1));
        assertEquals(1.0, BarrierProbability.touchLower(60_000, 50_000, 0, -1, 1));
        assertEquals(1.0, BarrierProbability.touch(60_000, 60_000, 0.8, 0, 0.1));
        assertEquals(168 / 8760.0, BarrierProbability.years(168), 1e-15);
        assertThrows(EngineException.class, () -> BarrierProbability.touchLower(60_000, 50_000, -0.1, 0, 1));
        assertThrows(EngineException.class, () -> BarrierProbability.touchLower(60_000, 50_000, 800, 0, 1));
        assertThrows(EngineException.class, () -> BarrierProbability.touchLower(-1, 50_000, 0.8, 0, 1));
    }

    @Test
    void monotoneInHorizonVolatilityAndDistance() {
        double prev = 0;
        for (double h = 1; h <= 8760; h *= 2) {
            double p = BarrierProbability.touchLower(60_000, 54_000, 0.8, 0, h / 8760);
            assertTrue(p >= prev);
            prev = p;
        }
        assertTrue(BarrierProbability.touchLower(60_000, 54_000, 1.0, 0, 0.05)
                > BarrierProbability.touchLower(60_000, 54_000, 0.5, 0, 0.05));
        assertTrue(BarrierProbability.touchLower(60_000, 57_000, 0.8, 0, 0.05)
                > BarrierProbability.touchLower(60_000, 54_000, 0.8, 0, 0.05));
    }
}
