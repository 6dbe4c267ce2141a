package com.perprisk.ui.settings;

import com.perprisk.io.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * What the app remembers between runs: theme, window bounds, recent files, and where autosaves go. Stored as a
 * small properties file in the user's application-data folder; the system property {@code perprisk.settings.dir}
 * moves it (tests point it at target/test-settings). A missing or unreadable file gives the defaults.
 */
public final class AppSettings {
    public static final String DIR_PROPERTY = "perprisk.settings.dir";
    public static final int MAX_RECENT = 8;

    /** Light or dark theme. */
    public enum Theme {
        LIGHT,
        DARK
    }

    /** Window position and size; {@code maximized} restores a maximized window. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    private final Path dir;
    private final Properties props = new Properties();

    private AppSettings(Path dir) {
        this.dir = dir;
    }

    /** Loads the settings from their folder (the default one unless {@code perprisk.settings.dir} is set). */
    public static AppSettings load() {
        return load(defaultDirectory());
    }

    public static AppSettings load(Path dir) {
        AppSettings s = new AppSettings(dir);
        Path file = s.file();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                s.props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                s.props.clear();
            }
        }
        return s;
    }

    /**
     * The application-data folder: {@code perprisk.settings.dir} if set; else %APPDATA%\PerpRisk on Windows,
     * ~/Library/Application Support/PerpRisk on macOS, $XDG_CONFIG_HOME/perprisk or ~/.config/perprisk elsewhere.
     */
    public static Path defaultDirectory() {
        String override = System.getProperty(DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home", "."));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming"))
                    .resolve("PerpRisk");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("PerpRisk");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("perprisk");
    }

    public Path directory() {
        return dir;
    }

    public Path file() {
        return dir.resolve("settings.properties");
    }

    /** Folder for the crash-recovery copies (one per open document) and the running-session markers. */
    public Path autosaveDirectory() {
        return dir.resolve("autosave");
    }

    /** Present while this process's app runs (one per process, so two windows never share one). */
    public Path sessionMarker() {
        return autosaveDirectory().resolve("session-" + ProcessHandle.current().pid() + ".lock");
    }

    public Theme theme() {
        try {
            return Theme.valueOf(props.getProperty("theme", "LIGHT"));
        } catch (IllegalArgumentException e) {
            return Theme.LIGHT;
        }
    }

    public void setTheme(Theme theme) {
        props.setProperty("theme", theme.name());
    }

    public boolean firstRun() {
        return !Boolean.parseBoolean(props.getProperty("started", "false"));
    }

    public void markStarted() {
        props.setProperty("started", "true");
    }

    public Optional<WindowBounds> windowBounds() {
        try {
            double x = Double.parseDouble(props.getProperty("window.x"));
            double y = Double.parseDouble(props.getProperty("window.y"));
            double w = Double.parseDouble(props.getProperty("window.width"));
            double h = Double.parseDouble(props.getProperty("window.height"));
            boolean max = Boolean.parseBoolean(props.getProperty("window.maximized", "false"));
            if (!(w >= 200 && h >= 150) || !Double.isFinite(x) || !Double.isFinite(y)) {
                return Optional.empty();
            }
            return Optional.of(new WindowBounds(x, y, w, h, max));
        } catch (NullPointerException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void setWindowBounds(WindowBounds b) {
        props.setProperty("window.x", Double.toString(b.x()));
        props.setProperty("window.y", Double.toString(b.y()));
        props.setProperty("window.width", Double.toString(b.width()));
        props.setProperty("window.height", Double.toString(b.height()));
        props.setProperty("window.maximized", Boolean.toString(b.maximized()));
    }

    /** Recently opened or saved files, newest first. */
    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = props.getProperty("recent." + i);
            if (p != null && !p.isBlank()) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    /** Puts a file at the top of the recent list (once), keeping at most {@link #MAX_RECENT}. */
    public void addRecentFile(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recentFiles());
        list.removeIf(p -> p.toAbsolutePath().normalize().equals(abs));
        list.add(0, abs);
        setRecent(list);
    }

    public void removeRecentFile(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recentFiles());
        list.removeIf(p -> p.toAbsolutePath().normalize().equals(abs));
        setRecent(list);
    }

    private void setRecent(List<Path> list) {
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                props.setProperty("recent." + i, list.get(i).toString());
            } else {
                props.remove("recent." + i);
            }
        }
    }

    /** Writes the settings atomically (temporary file, then move). Failures are returned, not thrown. */
    public Optional<IOException> save() {
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(file(), out -> props.store(out, "PerpRisk settings"));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e);
        }
    }
}
