package com.perprisk.ui.charts;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one background thread every chart sweep runs on. Requests are cheap to make; a view model drops the results
 * of any request that a newer one has replaced (latest request wins), so the FX thread never waits for a sweep.
 */
public final class ChartWorker {
    private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "perprisk-charts");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    private ChartWorker() {
    }

    static void submit(Runnable task) {
        EXECUTOR.execute(task);
    }
}
