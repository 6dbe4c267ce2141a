package com.perprisk.engine.probability;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.funding.FundingPayment;
import com.perprisk.engine.gbm.CorrelatedGbm;
import com.perprisk.engine.inverse.CoinPool;
import com.perprisk.engine.inverse.InverseSolver;
import com.perprisk.engine.inverse.Reciprocal;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.Requirement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;

/**
 * The portfolio compiled into primitive arrays for the Monte Carlo inner loop: per market its start price, σ, drift
 * and diffusion per step and the steps at which funding settles; per pool its legs and margin. {@link #runChunk}
 * runs a batch of paths from one generator.
 */
final class MonteCarloModel {
    String[] positionIds;
    Double[] liquidationPrices;
    int[] poolOfPosition;
    BarrierPool[] pools;
    int markets;
    double[] spot;
    double[] sigma;
    CorrelatedGbm shocks;
    int steps;
    /** per step: drift term (μ − σ²/2)Δt and diffusion σ√Δt per market, and σ²Δt for the bridge. */
    double[][] driftStep;
    double[][] diffStep;
    double[][] varStep;
    /** per market: funding rate, and the steps at which it settles. */
    double[] fundingRate;
    boolean[][] settles;
    /** per step: the markets whose funding settles in it, ascending (the rows of {@code settles} read by step). */
    int[][] settling;
    /** per market: the pools with a leg in it (ascending), and those legs of each, so funding touches only them. */
    /**
     * Whether a pool of several legs is first screened by a lower bound of its surplus ({@link
     * BarrierPool#certainlySafe}) and priced only when the bound cannot tell: the same hits, far fewer prices.
     */
    boolean screen = true;
    int[][] poolsOfMarket;
    LegModel[][][] legsOfMarket;

    static MonteCarloModel build(Portfolio portfolio, MonteCarloLiquidation.Settings s) {
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
        MonteCarloModel m = new MonteCarloModel();
        Map<String, Market> bySymbol = portfolio.marketsBySymbol();
        java.util.Set<String> symbols = new java.util.HashSet<>();
        for (Position p : portfolio.positions()) {
            if (!bySymbol.containsKey(p.symbol())) {
                throw new EngineException("unknown symbol " + p.symbol());
            }
            symbols.add(p.symbol());
        }
        // markets in portfolio order
        List<String> ordered = new ArrayList<>();
        Map<String, Integer> marketIndex = new HashMap<>();
        for (Market mk : portfolio.markets()) {
            if (symbols.contains(mk.symbol()) && !marketIndex.containsKey(mk.symbol())) {
                marketIndex.put(mk.symbol(), ordered.size());
                ordered.add(mk.symbol());
            }
        }
        m.markets = ordered.size();
        m.spot = new double[m.markets];
        m.sigma = new double[m.markets];
        m.fundingRate = new double[m.markets];
        for (int i = 0; i < m.markets; i++) {
            Market mk = bySymbol.get(ordered.get(i));
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
            m.shocks = CorrelatedGbm.common(m.markets, s.correlation());
        } else if (corr.length != m.markets) {
            throw new EngineException("the correlation matrix has " + corr.length + " rows but the positions trade "
                    + m.markets + " markets");
        } else {
            m.shocks = CorrelatedGbm.matrix(corr);
        }

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
            double dt = (times[k] - times[k - 1]) / CorrelatedGbm.HOURS_PER_YEAR;
            for (int i = 0; i < m.markets; i++) {
                double sg = m.sigma[i];
                // (μ − σ²/2)Δt, σ√Δt, σ²Δt
                m.driftStep[k][i] = CorrelatedGbm.driftTerm(s.drift(), sg, dt);
                m.diffStep[k][i] = CorrelatedGbm.diffusionTerm(sg, dt);
                m.varStep[k][i] = sg * sg * dt;
            }
        }
        for (int i = 0; i < m.markets; i++) {
            double interval = bySymbol.get(ordered.get(i)).funding().intervalHours();
            positive(ordered.get(i) + " funding interval", interval);
            for (int k = 1; k <= m.steps; k++) {
                // a settlement falls in (t_{k−1}, t_k] when ⌊t/interval⌋ increases
                m.settles[i][k] = m.fundingRate[i] != 0
                        && FundingPayment.settlementsBetween(times[k - 1], times[k], interval) > 0;
            }
        }

