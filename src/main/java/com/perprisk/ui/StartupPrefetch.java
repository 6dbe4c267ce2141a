package com.perprisk.ui;

import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.io.MappingResult;
import com.perprisk.io.Samples;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceException;
import com.perprisk.io.WorkspaceMapper;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Start-up work that needs no JavaFX, done on a second core while the toolkit starts: the demo workspace is read and
 * evaluated once, and the preset and sample catalogues listed, which loads the io and engine classes and warms their
 * code, so the window's own load of the demo (on the FX thread) is quick. Nothing here touches a node or a property.
 */
public final class StartupPrefetch {
    private static volatile CompletableFuture<WorkspaceDocument> demo;

    private StartupPrefetch() {
    }

    /** Starts reading and evaluating the demo in the background; call before the toolkit starts. */
    public static void start() {
        CompletableFuture<WorkspaceDocument> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                WorkspaceDocument doc = Samples.demo();
                f.complete(doc);
                MappingResult mapped = WorkspaceMapper.toPortfolio(doc);
                if (!mapped.hasErrors()) {
                    RiskEngine.evaluate(mapped.portfolio());
                }
                // what the window reads next (a new document's preset, the File › Open Sample menu): its classes
                com.perprisk.io.PresetCatalog.list();
                Samples.list();
            } catch (WorkspaceException | RuntimeException e) {
                f.completeExceptionally(e);
            }
        }, "perprisk-prefetch");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        demo = f;
        t.start();
    }

    /** The demo workspace: the one read in the background when {@link #start} ran, else read now. */
    static WorkspaceDocument demo() throws WorkspaceException {
        CompletableFuture<WorkspaceDocument> f = demo;
        if (f != null) {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof WorkspaceException w) {
                    throw w;
                }
            }
        }
        return Samples.demo();
    }
}
