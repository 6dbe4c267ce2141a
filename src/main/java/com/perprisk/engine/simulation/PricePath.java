package com.perprisk.engine.simulation;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.gbm.CorrelatedGbm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;

/**
 * Mark prices of one or more markets at a sequence of times (point 0 is the start), with optional index prices and
 * funding rates (NaN where not given; a generated or drawn path holds no table for them, so its memory is one mark
 * per market and point). Immutable: accessors copy nothing and expose no arrays.
 */
public final class PricePath {
    private final List<String> symbols;
    private final double[] times;
    private final double[][] marks;
    private final double[][] index;
    private final double[][] funding;

    PricePath(List<String> symbols, double[] times, double[][] marks, double[][] index, double[][] funding) {
        this.symbols = List.copyOf(symbols);
        this.times = times.clone();
        this.marks = deepCopy(marks);
        this.index = given(index) ? deepCopy(index) : null;
        this.funding = given(funding) ? deepCopy(funding) : null;
        if (times.length == 0) {
            throw new EngineException("a price path needs at least one point");
        }
        for (int k = 1; k < times.length; k++) {
            if (!(times[k] > times[k - 1])) {
                throw new EngineException("the times of a price path must increase (point " + k + ")");
            }
        }
    }

    /**
     * A seeded geometric Brownian motion.
     *
     * @param volatility  annualized σ (0.8 = 80%)
     * @param drift       annualized μ of the price (0: dS = σ S dW)
     * @param stepHours   hours per step
     * @param steps       number of steps after the start point
     * @param seed        the seed: the same seed gives the same path
     * @param correlation correlation of every pair of markets
     */
    public record GbmSpec(double volatility, double drift, double stepHours, int steps, long seed,
                          double correlation) {
        public GbmSpec {
            nonNegative("volatility", volatility);
            if (volatility > 100) {
                throw new EngineException("volatility " + volatility + " is above 10,000% a year: give it as a "
                        + "decimal (0.8 = 80%)");
            }
            finite("drift", drift);
            positive("step", stepHours);
            if (steps < 1 || steps > 10_000_000) {
                throw new EngineException("the number of steps must be between 1 and 10,000,000, got " + steps);
            }
            finite("correlation", correlation);
            if (correlation < -1 || correlation > 1) {
                throw new EngineException("correlation must be between −1 and 1, got " + correlation);
            }
        }

        public static GbmSpec of(double volatility, int steps, long seed) {
            return new GbmSpec(volatility, 0, 1, steps, seed, 0);
        }
    }

    /**
     * GBM paths starting at the given marks: per step {@code S ← S × exp((μ − σ²/2)Δt + σ√Δt ε)}, Δt in years, the
     * ε of the markets from {@link CorrelatedGbm#common} (one common factor for ρ ≥ 0; for a negative ρ, exactly
     * the pairwise scheme with two markets and a Cholesky factor with more).
     */
    public static PricePath gbm(Map<String, Double> start, GbmSpec spec) {
        if (start.isEmpty()) {
            throw new EngineException("a price path needs at least one market");
        }
        List<String> symbols = new ArrayList<>(start.keySet());
        int n = symbols.size();
        CorrelatedGbm shocks = CorrelatedGbm.common(n, spec.correlation());
        int points = spec.steps() + 1;
        double[] times = new double[points];
        double[][] marks = new double[n][points];
        for (int i = 0; i < n; i++) {
            marks[i][0] = positive(symbols.get(i) + " start price", start.get(symbols.get(i)));
        }
        double dt = spec.stepHours() / CorrelatedGbm.HOURS_PER_YEAR;
        double a = CorrelatedGbm.driftTerm(spec.drift(), spec.volatility(), dt);
        double b = CorrelatedGbm.diffusionTerm(spec.volatility(), dt);
        SplittableRandom rng = new SplittableRandom(spec.seed());
        double[] z = shocks.newFactors();
        double[] e = new double[n];
        for (int k = 1; k < points; k++) {
            times[k] = k * spec.stepHours();
            shocks.shocks(rng, z, e);
            for (int i = 0; i < n; i++) {
                // S_k = S_{k−1} × exp((μ − σ²/2)Δt + σ√Δt ε)
                marks[i][k] = marks[i][k - 1] * Math.exp(a + b * e[i]);
            }
        }
        return new PricePath(symbols, times, marks, null, null);
    }

