package com.perprisk.ui;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code perprisk --screenshot FILE.png [WORKSPACE]} in a separate JVM, as a user runs it: no display, Monocle
 * headless forced by the launcher, a 1280×800 PNG written, exit code 0. Also the start-up measurement hook.
 */
@Tag("ui")
class ScreenshotCommandTest {

    private static Process launch(Path settings, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dperprisk.settings.dir=" + settings, "-cp", System.getProperty("java.class.path"),
                "com.perprisk.Launcher"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static String finish(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exits");
        return out;
    }

    @Test
    void writesAPngOfTheMainWindowWithoutADisplay(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("shot.png");
        Path workspace = Path.of("resources/workspaces/demo.perprisk.json").toAbsolutePath();
        Process p = launch(dir.resolve("settings"), "--screenshot", png.toString(), workspace.toString());
        String out = finish(p);
        assertEquals(0, p.exitValue(), out);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1280, img.getWidth());
        assertEquals(800, img.getHeight());
        assertTrue(img.getRGB(640, 400) != img.getRGB(5, 5) || img.getRGB(100, 200) != img.getRGB(5, 5),
                "not a blank image");
        assertTrue(!Files.exists(dir.resolve("settings").resolve("settings.properties")),
                "a screenshot leaves the user's settings alone");
    }

    @Test
    void aMissingWorkspaceFailsWithAMessage(@TempDir Path dir) throws Exception {
        Process p = launch(dir.resolve("settings"), "--screenshot", dir.resolve("x.png").toString(),
                dir.resolve("missing.perprisk.json").toString());
        String out = finish(p);
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("missing.perprisk.json"), out);
    }

    @Test
    void reportsTheFirstFrame(@TempDir Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dperprisk.settings.dir=" + dir.resolve("settings"), "-Dperprisk.exitAfterFirstFrame=true",
                "-cp", System.getProperty("java.class.path"), "com.perprisk.Launcher", "--screenshot",
                dir.resolve("z.png").toString()));
        Process q = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = finish(q);
        assertEquals(0, q.exitValue(), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("first-frame-ms=\\d+")), out);
    }
}
