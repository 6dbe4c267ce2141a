package com.perprisk.bench;

import com.perprisk.ui.MainView;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A probe, not a test (it lives under bench/, which Surefire skips): speed is measured, never asserted in the suite.
 * Run it with {@code mvn -B -ntp test -Dtest=RenderCpuProbe -Dsurefire.failIfNoSpecifiedTests=false}; A/B a JavaFX
 * setting by adding it, e.g. {@code -Dprism.disableRegionCaching=true}.
 *
 * <p>What {@code FrameTimeProbe} leaves out: the painting. After each edit of a mark (20 positions) and after each
 * switch of every tab pane to another tab and back (most of the window repainted), the probe lets the frame be
 * painted and reads the CPU time of JavaFX's render thread (QuantumRenderer), so a memory setting that trades
 * cached pixels for drawing (issue 13, memory) can be checked for what it costs each frame. Each kind is measured in
 * three rounds; the best mean per frame is printed.
 */
public class RenderCpuProbe extends ApplicationTest {
    private static final int EDITS = 40;
    private WorkspaceViewModel vm;
    private MainView view;

    @Override
    public void start(Stage stage) {
        vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.twentyPositions(), null);
        view = ProbeSupport.show(stage, vm);
    }

    @Test
    void renderThreadCpuPerFrame() throws Exception {
        assertEquals(20, vm.context().getRisk().positions().size());
        settle();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long renderer = rendererThreadId(threads);
        List<TabPane> panes = view.lookupAll(".tab-pane").stream().filter(TabPane.class::isInstance)
                .map(TabPane.class::cast).filter(p -> p.getTabs().size() > 1).toList();
        assertTrue(!panes.isEmpty(), "the window has tab panes");
        double edit = Double.MAX_VALUE;
        double tabs = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            int base = 58_000 + round * 1_000;
            long c0 = threads.getThreadCpuTime(renderer);
            for (int i = 0; i < EDITS; i++) {
                String mark = Integer.toString(base + 10 * i);
                interact(() -> vm.markets().get(0).markPriceProperty().set(mark));
                settle();
            }
            edit = Math.min(edit, (threads.getThreadCpuTime(renderer) - c0) / 1e6 / EDITS);
            int frames = 0;
            c0 = threads.getThreadCpuTime(renderer);
            for (TabPane p : panes) {
                for (Tab t : List.copyOf(p.getTabs())) {
                    Tab back = p.getSelectionModel().getSelectedItem();
                    if (t == back) {
                        continue;
                    }
                    interact(() -> p.getSelectionModel().select(t));
                    settle();
                    interact(() -> p.getSelectionModel().select(back));
                    settle();
                    frames += 2;
                }
            }
            tabs = Math.min(tabs, (threads.getThreadCpuTime(renderer) - c0) / 1e6 / frames);
        }
        System.out.printf("render thread CPU per frame, 20 positions: mark edit %.2f ms, tab switch %.2f ms "
                        + "(prism.disableRegionCaching=%s; load average %.1f)%n", edit, tabs,
                System.getProperty("prism.disableRegionCaching", "false"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The frame for what was just done is painted: a few pulses pass (the renderer paints after each). */
    private static void settle() throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(60);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static long rendererThreadId(ThreadMXBean threads) {
        for (ThreadInfo t : threads.dumpAllThreads(false, false)) {
            if (t.getThreadName().startsWith("QuantumRenderer")) {
                return t.getThreadId();
            }
        }
        throw new AssertionError("no QuantumRenderer thread");
    }
}
