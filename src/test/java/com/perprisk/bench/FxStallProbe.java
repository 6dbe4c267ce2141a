package com.perprisk.bench;

import com.perprisk.io.WorkspaceCodec;
import com.perprisk.ui.MainView;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceFiles;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import com.perprisk.io.WorkspaceDocument;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A probe, not a test (it lives under bench/, which Surefire skips): speed is measured, never asserted in the suite.
 * Run it with
 * {@code mvn -B -ntp test -Dtest=FxStallProbe -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dpositions=N} for
 * another size than 1,000 positions in 500 markets).
 *
 * <p>Issue 14 item 13: the UI stays responsive, no FX-thread work over 50 ms, with 1,000 positions. The probe drives
 * the real {@code MainView} through edits of a position and of a market's mark, undo, redo, switching the selected
 * market, opening the same file again and opening another 1,000-position file (the same workspace with every mark 1%
 * higher, alternating with the first: everything is evaluated anew). Files are opened as the app opens them
 * ({@code MainView.openFile}: read and made ready on a worker, shown by a task posted to the FX thread). For each kind
 * it prints three figures, CPU time of the FX thread (what it costs when a core is free) and wall time:
 * <ul>
 *     <li><b>handler</b>: the longest single FX task that carried the user's action (the edit and everything its
 *     listeners do synchronously; for an open, starting it);</li>
 *     <li><b>posted task</b>: the longest task a view model posted back to the FX thread for it (an opened document
 *     shown: rows put in, results published; the ADL standings ranked on the worker);</li>
 *     <li><b>stall</b>: the longest stretch the FX thread was busy between two heartbeats. A background thread posts
 *     a heartbeat with {@code Platform.runLater} whenever the previous one has run (about every millisecond), so
 *     a stretch covers the tasks that ran in between: the handler, the next pulse's CSS and layout pass, results
 *     applied later by {@code runLater}. It is an upper bound of the longest single task.</li>
 * </ul>
 */
