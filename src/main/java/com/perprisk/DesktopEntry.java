package com.perprisk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Starts the desktop app; kept in its own class so that headless commands never load JavaFX classes. */
final class DesktopEntry {
    /** Exit status when the app cannot open a window. */
    static final int NO_DISPLAY = 1;

    private DesktopEntry() {
    }

    static void launch(String[] args) {
        if (Arrays.asList(args).contains("--screenshot")) {
            useHeadlessToolkit();
        } else {
            Optional<String> problem = displayProblem(System.getProperty("os.name", ""), System.getenv(),
                    System.getProperty("glass.platform"));
            if (problem.isPresent()) {
                System.err.println(problem.get());
                System.exit(NO_DISPLAY);
            }
        }
        Optional<Integer> status = TunedJvm.relaunch(args);
        if (status.isPresent()) {
            System.exit(status.get());
        }
        RenderingPipeline.chooseBeforeToolkitStarts();
        com.perprisk.ui.StartupPrefetch.start();
        try {
            javafx.application.Application.launch(com.perprisk.ui.PerpRiskApp.class, args);
        } catch (RuntimeException | Error e) {
            // the toolkit could not start (no display it can open, no graphics libraries): one line, no stack trace
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            System.err.println("perprisk: cannot open the desktop window (" + m.lines().findFirst().orElse(m)
                    + "). " + headlessHint());
            System.exit(NO_DISPLAY);
        }
    }

    /** What to do without a display; made when needed (the command table is not loaded on the way to a window). */
    static String headlessHint() {
        return "Without a display use --screenshot FILE.png [WORKSPACE.json] to render the window, or the headless "
                + "commands " + String.join(", ", com.perprisk.cli.Cli.commandNames()) + " (see --help).";
    }

    /**
     * Why no window can open, before JavaFX tries: on Linux and the BSDs a desktop needs {@code DISPLAY} (X11) or
     * {@code WAYLAND_DISPLAY}; Windows and macOS always have one. Empty when a window can be tried, or when the
     * Monocle platform (no display needed) is chosen.
     */
    static Optional<String> displayProblem(String osName, Map<String, String> env, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        boolean x11 = env.get("DISPLAY") != null && !env.get("DISPLAY").isBlank();
        boolean wayland = env.get("WAYLAND_DISPLAY") != null && !env.get("WAYLAND_DISPLAY").isBlank();
        if (x11 || wayland) {
            return Optional.empty();
        }
        return Optional.of("perprisk: no display to open the desktop window on (DISPLAY is not set). "
                + headlessHint());
    }

    /**
     * {@code --screenshot} renders without a display: Monocle's headless platform with the software pipeline. Must
     * run before the JavaFX toolkit starts. An explicit -D on the command line wins.
     */
    static void useHeadlessToolkit() {
        setDefault("glass.platform", "Monocle");
        setDefault("monocle.platform", "Headless");
        setDefault("prism.order", "sw");
        setDefault("headless.geometry", "3840x2160-32");
        setDefault("java.awt.headless", "true");
        setDefault("testfx.headless", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
