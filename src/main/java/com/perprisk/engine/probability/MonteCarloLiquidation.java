package com.perprisk.engine.probability;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.gbm.CorrelatedGbm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;


/**
 * Monte Carlo estimate of the probability that each position is liquidated within a horizon, with every market of
 * the portfolio following a correlated geometric Brownian motion, funding settled at each market's interval, and
 * cross positions sharing one pool that sees every market move at once.
 *
 * <p>Per step of length Δt (years), for each market m: {@code x_m += (μ − σ_m²/2)Δt + σ_m √Δt ε_m} with the
 * correlated shocks ε of {@link CorrelatedGbm} (one common factor for one correlation; Cholesky for a full matrix);
 * the mark is S₀ e^{x}. A pool is liquidated when its margin balance falls to its maintenance requirement.
 *
 * <ul>
 *   <li>A pool made of one leg (an isolated position, or a cross pool holding a single position) is a barrier in
 *   log-price: its liquidation price is solved once and again only when funding changes its margin. Between two
 *   steps the path is a Brownian bridge, so a touch between the steps is drawn with probability
 *   e^{−2(x_i − h)(x_{i+1} − h)/(σ²Δt)}: continuous monitoring, which is what the closed form assumes.</li>
 *   <li>A cross pool over several legs is checked at each step with every mark at its path value
 *   (balance = WB + Σ uPnL, requirement = Σ MM), so it is monitored at the steps only.</li>
 * </ul>
 *
 * <p>Paths are cut into chunks of {@value #CHUNK} paths; chunk k draws from a {@link SplittableRandom} whose seed is
 * the k-th number of a generator seeded with the run seed, so a seed reproduces a run exactly on any number of
 * threads. Chunks run in parallel on the common fork-join pool.
 */
public final class MonteCarloLiquidation {
    /** Paths per chunk: the unit of parallel work, seeding, progress and cancellation. */
    public static final int CHUNK = 256;

    private MonteCarloLiquidation() {
    }

    /**
     * What to simulate.
     *
     * @param volatility        annualized volatility of every market (0.8 = 80%)
     * @param volatilityBySymbol per-market overrides (may be empty)
     * @param drift             annualized drift μ of the price (0: dS = σ S dW)
     * @param correlation       correlation of every pair of markets (used when {@code correlationMatrix} is null)
     * @param correlationMatrix full correlation matrix over the portfolio's traded markets in portfolio order, or null
     * @param horizonHours      horizon in hours
     * @param stepHours         step length in hours (the last step is shorter if it does not divide the horizon)
     * @param paths             number of paths
     * @param seed              run seed
     * @param funding           whether funding settles along the path at each market's rate and interval
     */
    public record Settings(double volatility, Map<String, Double> volatilityBySymbol, double drift, double correlation,
                           double[][] correlationMatrix, double horizonHours, double stepHours, int paths, long seed,
                           boolean funding) {
        public Settings {
            volatilityBySymbol = volatilityBySymbol == null ? Map.of() : Map.copyOf(volatilityBySymbol);
            if (correlationMatrix != null) {
                double[][] copy = new double[correlationMatrix.length][];
                for (int i = 0; i < copy.length; i++) {
                    copy[i] = correlationMatrix[i] == null ? new double[0] : correlationMatrix[i].clone();
                }
                correlationMatrix = copy;
            }
        }

        /** One volatility for all markets, zero drift, independent markets, hourly steps, funding on. */
        public static Settings of(double volatility, double horizonHours, int paths, long seed) {
            return new Settings(volatility, Map.of(), 0, 0, null, horizonHours, 1, paths, seed, true);
        }

        public Settings withDrift(double newDrift) {
            return new Settings(volatility, volatilityBySymbol, newDrift, correlation, correlationMatrix,
                    horizonHours, stepHours, paths, seed, funding);
        }

        public Settings withCorrelation(double rho) {
            return new Settings(volatility, volatilityBySymbol, drift, rho, null, horizonHours, stepHours, paths,
                    seed, funding);
        }

        public Settings withStepHours(double hours) {
            return new Settings(volatility, volatilityBySymbol, drift, correlation, correlationMatrix, horizonHours,
                    hours, paths, seed, funding);
        }

        public Settings withFunding(boolean on) {
            return new Settings(volatility, volatilityBySymbol, drift, correlation, correlationMatrix, horizonHours,
                    stepHours, paths, seed, on);
        }

        public Settings withVolatility(String symbol, double vol) {
            Map<String, Double> m = new LinkedHashMap<>(volatilityBySymbol);
            m.put(symbol, vol);
            return new Settings(volatility, m, drift, correlation, correlationMatrix, horizonHours, stepHours, paths,
                    seed, funding);
        }
    }

