package com.perprisk.engine.gbm;

import com.perprisk.engine.EngineException;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorrelatedGbmTest {

    @Test
    void oneCommonFactorIsTheDocumentedFormulaDrawForDraw() {
        double rho = 0.36;
        CorrelatedGbm g = CorrelatedGbm.common(3, rho);
        assertEquals(4, g.factors());
        SplittableRandom a = new SplittableRandom(11);
        SplittableRandom b = new SplittableRandom(11);
        double[] z = g.newFactors();
        double[] eps = new double[3];
        for (int step = 0; step < 50; step++) {
            g.shocks(a, z, eps);
            double common = b.nextGaussian();
            for (int i = 0; i < 3; i++) {
                // ε_i = √ρ z₀ + √(1 − ρ) z_i, z₀ drawn first
                assertEquals(Math.sqrt(rho) * common + Math.sqrt(1 - rho) * b.nextGaussian(), eps[i], 0.0);
            }
        }
    }

    @Test
    void independentMarketsCostOneMultiplicationEachNotATriangle() {
        // 100 independent markets: 100 own loadings + 100 zero common loadings at most, not 5,050 (Cholesky)
        assertTrue(CorrelatedGbm.common(100, 0).loadings() <= 200);
        assertTrue(CorrelatedGbm.matrix(identity(100)).loadings() <= 200);
        assertEquals(200, CorrelatedGbm.common(100, 0.5).loadings());
    }

    @Test
    void aMatrixOfOneCorrelationIsTheCommonFactor() {
        double[][] c = {{1, 0.6, 0.6}, {0.6, 1, 0.6}, {0.6, 0.6, 1}};
        assertEquals(CorrelatedGbm.common(3, 0.6).factors(), CorrelatedGbm.matrix(c).factors());
        double[] x = draw(CorrelatedGbm.matrix(c), 5, 3);
        double[] y = draw(CorrelatedGbm.common(3, 0.6), 5, 3);
        assertArrayEquals(y, x, 0.0);
    }

    @Test
    void perfectCorrelationIsAllowedAndMovesTheMarketsTogether() {
        double[] e = draw(CorrelatedGbm.common(3, 1), 7, 3);
        assertEquals(e[0], e[1], 0.0);
        assertEquals(e[0], e[2], 0.0);
    }

    @Test
    void aFullMatrixReproducesItsCorrelations() {
        double[][] c = {{1, 0.8, -0.2}, {0.8, 1, 0.1}, {-0.2, 0.1, 1}};
        CorrelatedGbm g = CorrelatedGbm.matrix(c);
        SplittableRandom rng = new SplittableRandom(3);
        double[] z = g.newFactors();
        double[] e = new double[3];
        double[][] sum = new double[3][3];
        int n = 200_000;
        for (int k = 0; k < n; k++) {
            g.shocks(rng, z, e);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    sum[i][j] += e[i] * e[j];
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(c[i][j], sum[i][j] / n, 0.01, "C[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void negativeCommonCorrelationWithThreeMarketsUsesCholeskyWhenPossible() {
        assertEquals(3, CorrelatedGbm.common(3, -0.3).markets());
        assertThrows(EngineException.class, () -> CorrelatedGbm.common(3, -0.6)); // below −1/(n − 1)
        assertThrows(EngineException.class, () -> CorrelatedGbm.matrix(new double[][]{{1, 2}, {2, 1}}));
        assertThrows(EngineException.class, () -> CorrelatedGbm.common(2, 1.5));
    }

    @Test
    void logStepTermsAreTheGbmFormula() {
        assertEquals((0.1 - 0.5 * 0.64) * 0.01, CorrelatedGbm.driftTerm(0.1, 0.8, 0.01), 1e-15);
        assertEquals(0.8 * Math.sqrt(0.01), CorrelatedGbm.diffusionTerm(0.8, 0.01), 0.0);
        assertEquals(8760.0, CorrelatedGbm.HOURS_PER_YEAR, 0.0);
    }

    private static double[] draw(CorrelatedGbm g, long seed, int n) {
        double[] e = new double[n];
        g.shocks(new SplittableRandom(seed), g.newFactors(), e);
        return e;
    }

    private static double[][] identity(int n) {
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            c[i][i] = 1;
        }
        return c;
    }
}
