package com.perprisk.bench;

import com.perprisk.engine.inverse.CoinPool;
import com.perprisk.engine.inverse.InverseSolver;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.io.WorkspaceException;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Inverse liquidation solves beside linear ones as CPU time of the measuring thread (the wall time of a JMH run on a
 * shared machine counts the wait for a core; the thread's own CPU time does not): {@link LiquidationBenchmark}'s
 * portfolios of 1, 10 and 100 positions, isolated and cross, linear ({@code solveAll}) and inverse
 * ({@code solveAllInverse}), each figure the best of many short rounds. Not run by Surefire; with the README's
 * classpath: {@code java -cp … com.perprisk.bench.InverseCpuProbe}.
 */
public final class InverseCpuProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static double sink;

    private InverseCpuProbe() {
    }

    public static void main(String[] args) throws WorkspaceException {
        System.out.println("positions  mode      linear ns/solve  (million/s)   inverse ns/solve  (million/s)");
        for (String mode : new String[]{"ISOLATED", "CROSS"}) {
            for (int n : new int[]{1, 10, 100}) {
                LiquidationBenchmark linear = new LiquidationBenchmark();
                linear.positions = n;
                linear.mode = mode;
                linear.setUp();
                LiquidationBenchmark.InverseState inverse = new LiquidationBenchmark.InverseState();
                inverse.positions = n;
                inverse.mode = mode;
                inverse.setUp();
                int reps = Math.max(20, 20_000 / n);
                double lin = best(60, reps, () -> {
                    for (MarginPool pool : linear.pools) {
                        Double p = LiquidationSolver.solve(pool, Requirement.MAINTENANCE).price();
                        sink += p == null ? 0 : p;
                    }
                }) / n;
                double inv = best(60, reps, () -> {
                    for (CoinPool pool : inverse.pools) {
                        Double p = InverseSolver.solve(pool, Requirement.MAINTENANCE).price();
                        sink += p == null ? 0 : p;
                    }
                }) / n;
                System.out.printf(Locale.ROOT, "%9d  %-8s  %15.1f  (%9.2f)   %16.1f  (%9.2f)%n", n, mode, lin,
                        1e3 / lin, inv, 1e3 / inv);
            }
        }
        System.out.println(sink == 42 ? "" : "");
    }

    /** Best CPU time of one call over {@code rounds} rounds of {@code reps} calls, in nanoseconds. */
    private static double best(int rounds, int reps, Runnable call) {
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
