package com.perprisk.ui.workspace;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An edit recalculates the whole workspace on the FX thread, so it must stay well inside a frame: 20 positions
 * (long and short legs in hedge mode, half isolated) on 10 markets with the 12-bracket Binance table.
 */
class RecalculationPerformanceTest {
    @Test
    void anEditRecalculatesTwentyPositionsWithinAFrame() {
        RiskContext ctx = new RiskContext();
        WorkspaceViewModel vm = new WorkspaceViewModel(ctx, new Formats(Locale.US));
        vm.account().positionModeProperty().set(PositionMode.HEDGE);
        vm.account().walletBalanceProperty().set("250000");
        MarketRow btc = vm.markets().get(0);
        for (int m = 1; m < 10; m++) {
            MarketRow row = vm.addMarket();
            row.symbolProperty().set("M" + m + "USDT");
            row.markPriceProperty().set(Integer.toString(100 * m));
            row.indexPriceProperty().set(Integer.toString(100 * m));
            vm.replaceTiers(row, Defaults.binanceBtc2024(), null, null);
        }
        for (int i = 0; i < 20; i++) {
            PositionRow p = vm.addPosition();
            p.symbolProperty().set(vm.symbols().get(i / 2));
            p.entryPriceProperty().set(vm.markets().get(i / 2).markPriceProperty().get());
            p.sideProperty().set(i % 2 == 0 ? Side.LONG : Side.SHORT);
            p.marginModeProperty().set(i % 4 < 2 ? MarginMode.CROSS : MarginMode.ISOLATED);
        }
        assertTrue(vm.problems().values().stream().noneMatch(InputProblem::error), vm.problems().toString());
        assertNotNull(ctx.getRisk());
        assertEquals(20, ctx.getRisk().positions().size());

        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            btc.markPriceProperty().set(Integer.toString(59_000 + i * 10));
            nanos[i] = System.nanoTime() - t0;
        }
        long[] measured = Arrays.copyOfRange(nanos, 50, nanos.length); // after warm-up
        Arrays.sort(measured);
        double medianMs = measured[measured.length / 2] / 1e6;
        System.out.printf("recalculation after an edit, 20 positions / 10 markets: median %.3f ms, p90 %.3f ms%n",
                medianMs, measured[(int) (measured.length * 0.9)] / 1e6);
        assertTrue(medianMs < 16, "median " + medianMs + " ms");
    }
}