    /**
     * One position's estimate.
     *
     * @param id               position id
     * @param liquidationPrice its liquidation price now (others frozen), or null
     * @param probability      share of paths on which its pool was liquidated within the horizon
     * @param standardError    √(p(1 − p)/N)
     * @param hits             number of such paths
     */
    public record PositionProbability(String id, Double liquidationPrice, double probability, double standardError,
                                      long hits) {
    }

    /**
     * @param positions one entry per position, in portfolio order
     * @param paths     paths actually run (fewer than asked when cancelled)
     * @param steps     steps per path
     * @param cancelled true when the run stopped early
     */
    public record Result(List<PositionProbability> positions, int paths, int steps, boolean cancelled) {
        public Result {
            positions = List.copyOf(positions);
        }

        public PositionProbability position(String id) {
            return positions.stream().filter(p -> p.id().equals(id)).findFirst()
                    .orElseThrow(() -> new EngineException("unknown position " + id));
        }
    }

    public static Result run(Portfolio portfolio, Settings settings) {
        return run(portfolio, settings, () -> false, p -> {
        });
    }

    /**
     * Runs the simulation.
     *
     * @param cancel   polled between paths; when it answers true the run stops and reports the chunks finished
     * @param progress receives the finished share (0..1) after each chunk, from a worker thread
     */
    public static Result run(Portfolio portfolio, Settings settings, BooleanSupplier cancel, DoubleConsumer progress) {
        MonteCarloModel model = MonteCarloModel.build(portfolio, settings);
        int chunks = (settings.paths() + CHUNK - 1) / CHUNK;
        long[] chunkSeeds = new long[chunks];
        SplittableRandom root = new SplittableRandom(settings.seed());
        for (int k = 0; k < chunks; k++) {
            chunkSeeds[k] = root.nextLong();
        }
        long[][] hits = new long[chunks][];
        int[] done = new int[chunks];
        AtomicLong finished = new AtomicLong();
        IntStream.range(0, chunks).parallel().forEach(k -> {
            if (cancel.getAsBoolean()) {
                return;
            }
            int n = Math.min(CHUNK, settings.paths() - k * CHUNK);
            long[] h = model.runChunk(new SplittableRandom(chunkSeeds[k]), n, cancel);
            if (h != null) {
                hits[k] = h;
                done[k] = n;
                progress.accept((double) finished.addAndGet(n) / settings.paths());
            }
        });
        long[] poolHits = new long[model.pools.length];
        int paths = 0;
        for (int k = 0; k < chunks; k++) {
            if (hits[k] != null) {
                paths += done[k];
                for (int j = 0; j < poolHits.length; j++) {
                    poolHits[j] += hits[k][j];
                }
            }
        }
        List<PositionProbability> out = new ArrayList<>();
        for (int i = 0; i < model.positionIds.length; i++) {
            long hit = poolHits[model.poolOfPosition[i]];
            // p = hits / N, standard error = √(p(1 − p)/N)
            double p = paths == 0 ? 0 : (double) hit / paths;
            double se = paths == 0 ? 0 : Math.sqrt(p * (1 - p) / paths);
            out.add(new PositionProbability(model.positionIds[i], model.liquidationPrices[i], p, se, hit));
        }
        return new Result(out, paths, model.steps, paths < settings.paths());
    }

    /** Lower-triangular L with L Lᵀ = C; refuses a matrix that is not a positive definite correlation matrix. */
    static double[][] cholesky(double[][] c) {
        return CorrelatedGbm.choleskyFactor(c);
    }
}
