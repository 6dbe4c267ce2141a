package com.perprisk.bench;

import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.workspace.InputProblem;
import com.perprisk.ui.workspace.MarketRow;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import com.perprisk.ui.format.Formats;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
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
        RiskContext ctx = new RiskContext();
        WorkspaceViewModel vm = new WorkspaceViewModel(ctx, new Formats(Locale.US));
        vm.load(TestDocs.twentyPositions(), null);
        MarketRow btc = vm.markets().get(0);
        assertTrue(vm.problems().values().stream().noneMatch(InputProblem::error), vm.problems().toString());
        assertNotNull(ctx.getRisk());
        assertEquals(20, ctx.getRisk().positions().size());

        double medianMs = Double.MAX_VALUE;
        double p90 = 0;
        for (int round = 0; round < 3; round++) { // best of three: contention only adds time
            long[] nanos = new long[120];
            for (int i = 0; i < nanos.length; i++) {
                long t0 = System.nanoTime();
                btc.markPriceProperty().set(Integer.toString(59_000 + round * 2_000 + i * 10));
                nanos[i] = System.nanoTime() - t0;
            }
            long[] measured = Arrays.copyOfRange(nanos, 20, nanos.length);
            Arrays.sort(measured);
            double m = measured[measured.length / 2] / 1e6;
            if (m < medianMs) {
                medianMs = m;
                p90 = measured[(int) (measured.length * 0.9)] / 1e6;
            }
        }
        System.out.printf("recalculation after an edit, 20 positions / 10 markets: median %.3f ms, p90 %.3f ms%n",
                medianMs, p90);
    }
}
