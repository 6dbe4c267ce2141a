package com.perprisk.engine.probability;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.liquidation.LiquidationSolver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;

/**
 * Monte Carlo estimate of the probability that each position is liquidated within a horizon, with every market of
 * the portfolio following a correlated geometric Brownian motion, funding settled at each market's interval, and
 * cross positions sharing one pool that sees every market move at once.
 *
 * <p>Per step of length Δt (years), for each market m: {@code x_m += (μ − σ_m²/2)Δt + σ_m √Δt ε_m} with
 * ε = L z, L the Cholesky factor of the correlation matrix and z independent standard normals; the mark is
 * S₀ e^{x}. A pool is liquidated when its margin balance falls to its maintenance requirement.
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
    /** Bridge touch probabilities below e^{−40} are not drawn. */
    private static final double BRIDGE_CUTOFF = 20.0;

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
        Model model = Model.build(portfolio, settings);
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
        int n = c.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (c[i].length != n) {
                throw new EngineException("the correlation matrix must be square (" + n + " × " + n + ")");
            }
            if (Math.abs(c[i][i] - 1) > 1e-12) {
                throw new EngineException("the correlation matrix must have 1 on its diagonal (row " + (i + 1) + ")");
            }
            for (int j = 0; j <= i; j++) {
                if (Math.abs(c[i][j] - c[j][i]) > 1e-12 || !(Math.abs(c[i][j]) <= 1)) {
                    throw new EngineException("the correlation matrix must be symmetric with entries in [−1, 1]");
                }
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

    /** The portfolio compiled into primitive arrays. */
    private static final class Model {
        String[] positionIds;
        Double[] liquidationPrices;
        int[] poolOfPosition;
        Pool[] pools;
        int markets;
        double[] spot;
        double[] sigma;
        double[][] chol;
        int steps;
        /** per step: drift term (μ − σ²/2)Δt and diffusion σ√Δt per market, and σ²Δt for the bridge. */
        double[][] driftStep;
        double[][] diffStep;
        double[][] varStep;
        /** per market: funding rate, and the steps at which it settles. */
        double[] fundingRate;
        boolean[][] settles;

        static Model build(Portfolio portfolio, Settings s) {
            nonNegative("volatility", s.volatility());
            finite("drift", s.drift());
            positive("horizon", s.horizonHours());
            positive("step", s.stepHours());
            if (s.paths() < 1) {
                throw new EngineException("the number of paths must be at least 1, got " + s.paths());
            }
            if (s.horizonHours() / s.stepHours() > 10_000_000) {
                throw new EngineException("too many steps: a horizon of " + s.horizonHours() + " h in steps of "
                        + s.stepHours() + " h");
            }
            if (portfolio.positions().isEmpty()) {
                throw new EngineException("the workspace has no positions to simulate");
            }
            Model m = new Model();
            List<String> symbols = new ArrayList<>();
            for (Position p : portfolio.positions()) {
                portfolio.requireMarket(p.symbol());
                if (!symbols.contains(p.symbol())) {
                    symbols.add(p.symbol());
                }
            }
            // markets in portfolio order
            List<String> ordered = new ArrayList<>();
            for (Market mk : portfolio.markets()) {
                if (symbols.contains(mk.symbol())) {
                    ordered.add(mk.symbol());
                }
            }
            m.markets = ordered.size();
            m.spot = new double[m.markets];
            m.sigma = new double[m.markets];
            m.fundingRate = new double[m.markets];
            for (int i = 0; i < m.markets; i++) {
                Market mk = portfolio.requireMarket(ordered.get(i));
                m.spot[i] = positive(mk.symbol() + " mark price", mk.markPrice());
                double vol = s.volatilityBySymbol().getOrDefault(mk.symbol(), s.volatility());
                m.sigma[i] = nonNegative(mk.symbol() + " volatility", vol);
                if (vol > 100) {
                    throw new EngineException("volatility " + vol + " is above 10,000% a year: give it as a decimal"
                            + " (0.8 = 80%)");
                }
                m.fundingRate[i] = s.funding() ? finite(mk.symbol() + " funding rate", mk.funding().rate()) : 0;
            }
            double[][] corr = s.correlationMatrix();
            if (corr == null) {
                finite("correlation", s.correlation());
                corr = new double[m.markets][m.markets];
                for (int i = 0; i < m.markets; i++) {
                    for (int j = 0; j < m.markets; j++) {
                        corr[i][j] = i == j ? 1 : s.correlation();
                    }
                }
            } else if (corr.length != m.markets) {
                throw new EngineException("the correlation matrix has " + corr.length + " rows but the positions trade "
                        + m.markets + " markets");
            }
            m.chol = cholesky(corr);

            // steps: k = ⌈H / Δ⌉, the last one shorter when Δ does not divide H
            m.steps = (int) Math.ceil(s.horizonHours() / s.stepHours() - 1e-9);
            double[] times = new double[m.steps + 1];
            for (int k = 1; k <= m.steps; k++) {
                times[k] = Math.min(s.horizonHours(), k * s.stepHours());
            }
            m.driftStep = new double[m.steps + 1][m.markets];
            m.diffStep = new double[m.steps + 1][m.markets];
            m.varStep = new double[m.steps + 1][m.markets];
            m.settles = new boolean[m.markets][m.steps + 1];
            for (int k = 1; k <= m.steps; k++) {
                double dt = (times[k] - times[k - 1]) / BarrierProbability.HOURS_PER_YEAR;
                for (int i = 0; i < m.markets; i++) {
                    double sg = m.sigma[i];
                    // (μ − σ²/2)Δt, σ√Δt, σ²Δt
                    m.driftStep[k][i] = (s.drift() - 0.5 * sg * sg) * dt;
                    m.diffStep[k][i] = sg * Math.sqrt(dt);
                    m.varStep[k][i] = sg * sg * dt;
                }
            }
            for (int i = 0; i < m.markets; i++) {
                double interval = portfolio.requireMarket(ordered.get(i)).funding().intervalHours();
                positive(ordered.get(i) + " funding interval", interval);
                for (int k = 1; k <= m.steps; k++) {
                    // a settlement falls in (t_{k−1}, t_k] when ⌊t/interval⌋ increases
                    m.settles[i][k] = m.fundingRate[i] != 0 && Math.floor(times[k] / interval + 1e-9)
                            > Math.floor(times[k - 1] / interval + 1e-9);
                }
            }

            // pools: each isolated position alone; all cross positions together
            List<Position> positions = portfolio.positions();
            m.positionIds = new String[positions.size()];
            m.liquidationPrices = new Double[positions.size()];
            m.poolOfPosition = new int[positions.size()];
            List<Pool> pools = new ArrayList<>();
            List<LegModel> crossLegs = new ArrayList<>();
            int crossPool = -1;
            for (int i = 0; i < positions.size(); i++) {
                Position p = positions.get(i);
                m.positionIds[i] = p.id();
                m.liquidationPrices[i] = LiquidationSolver.liquidationPrice(portfolio, p.id()).price();
                LegModel leg = new LegModel(ordered.indexOf(p.symbol()), p, portfolio.requireMarket(p.symbol()));
                if (p.isIsolated()) {
                    m.poolOfPosition[i] = pools.size();
                    pools.add(new Pool(new LegModel[]{leg}, p.isolatedMarginBalance()));
                } else {
                    if (crossPool < 0) {
                        crossPool = pools.size();
                        pools.add(null);
                    }
                    m.poolOfPosition[i] = crossPool;
                    crossLegs.add(leg);
                }
            }
            if (crossPool >= 0) {
                pools.set(crossPool, new Pool(crossLegs.toArray(new LegModel[0]),
                        portfolio.account().walletBalance()));
            }
            m.pools = pools.toArray(new Pool[0]);
            for (Pool pool : m.pools) {
                pool.prepare(m.spot);
            }
            return m;
        }

        /** Runs n paths; returns hits per pool, or null when cancelled. */
        long[] runChunk(SplittableRandom rng, int n, BooleanSupplier cancel) {
            int pc = pools.length;
            long[] hits = new long[pc];
            double[] x = new double[markets];
            double[] prevX = new double[markets];
            double[] z = new double[markets];
            double[] price = new double[markets];
            double[] margin = new double[pc];
            double[] barrier = new double[pc];
            boolean[] hit = new boolean[pc];
            for (int path = 0; path < n; path++) {
                if ((path & 63) == 0 && cancel.getAsBoolean()) {
                    return null;
                }
                Arrays.fill(x, 0);
                Arrays.fill(hit, false);
                int alive = pc;
                for (int j = 0; j < pc; j++) {
                    margin[j] = pools[j].baseMargin;
                    barrier[j] = pools[j].baseBarrier;
                    if (pools[j].liquidatedNow) {
                        hit[j] = true;
                        alive--;
                    }
                }
                for (int k = 1; k <= steps && alive > 0; k++) {
                    double[] a = driftStep[k];
                    double[] b = diffStep[k];
                    for (int i = 0; i < markets; i++) {
                        z[i] = rng.nextGaussian();
                    }
                    for (int i = 0; i < markets; i++) {
                        // ε_i = Σ_j L_ij z_j; x_i += (μ − σ²/2)Δt + σ√Δt ε_i
                        double e = 0;
                        double[] row = chol[i];
                        for (int j = 0; j <= i; j++) {
                            e += row[j] * z[j];
                        }
                        prevX[i] = x[i];
                        x[i] += a[i] + b[i] * e;
                    }
                    boolean pricesReady = false;
                    for (int j = 0; j < pc; j++) {
                        if (hit[j]) {
                            continue;
                        }
                        Pool pool = pools[j];
                        boolean touched;
                        if (pool.lone) {
                            touched = pool.crossed(prevX[pool.legs[0].market], x[pool.legs[0].market], barrier[j],
                                    varStep[k][pool.legs[0].market], rng);
                        } else {
                            if (!pricesReady) {
                                fillPrices(x, price);
                                pricesReady = true;
                            }
                            touched = pool.surplus(margin[j], price) <= 0;
                        }
                        if (touched) {
                            hit[j] = true;
                            hits[j]++;
                            alive--;
                        }
                    }
                    // funding at the settlements falling in this step: payment = −side × Q × S_t × F
                    for (int i = 0; i < markets; i++) {
                        if (!settles[i][k]) {
                            continue;
                        }
                        if (!pricesReady) {
                            fillPrices(x, price);
                            pricesReady = true;
                        }
                        for (int j = 0; j < pc; j++) {
                            if (hit[j]) {
                                continue;
                            }
                            Pool pool = pools[j];
                            double pay = 0;
                            for (LegModel leg : pool.legs) {
                                if (leg.market == i) {
                                    pay += leg.funding(price[i], fundingRate[i]);
                                }
                            }
                            if (pay == 0) {
                                continue;
                            }
                            margin[j] += pay;
                            boolean touched;
                            if (pool.lone) {
                                barrier[j] = pool.barrierFor(margin[j]);
                                LegModel leg = pool.legs[0];
                                touched = leg.side > 0 ? x[leg.market] <= barrier[j] : x[leg.market] >= barrier[j];
                            } else {
                                touched = pool.surplus(margin[j], price) <= 0;
                            }
                            if (touched) {
                                hit[j] = true;
                                hits[j]++;
                                alive--;
                            }
                        }
                    }
                }
            }
            return hits;
        }

        private void fillPrices(double[] x, double[] price) {
            for (int i = 0; i < markets; i++) {
                // S = S₀ e^{x}
                price[i] = spot[i] * Math.exp(x[i]);
            }
        }
    }

    /** A margin pool: one leg (a barrier in log-price) or several (evaluated at every step). */
    private static final class Pool {
        final LegModel[] legs;
        final double baseMargin;
        final boolean lone;
        double spot;
        double baseBarrier;
        boolean liquidatedNow;

        Pool(LegModel[] legs, double baseMargin) {
            this.legs = legs;
            this.baseMargin = baseMargin;
            this.lone = legs.length == 1;
        }

        void prepare(double[] spots) {
            if (lone) {
                spot = spots[legs[0].market];
                baseBarrier = barrierFor(baseMargin);
                liquidatedNow = legs[0].side > 0 ? baseBarrier >= 0 : baseBarrier <= 0;
            } else {
                liquidatedNow = surplus(baseMargin, spots) <= 0;
            }
        }

        /** h = ln(LP / S₀); −∞ (long) or +∞ (short) when there is no liquidation price. */
        double barrierFor(double margin) {
            LegModel leg = legs[0];
            double lp = leg.solveAlone(margin, spot);
            if (Double.isNaN(lp)) {
                // no root: liquidated at every price if the margin is already short, else never
                boolean broke = margin + leg.pnl(spot) - leg.requirement(spot) <= 0;
                return leg.side > 0 ? (broke ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)
                        : (broke ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            }
            return Math.log(lp / spot);
        }

        /** Whether the log-price path from x0 to x1 touched h, at the step or in between (Brownian bridge). */
        boolean crossed(double x0, double x1, double h, double var, SplittableRandom rng) {
            // distance beyond the barrier on the safe side: long above h, short below h
            double d0 = legs[0].side > 0 ? x0 - h : h - x0;
            double d1 = legs[0].side > 0 ? x1 - h : h - x1;
            if (d1 <= 0) {
                return true;
            }
            if (var == 0) {
                return false;
            }
            // touch between the steps: P = exp(−2 d₀ d₁ / (σ²Δt))
            double e = 2 * d0 * d1 / var;
            return e < 2 * BRIDGE_CUTOFF && rng.nextDouble() < Math.exp(-e);
        }

        /** balance − requirement with every mark at its path value. */
        double surplus(double margin, double[] price) {
            double s = margin;
            for (LegModel leg : legs) {
                double p = price[leg.market];
                s += leg.pnl(p) - leg.requirement(p);
            }
            return s;
        }
    }
}
