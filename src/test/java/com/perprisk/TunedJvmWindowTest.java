package com.perprisk;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: {@code java -jar} moves the desktop app to a child JVM with tuned options, and the user sees one
 * program: its output, its exit status. Runs a jar that holds only a manifest (main class and this test's class
 * path), on Monocle's headless platform.
 */
@Tag("ui")
class TunedJvmWindowTest {
    @TempDir
    static Path dir;
    private static Path jar;

    @BeforeAll
    static void writeJar() throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "com.perprisk.Launcher");
        String cp = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" "));
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, cp);
        jar = dir.resolve("perprisk-test.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
    }

    private static Result run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dperprisk.settings.dir=" + dir.resolve("settings")));
        int jarAt = List.of(args).indexOf("-jar");
        cmd.addAll(List.of(args).subList(0, jarAt));
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(List.of(args).subList(jarAt + 1, args.length));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "exits");
        return new Result(p.exitValue(), out);
    }

    private record Result(int status, String out) {
    }

    @Test
    void theWindowOpensInTheChildAndItsOutputComesThrough() throws Exception {
        Result r = run("-Dperprisk.exitAfterFirstFrame=true", "-Dperprisk.settleMs=1", "-jar");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("first-frame-ms=\\d+")), r.out());
        // only the child (started with the parent's start time) reports the parent's resident set
        assertTrue(r.out().lines().anyMatch(l -> l.matches("rss-launcher-kb=\\d+")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("rss-app-kb=\\d+")), r.out());
    }

    @Test
    void theChildsExitStatusAndMessageAreTheLaunchers() throws Exception {
        Result r = run("-jar", "--size", "10x10");
        assertEquals(2, r.status(), r.out());
        assertTrue(r.out().contains("perprisk: --size must be between"), r.out());
    }

    @Test
    void relaunchFalseKeepsTheAppInProcess() throws Exception {
        Result r = run("-Dperprisk.relaunch=false", "-Dperprisk.exitAfterFirstFrame=true", "-Dperprisk.settleMs=1",
                "-jar");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("rss-kb=\\d+")), r.out());
        assertFalse(r.out().contains("rss-launcher-kb"), r.out());
    }

    @Test
    void headlessCommandsNeverStartAChild() throws Exception {
        Result r = run("-Dperprisk.exitAfterFirstFrame=true", "-jar", "--version");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().strip().startsWith("PerpRisk "), r.out());
    }
}
