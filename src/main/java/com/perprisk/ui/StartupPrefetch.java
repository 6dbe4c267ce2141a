package com.perprisk.ui;

import com.perprisk.io.Samples;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceException;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.workspace.WorkspaceViewModel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Start-up work that needs no toolkit, done on a second core while the toolkit starts: the demo workspace is read and
 * evaluated once, the preset and sample catalogues listed (their classes loaded, their code warmed), and a
 * workspace view model made with the demo loaded in it (rows, results, problems: JavaFX properties, which need no
 * toolkit), for the window to take when it opens the demo. Nothing here touches a node. The view model passes to
 * the FX thread through a future (so everything written here is seen there) and is never touched here after.
 */
public final class StartupPrefetch {
    private static volatile CompletableFuture<WorkspaceDocument> demo;
    private static volatile CompletableFuture<WorkspaceViewModel> demoViewModel;

    private StartupPrefetch() {
    }

    /** Starts reading the demo and making its view model in the background; call before the toolkit starts. */
    public static void start() {
        CompletableFuture<WorkspaceDocument> f = new CompletableFuture<>();
        CompletableFuture<WorkspaceViewModel> model = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                WorkspaceDocument doc = Samples.demo();
                f.complete(doc);
                try {
                    WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext());
                    vm.load(doc, null);
                    model.complete(vm);
                } catch (RuntimeException | LinkageError e) {
                    model.complete(null); // the window then makes its own, as without the prefetch
                }
                // what the window reads next (a new document's preset, the File › Open Sample menu): its classes
                com.perprisk.io.PresetCatalog.list();
                Samples.list();
            } catch (WorkspaceException | RuntimeException e) {
                f.completeExceptionally(e);
                model.complete(null);
            }
        }, "perprisk-prefetch");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        demo = f;
        demoViewModel = model;
        t.start();
    }

    /**
     * Once: the view model made in the background with the demo loaded, when {@link #start} ran and it could be made;
     * else empty (the caller makes its own). A second call is always empty: the model belongs to one window.
     */
    static java.util.Optional<WorkspaceViewModel> takeDemoViewModel() {
        CompletableFuture<WorkspaceViewModel> f = demoViewModel;
        demoViewModel = null;
        if (f == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.ofNullable(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        } catch (ExecutionException e) {
            return java.util.Optional.empty();
        }
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
