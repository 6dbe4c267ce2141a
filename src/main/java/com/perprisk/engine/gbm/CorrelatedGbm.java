package com.perprisk.engine.gbm;

import com.perprisk.engine.EngineException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The one generator of correlated geometric Brownian motion, shared by the price path of a playback
 * ({@code PricePath.gbm}) and the Monte Carlo liquidation estimate. Per step of Δt years each market i moves by
 * {@code ln S ← ln S + (μ − σ²/2)Δt + σ√Δt ε_i} with {@code ε = B z}: z independent standard normals (drawn in
 * order from one generator), B a loading matrix with B Bᵀ = C, the correlation matrix.
 *
 * <p>The scheme is <b>one common factor</b>: for one correlation ρ ≥ 0 between every pair,
 * {@code ε_i = √ρ z₀ + √(1 − ρ) z_i} (n + 1 normals a step, z₀ first; O(n) work, and ρ = 1 is allowed). A negative
 * common ρ between two markets is {@code ε₁ = z₁, ε₂ = ρ z₁ + √(1 − ρ²) z₂} (z₀ still drawn, so the draws keep
 * their places). Only a correlation matrix that is not one common ρ (given to the Monte Carlo) is factored by
 * Cholesky, C = L Lᵀ, using z₀ … z_{n−1}. Zero loadings cost nothing, so independent markets are O(n) a step.
 */
public final class CorrelatedGbm {
    /** Hours in a 365-day year: annualized σ and μ are per this many hours. */
    public static final double HOURS_PER_YEAR = 8760.0;

    private final int markets;
    private final int factors;
    /** per market: indices of the factors it loads on, and the loadings */
    private final int[][] index;
    private final double[][] weight;

    private CorrelatedGbm(int factors, List<int[]> index, List<double[]> weight) {
        this.markets = index.size();
        this.factors = factors;
        this.index = index.toArray(new int[0][]);
        this.weight = weight.toArray(new double[0][]);
    }

    /** One correlation ρ between every pair of n markets (the common-factor scheme). */
    public static CorrelatedGbm common(int n, double rho) {
        if (!(rho >= -1 && rho <= 1)) {
            throw new EngineException("correlation must be between −1 and 1, got " + rho);
        }
        List<int[]> idx = new ArrayList<>();
        List<double[]> w = new ArrayList<>();
        if (rho >= 0) {
            double shared = Math.sqrt(rho);
            double own = Math.sqrt(1 - rho);
            for (int i = 0; i < n; i++) {
                // ε_i = √ρ z₀ + √(1 − ρ) z_i; at ρ = 0 the z₀ term is +0 and is left out (the same sum, to the bit)
                idx.add(shared == 0 ? new int[]{i + 1} : new int[]{0, i + 1});
                w.add(shared == 0 ? new double[]{own} : new double[]{shared, own});
            }
            return new CorrelatedGbm(n + 1, idx, w);
        }
        if (n == 2) {
            // ε₁ = z₁, ε₂ = ρ z₁ + √(1 − ρ²) z₂
            idx.add(new int[]{1});
            w.add(new double[]{1});
            idx.add(new int[]{1, 2});
            w.add(new double[]{rho, Math.sqrt(1 - rho * rho)});
            return new CorrelatedGbm(3, idx, w);
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = i == j ? 1 : rho;
            }
        }
        return cholesky(c, 1);
    }

    /**
     * A full correlation matrix over n markets; one whose off-diagonal entries are all equal is the common factor,
     * any other is factored by Cholesky. Refuses a matrix that is not a positive definite correlation matrix.
     */
    public static CorrelatedGbm matrix(double[][] c) {
        int n = c.length;
        checkCorrelation(c);
        boolean oneRho = true;
        double rho = n > 1 ? c[1][0] : 0;
        for (int i = 0; i < n && oneRho; i++) {
            for (int j = 0; j < i; j++) {
                if (c[i][j] != rho) {
                    oneRho = false;
                    break;
                }
            }
        }
        return oneRho && (rho >= 0 || n == 2) ? common(n, rho) : cholesky(c, 0);
    }

    private static void checkCorrelation(double[][] c) {
        int n = c.length;
        for (int i = 0; i < n; i++) {
            if (c[i] == null || c[i].length != n) {
                throw new EngineException("the correlation matrix must be square (" + n + " × " + n + ")");
            }
            if (Math.abs(c[i][i] - 1) > 1e-12) {
                throw new EngineException("the correlation matrix must have 1 on its diagonal (row " + (i + 1) + ")");
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                if (Math.abs(c[i][j] - c[j][i]) > 1e-12 || !(Math.abs(c[i][j]) <= 1)) {
                    throw new EngineException("the correlation matrix must be symmetric with entries in [−1, 1]");
                }
            }
        }
    }

    /** Lower-triangular L with L Lᵀ = C; refuses a matrix that is not a positive definite correlation matrix. */
    public static double[][] choleskyFactor(double[][] c) {
        checkCorrelation(c);
        int n = c.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = c[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (s <= 1e-12) {
                        throw new EngineException("the correlation matrix is not positive definite: no set of "
                                + "markets can have these correlations together");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    /** ε = L z over the factors {@code offset} … {@code offset + n − 1}; zero entries of L are skipped. */
    private static CorrelatedGbm cholesky(double[][] c, int offset) {
        double[][] l = choleskyFactor(c);
        List<int[]> idx = new ArrayList<>();
        List<double[]> w = new ArrayList<>();
        for (double[] row : l) {
            int nz = 0;
            for (double v : row) {
                nz += v != 0 ? 1 : 0;
            }
            int[] ix = new int[nz];
            double[] wx = new double[nz];
            int k = 0;
            for (int j = 0; j < row.length; j++) {
                if (row[j] != 0) {
                    ix[k] = j + offset;
                    wx[k++] = row[j];
                }
            }
            idx.add(ix);
            w.add(wx);
        }
        return new CorrelatedGbm(c.length + offset, idx, w);
    }

    public int markets() {
        return markets;
    }

    /** Normals drawn per step. */
    public int factors() {
        return factors;
    }

    /** Non-zero loadings: the multiplications one step costs. */
    public int loadings() {
        int s = 0;
        for (int[] ix : index) {
            s += ix.length;
        }
        return s;
    }

    /** A scratch array for {@link #shocks}: one slot per factor. */
    public double[] newFactors() {
        return new double[factors];
    }

    /** Draws one step's correlated shocks ε into {@code eps} (z is scratch of {@link #factors()} slots). */
    public void shocks(SplittableRandom rng, double[] z, double[] eps) {
        for (int f = 0; f < factors; f++) {
            z[f] = rng.nextGaussian();
        }
        for (int i = 0; i < markets; i++) {
            // ε_i = Σ_f B_if z_f
            int[] ix = index[i];
            double[] wx = weight[i];
            double e = 0;
            for (int k = 0; k < ix.length; k++) {
                e += wx[k] * z[ix[k]];
            }
            eps[i] = e;
        }
    }

    /** Drift of the log-price over Δt years: (μ − σ²/2)Δt. */
    public static double driftTerm(double drift, double sigma, double dtYears) {
        return (drift - 0.5 * sigma * sigma) * dtYears;
    }

    /** Diffusion of the log-price over Δt years: σ√Δt. */
    public static double diffusionTerm(double sigma, double dtYears) {
        return sigma * Math.sqrt(dtYears);
    }
}
