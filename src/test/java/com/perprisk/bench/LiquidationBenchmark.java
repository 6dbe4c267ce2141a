package com.perprisk.bench;

import com.perprisk.engine.Account;
import com.perprisk.engine.Contract;
import com.perprisk.engine.Convention;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.inverse.CoinPool;
import com.perprisk.engine.inverse.InverseSolver;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.engine.tier.TierTable;
import com.perprisk.io.PresetCatalog;
import com.perprisk.io.WorkspaceException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Liquidation solves per second for portfolios of 1, 10 and 100 positions, isolated and cross, on Binance's
 * 12-bracket BTCUSDT table. Run on demand (not in CI):
 * {@code mvn -q test-compile exec:java} is not set up; use
 * {@code java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) com.perprisk.bench.LiquidationBenchmark}
 * after {@code mvn dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LiquidationBenchmark {

    @Param({"1", "10", "100"})
    public int positions;

    @Param({"ISOLATED", "CROSS"})
    public String mode;

    private Portfolio portfolio;
    private String[] ids;
    MarginPool[] pools;
    private Position[] positionList;
    private Market[] marketList;

    @Setup
    public void setUp() throws WorkspaceException {
        // Binance BTCUSDT as published 2024-10-24: the bundled preset, 12 brackets
        TierTable table = PresetCatalog.load("binance-btcusdt-2024-10-24").tierTable();
        Random r = new Random(42);
        List<Market> markets = new ArrayList<>();
        List<Position> list = new ArrayList<>();
        ids = new String[positions];
        for (int i = 0; i < positions; i++) {
            String sym = "M" + i;
            double mark = 100 + r.nextDouble() * 60_000;
            markets.add(new Market(sym, Convention.BINANCE, mark, mark, 0.0005, table, null,
                    new FundingTerms(0.0001, 8), null));
            double q = (1e4 + r.nextDouble() * 5e6) / mark;
            Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
            ids[i] = "p" + i;
            list.add(mode.equals("CROSS") ? Position.cross(ids[i], sym, side, q, mark * (0.95 + 0.1 * r.nextDouble()), 10)
                    : Position.isolated(ids[i], sym, side, q, mark * (0.95 + 0.1 * r.nextDouble()), 10));
        }
        portfolio = new Portfolio(new Account(5e6, PositionMode.ONE_WAY), markets, list, 720);
        positionList = list.toArray(new Position[0]);
        marketList = markets.toArray(new Market[0]);
        pools = new MarginPool[positions];
        for (int i = 0; i < positions; i++) {
            pools[i] = MarginPool.of(portfolio, ids[i]);
        }
    }

    /**
     * One exact liquidation solve per position on its pool (for cross: the shared pool seen from that position's
     * market, with the other markets' frozen PnL and requirement): a portfolio's worth of solves per call.
     */
    @Benchmark
    public void solveAll(Blackhole bh) {
        for (MarginPool pool : pools) {
            bh.consume(LiquidationSolver.solve(pool, Requirement.MAINTENANCE).price());
        }
    }

    /** The same solves through the primitive entry point: nothing allocated per solve (NaN for no price). */
    @Benchmark
    public void solvePriceAll(Blackhole bh) {
        for (MarginPool pool : pools) {
            bh.consume(LiquidationSolver.solvePrice(pool, Requirement.MAINTENANCE));
        }
    }

    /**
     * An isolated pool built from scratch and solved once per position: the cost of a first solve, the surplus
     * lines included (what an edit costs a position; {@link #solveAll} re-solves pools whose lines are built).
     */
    @Benchmark
    public void buildAndSolveAll(Blackhole bh) {
        for (int i = 0; i < positionList.length; i++) {
            bh.consume(LiquidationSolver.solvePrice(MarginPool.isolated(positionList[i], marketList[i]),
                    Requirement.MAINTENANCE));
        }
    }

    /** The whole report (every number, no explanations), as the UI recomputes it on each edit. */
    @Benchmark
    public void fullReport(Blackhole bh) {
        bh.consume(RiskEngine.evaluate(portfolio, false));
    }

    /** The same portfolio as inverse contracts (Binance COIN-M, contract size 100, the table's floors read in BTC). */
    @State(Scope.Benchmark)
    public static class InverseState {
        @Param({"1", "10", "100"})
        public int positions;

        @Param({"ISOLATED", "CROSS"})
        public String mode;

        CoinPool[] pools;

        @Setup
        public void setUp() throws WorkspaceException {
            TierTable table = PresetCatalog.load("binance-btcusdt-2024-10-24").tierTable();
            Random r = new Random(42);
            List<Market> markets = new ArrayList<>();
            List<Position> list = new ArrayList<>();
            String[] ids = new String[positions];
            for (int i = 0; i < positions; i++) {
                String sym = "M" + i;
                double mark = 100 + r.nextDouble() * 60_000;
                markets.add(new Market(sym, Convention.BINANCE_COINM, mark, mark, 0.0005, table, null,
                        new FundingTerms(0.0001, 8), null, Contract.inverse(100, "BTC")));
                // 0.2 to 100 BTC of notional in whole contracts of 100 USD
                double contracts = Math.max(1, Math.rint((0.2 + r.nextDouble() * 100) * mark / 100));
                Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
                ids[i] = "p" + i;
                double entry = mark * (0.95 + 0.1 * r.nextDouble());
                list.add(mode.equals("CROSS") ? Position.cross(ids[i], sym, side, contracts, entry, 10)
                        : Position.isolated(ids[i], sym, side, contracts, entry, 10));
            }
            Portfolio portfolio = new Portfolio(new Account(5e6, PositionMode.ONE_WAY, Map.of("BTC", 100.0)),
                    markets, list, 720);
            pools = new CoinPool[positions];
            for (int i = 0; i < positions; i++) {
                pools[i] = CoinPool.of(portfolio, ids[i]);
            }
        }
    }

    /**
     * Inverse solves beside {@link #solveAll}: one exact liquidation solve per inverse position on its coin pool
     * (the pool in x = 1 / P, its roots mapped back to the price and the nearest in price chosen).
     */
    @Benchmark
    public void solveAllInverse(InverseState s, Blackhole bh) {
        for (CoinPool pool : s.pools) {
            bh.consume(InverseSolver.solve(pool, Requirement.MAINTENANCE).price());
        }
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(LiquidationBenchmark.class.getSimpleName()).build()).run();
    }
}
