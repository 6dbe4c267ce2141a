package com.perprisk.ui;

import com.perprisk.io.Samples;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceException;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.positions.AdlQueueViewModel;
import com.perprisk.ui.workspace.WorkspaceViewModel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Start-up work that needs no toolkit, done on a second core while the toolkit starts: the demo workspace is read and
 * evaluated once, the preset and sample catalogues listed (their classes loaded, their code warmed), and a
 * workspace view model made with the demo loaded in it (rows, results, problems: JavaFX properties, which need no
 * toolkit) and its positions ranked in their ADL queues, for the window to take when it opens the demo. Nothing here touches a node. The view model passes to
 * the FX thread through a future (so everything written here is seen there) and is never touched here after.
 */
public final class StartupPrefetch {
    private static volatile CompletableFuture<WorkspaceDocument> demo;
    private static volatile CompletableFuture<WorkspaceViewModel> demoViewModel;
    /** The ADL ranking of the demo's view model, written before that model's future completes. */
    private static volatile AdlQueueViewModel demoAdl;

    private StartupPrefetch() {
    }

    /** The classes the first frame loads, in the order it loads them (written by installers/startup-classes.sh). */
    static final String CLASS_LIST = "/com/perprisk/ui/startup-classes.txt";
    /** System property: {@code false} leaves the start-up classes to the FX thread (to measure what it saves). */
    public static final String PRELOAD = "perprisk.preloadClasses";

    /**
     * Starts reading the demo and making its view model, and loading the start-up classes, in the background; call
     * before the toolkit starts.
     */
    public static void start() {
        if (!"false".equals(System.getProperty(PRELOAD))) {
            Thread classes = new Thread(() -> {
                readThemeOnce();
                loadStartupClasses();
            }, "perprisk-preload");
            classes.setDaemon(true);
            classes.start();
        }
        CompletableFuture<WorkspaceDocument> f = new CompletableFuture<>();
        CompletableFuture<WorkspaceViewModel> model = new CompletableFuture<>();
        demoAdl = null;
        Thread t = new Thread(() -> {
            try {
                WorkspaceDocument doc = Samples.demo();
                f.complete(doc);
                try {
                    WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext());
                    vm.load(doc, null);
                    // the ADL lights: ranked here when the ranking runs at once (not on a worker it hands back to)
                    demoAdl = vm.markets().size() <= AdlQueueViewModel.BULK_MARKETS ? new AdlQueueViewModel(vm) : null;
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

    /**
     * Once: the ADL ranking made in the background for {@code vm}, when {@code vm} is the demo's view model that
     * {@link #takeDemoViewModel} gave; else empty (the window ranks them itself).
     */
    static java.util.Optional<AdlQueueViewModel> takeDemoAdl(WorkspaceViewModel vm) {
        AdlQueueViewModel adl = demoAdl;
        if (adl == null || vm == null || adl.workspace() != vm) {
            return java.util.Optional.empty();
        }
        demoAdl = null;
        return java.util.Optional.of(adl);
    }

    /**
     * Loads and links (verifies) every class of {@link #CLASS_LIST} without initialising it, so that the FX thread,
     * which needs them in the same order a moment later, finds them ready. A name that is not there (a class since
     * renamed, another platform's) is passed over. Returns how many were loaded.
     */
    /**
     * Reads the AtlantaFX theme's binary stylesheet once and drops it: the FX thread reads it again when the theme is
     * set (JavaFX keeps no copy it could take), but with the reader's classes loaded and its code compiled, in
     * about 5 ms instead of about 110 ms.
     */
    static void readThemeOnce() {
        java.net.URL theme = StartupPrefetch.class.getResource(new atlantafx.base.theme.PrimerLight()
                .getUserAgentStylesheetBSS());
        if (theme != null) {
            try {
                javafx.css.Stylesheet.loadBinary(theme);
            } catch (java.io.IOException | RuntimeException e) {
                // nothing is lost but the head start
            }
        }
    }

    static int loadStartupClasses() {
        ClassLoader loader = StartupPrefetch.class.getClassLoader();
        int loaded = 0;
        try (java.io.InputStream in = StartupPrefetch.class.getResourceAsStream(CLASS_LIST)) {
            if (in == null) {
                return 0;
            }
            java.io.BufferedReader lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            for (String name = lines.readLine(); name != null; name = lines.readLine()) {
                if (name.isEmpty() || name.charAt(0) == '#') {
                    continue;
                }
                try {
                    // reflection on the constructors links the class (verifies it) and runs none of its code
                    Class.forName(name, false, loader).getDeclaredConstructors();
                    loaded++;
                } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                    // not on this platform or no longer in the app: the FX thread loads what it needs itself
                }
            }
        } catch (java.io.IOException e) {
            // the list cannot be read: nothing is lost but the head start
        }
        return loaded;
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