public class FxStallProbe extends ApplicationTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private WorkspaceViewModel vm;
    private MainView view;
    private Path file;
    /** The same workspace with every mark 1% higher: opening it evaluates everything anew. */
    private Path other;
    /** The longest task the view models posted back to the FX thread while the current phase ran. */
    private volatile long ownerCpu;
    private volatile long ownerWall;
    /** The open under way in the current action, waited for before the next. */
    private CompletableFuture<Boolean> pending;

    /** The longest busy stretches seen by the heartbeat while the current phase ran: {CPU, wall} in nanoseconds. */
    private volatile long stallCpu;
    private volatile long stallWall;
    private volatile boolean running = true;

    @Override
    public void start(Stage stage) throws Exception {
        int n = Integer.getInteger("positions", 1000);
        var doc = TestDocs.positions(n, n + " positions");
        file = Files.createTempFile("fx-stall-", ".perprisk.json");
        file.toFile().deleteOnExit();
        WorkspaceCodec.write(doc, file);
        other = Files.createTempFile("fx-stall-other-", ".perprisk.json");
        other.toFile().deleteOnExit();
        WorkspaceCodec.write(moved(doc, 1.01), other);
        vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(doc, file);
        // as the app runs: files read and made ready on a worker, shown by a task on the FX thread (timed here)
        vm.files().runOn(WorkspaceFiles.backgroundThread(), task -> Platform.runLater(() -> {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            task.run();
            ownerCpu = Math.max(ownerCpu, THREADS.getCurrentThreadCpuTime() - c0);
            ownerWall = Math.max(ownerWall, System.nanoTime() - t0);
        }));
        view = ProbeSupport.show(stage, vm);
    }

    /** The document with every market's mark and index times {@code factor}. */
    private static WorkspaceDocument moved(WorkspaceDocument doc, double factor) {
        var markets = doc.markets().stream().map(m -> new WorkspaceDocument.MarketDoc(m.symbol(), m.convention(),
                m.markPrice() * factor, m.indexPrice() * factor, m.takerFeeRate(), m.tiers(), m.dydx(), m.funding(),
                m.future(), m.extra(), m.contract())).toList();
        return new WorkspaceDocument(doc.format(), doc.version(), doc.name(), doc.account(), doc.horizonHours(),
                markets, doc.positions(), doc.extra());
    }

    @Test
    void longestFxTaskWith1000Positions() throws Exception {
        int n = Integer.getInteger("positions", 1000);
        assertEquals(n, vm.context().getRisk().positions().size());
        Thread heart = heartbeat();
        try {
            Map<String, long[]> rows = new LinkedHashMap<>();
            // warm up every path once (class loading, JIT), then measure
            for (int round = 0; round < 2; round++) {
                boolean measure = round == 1;
                phase(rows, measure, "edit a position's size", 10, i ->
                        vm.positions().get(i * 37 % n).sizeProperty().set(Double.toString(0.2 + i * 0.01)));
                phase(rows, measure, "edit a market's mark", 10, i ->
                        vm.markets().get(i * 13 % vm.markets().size()).markPriceProperty()
                                .set(Integer.toString(101 + i)));
                phase(rows, measure, "undo", 10, i -> vm.undo());
                phase(rows, measure, "redo", 10, i -> vm.redo());
                phase(rows, measure, "switch the selected market", 10, i ->
                        view.marketsView().select(vm.markets().get((i * 7 + 3) % vm.markets().size())));
                phase(rows, measure, "open the same file again", 4, i -> pending = view.openFile(file));
                phase(rows, measure, "open another 1,000-position file", 6, i ->
                        pending = view.openFile(i % 2 == 0 ? other : file));
            }
            assertEquals(n, vm.context().getRisk().positions().size());
            System.out.printf("FX thread with %d positions in %d markets (load average %.1f before, %.1f after):%n",
                    n, vm.markets().size(), rows.remove("load")[0] / 10.0,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("  %-34s %28s %28s %28s%n", "", "longest handler CPU / wall", "longest posted task CPU / wall",
                    "longest stall CPU / wall");
            long worst = 0;
            for (var e : rows.entrySet()) {
                long[] r = e.getValue();
                worst = Math.max(worst, Math.max(Math.max(r[0], r[2]), r[4]));
                System.out.printf("  %-34s %16.1f / %6.1f ms %16.1f / %6.1f ms %16.1f / %6.1f ms%n", e.getKey(),
                        r[0] / 1e6, r[1] / 1e6, r[4] / 1e6, r[5] / 1e6, r[2] / 1e6, r[3] / 1e6);
            }
            System.out.printf("  longest FX-thread work (CPU): %.1f ms (goal: under 50 ms)%n", worst / 1e6);
        } finally {
            running = false;
            heart.join();
        }
    }

    private interface Step {
        void run(int i);
    }

    /** Runs {@code count} actions, each in its own FX task, waiting for the FX thread to go idle after each. */
    private void phase(Map<String, long[]> rows, boolean measure, String name, int count, Step step) {
        rows.putIfAbsent("load", new long[]{Math.round(10
                * ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())});
        long handlerCpu = 0;
        long handlerWall = 0;
        long maxStallCpu = 0;
        long maxStallWall = 0;
        long maxOwnerCpu = 0;
        long maxOwnerWall = 0;
        for (int i = 0; i < count; i++) {
            int k = i;
            long[] took = new long[2];
            WaitForAsyncUtils.waitForFxEvents();
            stallCpu = 0;
            stallWall = 0;
            ownerCpu = 0;
            ownerWall = 0;
            pending = null;
            interact(() -> {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                step.run(k);
                took[0] = THREADS.getCurrentThreadCpuTime() - c0;
                took[1] = System.nanoTime() - t0;
            });
            if (pending != null) {
                try {
                    assertEquals(Boolean.TRUE, pending.get(60, TimeUnit.SECONDS), "opened");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            WaitForAsyncUtils.waitForFxEvents(); // the pulse that lays the change out, results applied later
            pause(300); // a ranking posted back by a worker
            WaitForAsyncUtils.waitForFxEvents();
            pause(30);
            WaitForAsyncUtils.waitForFxEvents();
            handlerCpu = Math.max(handlerCpu, took[0]);
            handlerWall = Math.max(handlerWall, took[1]);
            maxStallCpu = Math.max(maxStallCpu, stallCpu);
            maxStallWall = Math.max(maxStallWall, stallWall);
            maxOwnerCpu = Math.max(maxOwnerCpu, ownerCpu);
            maxOwnerWall = Math.max(maxOwnerWall, ownerWall);
        }
        if (measure) {
            rows.put(name, new long[]{handlerCpu, handlerWall, maxStallCpu, maxStallWall, maxOwnerCpu, maxOwnerWall});
        }
    }

    /** Posts a heartbeat to the FX thread whenever the previous one ran; records the busy stretches between them. */
    private Thread heartbeat() {
        AtomicBoolean pending = new AtomicBoolean();
        long[] last = new long[2];
        Runnable beat = () -> {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            if (last[1] != 0) {
                stallCpu = Math.max(stallCpu, cpu - last[0]);
                stallWall = Math.max(stallWall, wall - last[1]);
            }
            last[0] = THREADS.getCurrentThreadCpuTime();
            last[1] = System.nanoTime();
            pending.set(false);
        };
        Thread t = new Thread(() -> {
            while (running) {
                if (pending.compareAndSet(false, true)) {
                    Platform.runLater(beat);
                }
                pause(1);
            }
        }, "fx-stall-heartbeat");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
