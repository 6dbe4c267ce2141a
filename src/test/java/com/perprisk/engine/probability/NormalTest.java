package com.perprisk.engine.probability;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NormalTest {

    @Test
    void knownValues() {
        // reference values (e.g. R pnorm, 17 significant digits)
        assertEquals(0.5, Normal.cdf(0), 1e-16);
        assertEquals(0.84134474606854293, Normal.cdf(1), 1e-15);
        assertEquals(0.15865525393145705, Normal.cdf(-1), 1e-15);
        assertEquals(0.97500210485177952, Normal.cdf(1.96), 1e-15);
        assertEquals(0.0013498980316300946, Normal.cdf(-3), 1e-15);
        assertEquals(0.99379033467422384, Normal.cdf(2.5), 1e-15);
        assertEquals(3.1671241833119857e-05, Normal.cdf(-4), 1e-15);
        assertEquals(2.8665157187919333e-07, Normal.cdf(-5), 1e-15);
        assertEquals(7.6198530241605269e-24, Normal.cdf(-10), 1e-30);
        assertEquals(1.0, Normal.cdf(40), 0);
        assertEquals(0.0, Normal.cdf(-40), 0);
    }

    @Test
    void symmetry() {
        for (double x = -8; x <= 8; x += 0.37) {
            assertEquals(1.0, Normal.cdf(x) + Normal.cdf(-x), 2e-15, "x = " + x);
        }
    }

    @Test
    void pdfIntegratesToCdf() {
        // Simpson's rule of φ from −12 to x
        for (double x : new double[]{-2.3, -0.4, 0.7, 1.9}) {
            assertEquals(simpson(-12, x), Normal.cdf(x), 1e-12);
        }
    }

    static double simpson(double a, double b) {
        int n = 20_000;
        double h = (b - a) / n;
        double s = Normal.pdf(a) + Normal.pdf(b);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 0 ? 2 : 4) * Normal.pdf(a + i * h);
        }
        return s * h / 3;
    }
}
