package com.perprisk.ui;

import com.perprisk.io.AtomicFiles;
import com.perprisk.io.WorkspaceException;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.workspace.DocumentRecovery;
import com.perprisk.ui.workspace.RecoveryStore;
import com.perprisk.ui.workspace.RecoveryWriter;
import com.perprisk.ui.workspace.WorkspaceFiles;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The desktop application: one main window on a workspace. Opens the file given on the command line, else the last
 * file (the demo on first start); offers to restore an autosave left by a crash; remembers theme, window bounds and
 * recent files. {@code --screenshot FILE.png [WORKSPACE]} renders the window to a PNG and exits.
 */
public class PerpRiskApp extends Application {
    /** System property: print {@code first-frame-ms=<ms since JVM start>} when the first frame is shown, then exit. */
    public static final String EXIT_AFTER_FIRST_FRAME = "perprisk.exitAfterFirstFrame";

    private AppSettings settings;
    private ThemeManager theme;
    private WorkspaceViewModel vm;
    private MainView view;
    private Stage stage;
    private RecoveryWriter recoveryWriter;
    private DocumentRecovery recovery;
    private boolean measuring;
    private boolean persist;
    /** The view model came from {@link StartupPrefetch} with the demo loaded in it. */
    private boolean demoLoaded;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            System.err.println("perprisk: " + e.getMessage());
            Platform.exit();
            System.exit(2);
            return;
        }
        measuring = Boolean.getBoolean(EXIT_AFTER_FIRST_FRAME);
        persist = !options.isScreenshot() && !measuring;
        settings = AppSettings.load();
        AppSettings.Theme initialTheme = options.dark() ? AppSettings.Theme.DARK
                : options.isScreenshot() ? AppSettings.Theme.LIGHT : settings.theme();
        theme = new ThemeManager(initialTheme);

        trace("toolkit up");
        // the demo's view model was made and loaded while the toolkit started, when the window opens on the demo
        vm = startsOnDemo(options) ? StartupPrefetch.takeDemoViewModel().orElse(null) : null;
        demoLoaded = vm != null;
        if (vm == null) {
            vm = new WorkspaceViewModel(new RiskContext());
        }
        trace("view model");
        view = new MainView(vm, persist ? settings : null, theme, StartupPrefetch.takeDemoAdl(vm).orElse(null));
        trace("main view");
        view.setOnExit(this::closeWindow);

        String openProblem = openInitialWorkspace(options);
        if (openProblem != null && options.isScreenshot()) {
            System.err.println("perprisk: " + openProblem);
            Platform.exit();
            System.exit(1);
            return;
        }

        trace("workspace");
        Scene scene = new Scene(view, options.width(), options.height());
        theme.attach(view);
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        javafx.geometry.Rectangle2D bounds = options.isScreenshot() ? null : WindowSizing.initial(
                persist ? settings.windowBounds() : Optional.empty(), WindowSizing.screens());
        if (bounds != null) {
            WindowSizing.apply(stage, bounds);
        }
        if (persist) {
            theme.themeProperty().addListener((obs, o, n) -> {
                settings.setTheme(n);
                settings.save();
            });
        }
        stage.setOnCloseRequest(e -> {
            if (!view.confirmDiscard()) {
                e.consume();
            }
        });
        if (options.presentation()) {
            view.setPresentation(true);
        }
        stage.show();
        trace("shown");
        if (bounds != null) {
            WindowSizing.afterShown(stage, bounds, persist && settings.windowBounds()
                    .map(AppSettings.WindowBounds::maximized).orElse(false));
        }
        view.focusStart();

        if (measuring) {
            traceFirstPulse(scene);
            FirstFrame.reportAndExit(scene);
        } else if (options.isScreenshot()) {
            screenshot(scene, options.screenshot());
        } else {
            if (openProblem != null) {
                view.setDialogsErrorLater(openProblem);
            }
            startSession();
        }
    }

    private static final boolean TRACE = Boolean.getBoolean("perprisk.startTrace");
    private static long lastCpu;
    private static boolean tracedJvmStart;
    private static long last = FirstFrame.launchStart();

    /**
     * With the trace on: when the FX thread has run what was queued for it before the window showed (the chart's
     * first sweep, column fits, window sizing), and when the first pulse (CSS and layout) begins.
     */
    private static void traceFirstPulse(Scene scene) {
        if (TRACE) {
            Platform.runLater(() -> trace("queued work done"));
            Runnable[] pulse = new Runnable[1];
            pulse[0] = () -> {
                scene.removePreLayoutPulseListener(pulse[0]);
                trace("first pulse begins");
            };
            scene.addPreLayoutPulseListener(pulse[0]);
        }
    }

    private static void trace(String what) {
        if (TRACE) {
            long now = System.currentTimeMillis();
            if (!tracedJvmStart && System.getProperty("perprisk.launchStart") != null) {
                // with a launcher JVM (which passes its start with the trace on): when this, the window's JVM, started
                tracedJvmStart = true;
                System.err.println("start-trace window JVM started at " + (ManagementFactory.getRuntimeMXBean()
                        .getStartTime() - FirstFrame.launchStart()) + " ms");
            }
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
            long proc = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1_000_000;
            System.err.println("start-trace " + what + " at " + (now - FirstFrame.launchStart()) + " ms (+" + (now - last) + "), FX thread CPU " + (cpu - lastCpu)
                    + " ms, process CPU " + proc + " ms");
            lastCpu = cpu;
            last = now;
        }
    }

    /**
     * Loads the workspace to start with: the file given, else the most recent one (read off the FX thread once the
     * window runs: the window shows at once and takes the file when it is ready), else the demo. Returns a problem
     * to show now, or null; a file that turns out unreadable later opens the demo and says so in a dialog.
     */
    private String openInitialWorkspace(LaunchOptions options) {
        if (persist) {
            vm.files().runOn(WorkspaceFiles.backgroundThread(), Platform::runLater);
        }
        if (options.workspace() != null) {
            Path file = options.workspace();
            return opened(vm.files().openAsync(file), () -> {
                if (persist) {
                    settings.addRecentFile(file);
                }
            }, e -> "Cannot open " + file + ": " + describe(e) + ". PerpRisk opened the demo instead.");
        }
        Optional<Path> recent = recentToReopen();
        if (recent.isPresent()) {
            Path file = recent.get();
            return opened(vm.files().openAsync(file), () -> { },
                    e -> "Cannot open the most recent workspace " + file + ": " + describe(e)
                            + ". PerpRisk opened the demo instead.");
        }
        loadDemo();
        return null;
    }

    /**
     * What an initial open came to: when it is complete already (the screenshot reads on this thread) the problem
     * or null; else null now, and once it completes (on the FX thread) {@code onOpened}, or the demo and a dialog.
     */
    private String opened(CompletableFuture<Void> open, Runnable onOpened, Function<Throwable, String> problem) {
        if (open.isDone()) {
            try {
                open.join();
                onOpened.run();
                return null;
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                loadDemo();
                return problem.apply(WorkspaceFiles.cause(e));
            }
        }
        open.whenComplete((ok, failure) -> {
            if (failure == null) {
                onOpened.run();
                if (persist) {
                    settings.save();
                }
            } else {
                loadDemo();
                view.setDialogsErrorLater(problem.apply(WorkspaceFiles.cause(failure)));
            }
        });
        return null;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : com.perprisk.io.Messages.oneLine(e.getMessage());
    }

    /** Whether the window opens on the demo: no file given, and no most recent file to reopen. */
    private boolean startsOnDemo(LaunchOptions options) {
        return options.workspace() == null && recentToReopen().isEmpty();
    }

    /** The most recent workspace, reopened at start when it still exists (not on a first run or a screenshot). */
    private Optional<Path> recentToReopen() {
        if (!persist || settings.firstRun()) {
            return Optional.empty();
        }
        List<Path> recent = settings.recentFiles();
        return recent.isEmpty() || !Files.exists(recent.get(0)) ? Optional.empty() : Optional.of(recent.get(0));
    }

    private void loadDemo() {
        if (demoLoaded) {
            demoLoaded = false; // the background-made model has it already; a later loadDemo (a failed open) loads
            return;
        }
        try {
            vm.load(StartupPrefetch.demo(), null);
        } catch (WorkspaceException | RuntimeException e) {
            vm.files().newWorkspace();
        }
    }

    /**
     * Crash recovery: offers the copies a crash left (only what is newer than its saved file), then keeps a copy of
     * this window's unsaved work written shortly after each edit, off the FX thread. Stale temporary files of
     * interrupted saves are removed from the folders of recent files.
     */
    private void startSession() {
        Path marker = settings.sessionMarker();
        RecoveryStore store = new RecoveryStore(settings.autosaveDirectory());
        recoveryWriter = new RecoveryWriter(store);
        List<RecoveryStore.Entry> left = store.left();
        view.offerRecovery(store, left);
        recovery = new DocumentRecovery(vm, recoveryWriter);
        List<Path> folders = settings.recentFiles().stream().map(p -> p.toAbsolutePath().getParent())
                .filter(java.util.Objects::nonNull).distinct().toList();
        Thread cleaner = new Thread(() -> folders.forEach(AtomicFiles::cleanStale), "perprisk-clean-temp");
        cleaner.setDaemon(true);
        cleaner.start();
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            // the marker only says that a session runs
        }
        settings.markStarted();
        settings.save();
    }

    private void closeWindow() {
        stage.hide();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (!persist || settings == null) {
            return;
        }
        if (recovery != null) {
            recovery.closed();
        }
        if (recoveryWriter != null) {
            recoveryWriter.close();
        }
        if (stage != null) {
            settings.setWindowBounds(new AppSettings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized()));
        }
        settings.setTheme(theme.themeProperty().get());
        settings.save();
        deleteQuietly(settings.sessionMarker());
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // nothing to do
        }
    }

    /** Waits for layout and the panels' first paint, then writes the scene as a PNG and exits. */
    private static void screenshot(Scene scene, Path file) {
        screenshot(scene, file, 3);
    }

    /**
     * Lays the window out {@code settle} more times before the picture: a layout can move a split's divider after
     * it (the tiles' height, the positions' rows), which the next layout shows.
     */
    private static void screenshot(Scene scene, Path file, int settle) {
        PauseTransition wait = new PauseTransition(Duration.millis(settle == 3 ? 900 : 150));
        wait.setOnFinished(e -> {
            if (settle > 0) {
                scene.snapshot(null);
                screenshot(scene, file, settle - 1);
                return;
            }
            int code = 0;
            try {
                WritableImage image = scene.snapshot(null);
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
                System.out.println("screenshot: " + file.toAbsolutePath() + " (" + (int) image.getWidth() + "×"
                        + (int) image.getHeight() + ")");
            } catch (IOException | RuntimeException ex) {
                System.err.println("perprisk: cannot write the screenshot: " + ex.getMessage());
                code = 1;
            }
            Platform.exit();
            System.exit(code);
        });
        wait.play();
    }
}
