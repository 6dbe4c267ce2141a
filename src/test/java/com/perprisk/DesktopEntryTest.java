package com.perprisk;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14 item 6: starting the app with no display says so in one line and points to the headless ways. */
class DesktopEntryTest {

    @Test
    void noDisplayIsOneLineThatPointsToScreenshotAndTheCommands() {
        String m = DesktopEntry.displayProblem("Linux", Map.of(), null).orElseThrow();
        assertEquals(1, m.lines().count(), m);
        assertTrue(m.contains("DISPLAY") && m.contains("--screenshot") && m.contains("calc"), m);
        assertTrue(DesktopEntry.displayProblem("Linux", Map.of("DISPLAY", ":0"), null).isEmpty());
        assertTrue(DesktopEntry.displayProblem("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null).isEmpty());
        assertTrue(DesktopEntry.displayProblem("Linux", Map.of(), "Monocle").isEmpty());
        assertTrue(DesktopEntry.displayProblem("Windows 11", Map.of(), null).isEmpty());
        assertTrue(DesktopEntry.displayProblem("Mac OS X", Map.of(), null).isEmpty());
    }

    /** The real launcher in its own JVM, as a user without a display starts it: no stack trace, exit 1. */
    @Test
    void theLauncherWithoutADisplayExitsWithOneLine() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "com.perprisk.Launcher"));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher returns");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(1, p.exitValue(), out);
        assertEquals(1, out.lines().count(), out);
        assertFalse(out.contains("Exception") || out.contains("\tat "), out);
        assertTrue(out.contains("--screenshot"), out);
    }

    /** A mistyped command never reaches the app: exit 2 from the launcher's own JVM. */
    @Test
    void aMistypedCommandIsAUsageErrorFromTheLauncher() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "com.perprisk.Launcher", "cacl", "demo.json"));
        pb.environment().remove("DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher returns");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.startsWith("unknown command cacl") && out.contains("see --help"), out);
    }
}