        m.settling = new int[m.steps + 1][];
        for (int k = 0; k <= m.steps; k++) {
            int n = 0;
            for (int i = 0; i < m.markets; i++) {
                n += m.settles[i][k] ? 1 : 0;
            }
            m.settling[k] = new int[n];
            n = 0;
            for (int i = 0; i < m.markets; i++) {
                if (m.settles[i][k]) {
                    m.settling[k][n++] = i;
                }
            }
        }

        // pools: each isolated position alone; the cross positions of each margin asset together (the linear quote
        // pool, and one pool per settle coin of inverse contracts, whose amounts are in the coin)
        List<Position> positions = portfolio.positions();
        m.positionIds = new String[positions.size()];
        m.liquidationPrices = new Double[positions.size()];
        m.poolOfPosition = new int[positions.size()];
        List<BarrierPool> pools = new ArrayList<>();
        Map<String, Integer> crossPoolOfAsset = new HashMap<>();
        Map<String, List<LegModel>> crossLegs = new HashMap<>();
        Map<String, MarginPool> crossPools = MarginPool.crossPools(Reciprocal.linearPart(portfolio));
        Map<String, Double> crossLiquidation = new HashMap<>();
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            Market market = bySymbol.get(p.symbol());
            m.positionIds[i] = p.id();
            if (market.isInverse()) {
                m.liquidationPrices[i] = p.isIsolated() ? InverseSolver.liquidationPrice(portfolio, p.id()).price()
                        : crossLiquidation.computeIfAbsent(p.symbol(), sym -> InverseSolver.liquidationPrice(
                        portfolio, p.id()).price());
            } else {
                m.liquidationPrices[i] = p.isIsolated()
                        ? LiquidationSolver.solve(MarginPool.isolated(p, market), Requirement.MAINTENANCE).price()
                        : crossLiquidation.computeIfAbsent(p.symbol(), sym -> LiquidationSolver.solve(
                        crossPools.get(sym), Requirement.MAINTENANCE).price());
            }
            LegModel leg = LegModel.of(marketIndex.get(p.symbol()), p, market);
            if (p.isIsolated()) {
                m.poolOfPosition[i] = pools.size();
                // an inverse position's margin is in its coin: N(EP) / L worked out in x, less the close fee Bybit
                // inverse holds in it at bankruptcy
                double margin = market.isInverse() ? Reciprocal.position(p, market).isolatedMarginBalance()
                        - CoinPool.isolated(p, market).closeFeeAtBankruptcy() : p.isolatedMarginBalance();
                pools.add(new BarrierPool(new LegModel[]{leg}, margin));
            } else {
                String asset = market.isInverse() ? market.contract().settleAsset() : "";
                Integer pool = crossPoolOfAsset.get(asset);
                if (pool == null) {
                    pool = pools.size();
                    crossPoolOfAsset.put(asset, pool);
                    pools.add(null);
                }
                m.poolOfPosition[i] = pool;
                crossLegs.computeIfAbsent(asset, a -> new ArrayList<>()).add(leg);
            }
        }
        for (var e : crossPoolOfAsset.entrySet()) {
            String asset = e.getKey();
            double wallet;
            if (asset.isEmpty()) {
                wallet = portfolio.account().walletBalance();
            } else {
                // the coin's cross wallet, less the close fee Bybit inverse holds in the margin at bankruptcy
                Double w = portfolio.account().coinWallet(asset);
                wallet = w == null ? 0 : w;
                for (CoinPool cp : CoinPool.crossPools(portfolio, asset).values()) {
                    wallet -= cp.closeFeeAtBankruptcy();
                }
            }
            pools.set(e.getValue(), new BarrierPool(crossLegs.get(asset).toArray(new LegModel[0]), wallet));
        }
        m.pools = pools.toArray(new BarrierPool[0]);
        m.indexLegsByMarket();
        for (BarrierPool pool : m.pools) {
            pool.prepare(m.spot);
        }
        return m;
    }

    private void indexLegsByMarket() {
        List<List<Integer>> poolIds = new ArrayList<>();
        List<List<LegModel[]>> legs = new ArrayList<>();
        for (int i = 0; i < markets; i++) {
            poolIds.add(new ArrayList<>());
            legs.add(new ArrayList<>());
        }
        for (int j = 0; j < pools.length; j++) {
            java.util.Map<Integer, List<LegModel>> byMarket = new java.util.TreeMap<>();
            for (LegModel leg : pools[j].legs) {
                byMarket.computeIfAbsent(leg.market, k -> new ArrayList<>()).add(leg);
            }
            for (var e : byMarket.entrySet()) {
                poolIds.get(e.getKey()).add(j);
                legs.get(e.getKey()).add(e.getValue().toArray(new LegModel[0]));
            }
        }
        poolsOfMarket = new int[markets][];
        legsOfMarket = new LegModel[markets][][];
        for (int i = 0; i < markets; i++) {
            poolsOfMarket[i] = poolIds.get(i).stream().mapToInt(Integer::intValue).toArray();
            legsOfMarket[i] = legs.get(i).toArray(new LegModel[0][]);
        }
    }

    /** Runs n paths; returns hits per pool, or null when cancelled. */
    long[] runChunk(SplittableRandom rng, int n, BooleanSupplier cancel) {
        int pc = pools.length;
        long[] hits = new long[pc];
        double[] x = new double[markets];
        double[] prevX = new double[markets];
        double[] z = shocks.newFactors();
        double[] eps = new double[markets];
        double[] price = new double[markets];
        double[] margin = new double[pc];
        double[] barrier = new double[pc];
        boolean[] hit = new boolean[pc];
        double[] legsSurplus = new double[pc];
        // legsReady[j] == stamp: pool j's legs' surplus is computed for this step (a new stamp each step, so nothing
        // is cleared per step)
        int[] legsReady = new int[pc];
        int stamp = 0;
        // per pool of several legs: each leg's bracket at its last price, the guess for the next lookup
        int[][] brackets = new int[pc][];
        // and the reference of its safety screen: log-prices and the legs' exact surplus there, the legs' weights
        double[][] xRef = new double[pc][];
        double[][] weight = new double[pc][];
        double[] legsAtRef = new double[pc];
        for (int j = 0; j < pc; j++) {
            brackets[j] = new int[pools[j].legs.length];
            Arrays.fill(brackets[j], -1);
            if (!pools[j].lone) {
                xRef[j] = new double[markets];
                weight[j] = new double[pools[j].legs.length];
            }
        }
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
                } else if (screen && !pools[j].lone) {
                    pools[j].reference(x, spot, xRef[j], weight[j]);
                    legsAtRef[j] = pools[j].baseLegsSurplus;
                }
            }
            for (int k = 1; k <= steps && alive > 0; k++) {
                double[] a = driftStep[k];
                double[] b = diffStep[k];
                double[] var = varStep[k];
                shocks.shocks(rng, z, eps);
                for (int i = 0; i < markets; i++) {
                    // x_i += (μ − σ²/2)Δt + σ√Δt ε_i
                    prevX[i] = x[i];
                    x[i] += a[i] + b[i] * eps[i];
                }
                boolean pricesReady = false;
                for (int j = 0; j < pc; j++) {
                    if (hit[j]) {
                        continue;
                    }
                    BarrierPool pool = pools[j];
                    boolean touched;
                    if (pool.lone) {
                        int mk = pool.market;
                        touched = pool.crossed(prevX[mk], x[mk], barrier[j], var[mk], rng);
                    } else if (screen && pool.certainlySafe(margin[j], legsAtRef[j], x, xRef[j], weight[j])) {
                        touched = false;
                    } else {
                        if (!pricesReady) {
                            fillPrices(x, price);
                            pricesReady = true;
                        }
                        double s = pool.surplus(margin[j], price, brackets[j]);
                        touched = s <= 0;
                        if (screen && !touched) {
                            pool.reference(x, price, xRef[j], weight[j]);
                            legsAtRef[j] = s - margin[j];
                        }
                    }
                    if (touched) {
                        hit[j] = true;
                        hits[j]++;
                        alive--;
                    }
                }
                // funding at the settlements falling in this step: payment = −side × Q × S_t × F
                stamp++;
                for (int i : settling[k]) {
                    if (!pricesReady) {
                        fillPrices(x, price);
                        pricesReady = true;
                    }
                    int[] here = poolsOfMarket[i];
                    for (int t = 0; t < here.length; t++) {
                        int j = here[t];
                        if (hit[j]) {
                            continue;
                        }
                        BarrierPool pool = pools[j];
                        double pay = 0;
                        for (LegModel leg : legsOfMarket[i][t]) {
                            pay += leg.funding(price[i], fundingRate[i]);
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
                            // prices are fixed within the step: the legs' part of the surplus is computed once
                            if (legsReady[j] != stamp) {
                                legsSurplus[j] = pool.surplus(0, price, brackets[j]);
                                legsReady[j] = stamp;
                                if (screen) {
                                    pool.reference(x, price, xRef[j], weight[j]);
                                    legsAtRef[j] = legsSurplus[j];
                                }
                            }
                            touched = margin[j] + legsSurplus[j] <= 0;
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
