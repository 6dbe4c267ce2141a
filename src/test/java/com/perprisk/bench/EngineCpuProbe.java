package com.perprisk.bench;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.io.WorkspaceException;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Issue 13's engine figures as CPU time of the measuring thread: on a machine shared with other work the wall
 * time of a JMH run counts the time the thread waited for a core, its own CPU time does not. Each figure is the
 * best of many short rounds (contention only adds time), on the portfolios of {@link RiskReportBenchmark} (N cross
 * positions, one per market, Binance's 12-bracket table). Not run by Surefire; with the README's classpath:
 * {@code java -cp … com.perprisk.bench.EngineCpuProbe [mixed] [distinct] [N …]} ({@code distinct}: each market funded
 * at its own rate, so that no market takes its funding figures from the one before). Prints solves per CPU-second (a
 * pool's lines
 * built, then re-solved; and built and solved from scratch) and reports per CPU-second for 1 to 10,000 positions, or
 * for the sizes N given: one size per run measures it with the compiler's profile of that size alone (a run over
 * every size compiles the report for the mix of them).
 */
public final class EngineCpuProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static double sink;

    private EngineCpuProbe() {
    }

    public static void main(String[] args) throws WorkspaceException {
        Portfolio hundred = RiskReportBenchmark.portfolio(100, false);
        Position[] ps = hundred.positions().toArray(new Position[0]);
        Market[] ms = hundred.markets().toArray(new Market[0]);
        MarginPool[] pools = new MarginPool[ps.length];
        for (int i = 0; i < ps.length; i++) {
            pools[i] = MarginPool.isolated(ps[i], ms[i]);
        }
        if (!Boolean.getBoolean("reports.only")) {
            double solve = best(60, 2_000, () -> {
                for (MarginPool pool : pools) {
                    sink += LiquidationSolver.solve(pool, Requirement.MAINTENANCE).price();
                }
            }) / ps.length;
            double fresh = best(60, 500, () -> {
                for (int i = 0; i < ps.length; i++) {
                    sink += LiquidationSolver.solvePrice(MarginPool.isolated(ps[i], ms[i]), Requirement.MAINTENANCE);
                }
            }) / ps.length;
            System.out.printf(Locale.ROOT, "isolated solve, 12-bracket table, lines built: %.1f ns CPU (%.1f million/s"
                    + " per core)%n", solve, 1e3 / solve);
            System.out.printf(Locale.ROOT, "isolated pool built and solved from scratch: %.1f ns CPU (%.1f million/s"
                    + " per core)%n", fresh, 1e3 / fresh);
        }
        boolean mixed = java.util.Arrays.asList(args).contains("mixed");
        boolean distinct = java.util.Arrays.asList(args).contains("distinct");
        int[] sizes = java.util.Arrays.stream(args).filter(a -> a.matches("\\d+")).mapToInt(Integer::parseInt)
                .toArray();
        for (int n : sizes.length > 0 ? sizes : new int[]{1, 10, 100, 1_000, 10_000}) {
            Portfolio pf = distinct ? RiskReportBenchmark.distinctFunding(RiskReportBenchmark.portfolio(n, mixed))
                    : RiskReportBenchmark.portfolio(n, mixed);
            int reps = Math.max(1, 100_000 / n);
            double ns = best(n >= 10_000 ? 15 : 40, reps, () -> sink += RiskEngine.evaluate(pf, false).positions()
                    .size());
            System.out.printf(Locale.ROOT, "RiskEngine.evaluate, %,d cross positions in %,d markets%s: %.1f µs CPU"
                    + " (%,.0f reports/s per core, %.0f ns per position)%n", n, n,
                    distinct ? " (a funding rate each)" : "", ns / 1e3, 1e9 / ns, ns / n);
        }
        System.out.println(sink == 42 ? "" : "");
    }

    /**
     * Best CPU time of one call over {@code rounds} rounds of {@code reps} calls, in nanoseconds, after 1 s of calls
     * (wall clock: on a loaded machine the compiler's threads wait for a core too, and a figure taken before its final
     * compilation measures the interpreter or the first tier).
     */
    private static double best(int rounds, int reps, Runnable call) {
        long warm = System.nanoTime() + Long.getLong("warmup.ms", 1_000) * 1_000_000;
        while (System.nanoTime() < warm) {
            call.run();
        }
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
                call.run();
            }
            best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - t0) / (double) reps);
        }
        return best;
    }
}
