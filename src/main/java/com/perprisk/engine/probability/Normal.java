package com.perprisk.engine.probability;

/** The standard normal distribution. */
public final class Normal {
    private static final double INV_SQRT_2PI = 0.398942280401432677939946059934;

    private Normal() {
    }

    /** Density φ(x) = e^{−x²/2} / √(2π). */
    public static double pdf(double x) {
        // φ(x) = exp(−x²/2) / √(2π)
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /**
     * Φ(x) by Marsaglia's series (J. Stat. Software 11(4), 2004): Φ(x) = ½ + φ(x) × (x + x³/3 + x⁵/(3·5) + …),
     * accurate to about 1e−15 absolute. Beyond |x| = 37.5 the answer is 0 or 1 in double precision.
     */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < -37.5) {
            return 0.0;
        }
        if (x > 37.5) {
            return 1.0;
        }
        if (x < -8) {
            // deep tail: Φ(x) = φ(x)/|x| × (1 − 1/x² + 3/x⁴ − 15/x⁶ + …), avoiding ½ − (almost ½)
            double x2 = x * x;
            double sum = 1.0;
            double term = 1.0;
            for (int k = 1; k < 12; k++) {
                term *= -(2 * k - 1) / x2;
                sum += term;
            }
            return pdf(x) / -x * sum;
        }
        // Φ(x) = ½ + φ(x) × Σ x^{2n+1} / (1·3·5···(2n+1))
        double s = x;
        double t = x;
        double q = x * x;
        for (int i = 3; i < 1000; i += 2) {
            t *= q / i;
            double next = s + t;
            if (next == s) {
                break;
            }
            s = next;
        }
        return 0.5 + s * pdf(x);
    }
}
