package com.perprisk.bench;

import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.workspace.InputProblem;
import com.perprisk.ui.workspace.MarketRow;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import com.perprisk.ui.format.Formats;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A probe, not a test (it lives under bench/, which Surefire skips): speed is measured, never asserted in the suite.
 * Run it with {@code mvn -B -ntp test -Dtest=RecalculationProbe -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>An edit recalculates the whole workspace on the FX thread, so it must stay well inside a frame: 20 positions
 * (long and short legs in hedge mode, half isolated) on 10 markets with the 12-bracket Binance table.
 */
public class RecalculationProbe {
    @Test
    void editToRecalculatedResults() {
        int n = Integer.getInteger("positions", 20);
        RiskContext ctx = new RiskContext();
        WorkspaceViewModel vm = new WorkspaceViewModel(ctx, new Formats(Locale.US));
        vm.load(n == 20 ? TestDocs.twentyPositions() : positions(n), null);
        MarketRow btc = vm.markets().get(0);
        assertTrue(vm.problems().values().stream().noneMatch(InputProblem::error), vm.problems().toString());
        assertNotNull(ctx.getRisk());
        assertEquals(n, ctx.getRisk().positions().size());
        int rounds = n > 100 ? 12 : 120;
        int skip = n > 100 ? 2 : 20;

        ProbeSupport.Percentiles wall = null;
        ProbeSupport.Percentiles onCpu = null;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) { // best of three: contention only adds time
            long[] nanos = new long[rounds];
            long[] cpu = new long[rounds];
            for (int i = 0; i < nanos.length; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                btc.markPriceProperty().set(Integer.toString(59_000 + round * 2_000 + i * 10));
                nanos[i] = System.nanoTime() - t0;
                cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            }
            wall = ProbeSupport.Percentiles.of(nanos, skip).best(wall);
            // the thread's CPU time: what an edit costs when a core is free (a loaded machine adds waiting)
            onCpu = ProbeSupport.Percentiles.of(cpu, skip).best(onCpu);
        }
        double medianMs = wall.median();
        double p90 = wall.p90();
        double cpuMedian = onCpu.median();
        double cpuP90 = onCpu.p90();
        System.out.printf("recalculation after an edit, %d positions / %d markets: wall median %.3f ms, p90 %.3f ms;"
                + " CPU median %.3f ms, p90 %.3f ms (load average %.1f)%n", n, vm.markets().size(), medianMs, p90,
                cpuMedian, cpuP90, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }

    /**
     * {@code n} positions (n even) in the layout of {@link TestDocs#twentyPositions()}: a long and a short leg per
     * market, hedge mode, half cross and half isolated, Binance's 12-bracket table.
     */
    static com.perprisk.io.WorkspaceDocument positions(int n) {
        var twenty = TestDocs.twentyPositions();
        var template = twenty.markets().get(1);
        java.util.List<com.perprisk.io.WorkspaceDocument.MarketDoc> markets = new java.util.ArrayList<>();
        java.util.List<com.perprisk.io.WorkspaceDocument.PositionDoc> positions = new java.util.ArrayList<>();
        for (int m = 0; m < n / 2; m++) {
            double mark = m == 0 ? 60_000 : 100.0 + m;
            String symbol = m == 0 ? "BTCUSDT" : "M" + m + "USDT";
            markets.add(new com.perprisk.io.WorkspaceDocument.MarketDoc(symbol, "BINANCE", mark, mark, 0.0005,
                    template.tiers(), null, template.funding(), null, java.util.Map.of()));
            for (int leg = 0; leg < 2; leg++) {
                int i = positions.size();
                positions.add(new com.perprisk.io.WorkspaceDocument.PositionDoc("p" + (i + 1), symbol,
                        leg == 0 ? "LONG" : "SHORT", 20_000 / mark, mark * (leg == 0 ? 0.99 : 1.01), 10.0,
                        i % 4 < 2 ? "CROSS" : "ISOLATED", null, null, java.util.Map.of()));
            }
        }
        return new com.perprisk.io.WorkspaceDocument(twenty.format(), twenty.version(), "Scale", new com.perprisk.io
                .WorkspaceDocument.AccountDoc(12_500.0 * n, "HEDGE", java.util.Map.of()), 720.0, markets, positions,
                java.util.Map.of());
    }
}