    /** A path given point by point (tests, a drawn path). */
    public static PricePath of(List<String> symbols, double[] timesHours, double[][] marks) {
        return new PricePath(symbols, timesHours, marks, null, null);
    }

    /** A path with index prices and funding rates per point, NaN where not given (a price-path file). */
    public static PricePath of(List<String> symbols, double[] timesHours, double[][] marks, double[][] index,
                               double[][] funding) {
        return new PricePath(symbols, timesHours, marks, index, funding);
    }

    /**
     * A path drawn by hand: {@code steps} steps of {@code stepHours} from the start marks; each market's drawn points
     * (step → mark) are joined by straight lines, the nearest drawn value holds before the first and after the last,
     * and step 0 is always the start mark.
     */
    public static PricePath drawn(Map<String, Double> start, Map<String, ? extends java.util.SortedMap<Integer, Double>>
            points, int steps, double stepHours) {
        int n = Math.max(1, steps);
        List<String> symbols = new ArrayList<>(start.keySet());
        double[] times = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            times[k] = k * stepHours;
        }
        double[][] marks = new double[symbols.size()][n + 1];
        for (int i = 0; i < symbols.size(); i++) {
            String s = symbols.get(i);
            java.util.TreeMap<Integer, Double> pts = new java.util.TreeMap<>();
            if (points.containsKey(s)) {
                pts.putAll(points.get(s));
            }
            pts.put(0, start.get(s));
            for (int k = 0; k <= n; k++) {
                var lo = pts.floorEntry(k);
                var hi = pts.ceilingEntry(k);
                double v;
                if (hi == null || lo.getKey().equals(hi.getKey())) {
                    v = lo.getValue();
                } else {
                    // linear between the drawn points around k
                    double w = (k - lo.getKey()) / (double) (hi.getKey() - lo.getKey());
                    v = lo.getValue() + w * (hi.getValue() - lo.getValue());
                }
                marks[i][k] = v;
            }
        }
        return of(symbols, times, marks);
    }

    /** An n × points table of NaN: nothing given. */
    public static double[][] nan(int n, int points) {
        double[][] out = new double[n][points];
        for (double[] row : out) {
            Arrays.fill(row, Double.NaN);
        }
        return out;
    }

    /** Whether a table gives at least one value (an all-NaN table is held as none). */
    private static boolean given(double[][] a) {
        if (a == null) {
            return false;
        }
        for (double[] row : a) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double[][] deepCopy(double[][] a) {
        if (a == null) {
            return null;
        }
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    public List<String> symbols() {
        return symbols;
    }

    /** Number of points, the start included. */
    public int points() {
        return times.length;
    }

    /** Hours since the start at point k. */
    public double timeHours(int k) {
        return times[k];
    }

    public boolean has(String symbol) {
        return symbols.contains(symbol);
    }

    public double mark(String symbol, int k) {
        return marks[require(symbol)][k];
    }

    /** Index price at point k, NaN when the path does not give one. */
    public double index(String symbol, int k) {
        int i = require(symbol);
        return index == null ? Double.NaN : index[i][k];
    }

    /** Funding rate at point k, NaN when the path does not give one. */
    public double fundingRate(String symbol, int k) {
        int i = require(symbol);
        return funding == null ? Double.NaN : funding[i][k];
    }

    /** The marks of every market at point k, by symbol. */
    public Map<String, Double> marksAt(int k) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            m.put(symbols.get(i), marks[i][k]);
        }
        return m;
    }

    private int require(String symbol) {
        int i = symbols.indexOf(symbol);
        if (i < 0) {
            throw new EngineException("the price path has no market " + symbol);
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PricePath p && p.symbols.equals(symbols) && Arrays.equals(p.times, times)
                && Arrays.deepEquals(p.marks, marks) && Arrays.deepEquals(p.index, index)
                && Arrays.deepEquals(p.funding, funding);
    }

    @Override
    public int hashCode() {
        return symbols.hashCode() * 31 + Arrays.hashCode(times);
    }
}
