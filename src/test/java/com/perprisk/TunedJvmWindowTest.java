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
        return run(jar, args);
    }

    private static Result run(Path jar, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dperprisk.settings.dir=" + dir.resolve("settings"), "-Dperprisk.cache.dir=" + dir.resolve("cache")));
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
        // JavaFX's class-path warning (and the java.util.logging start-up it cost) is gone: ConsoleLoggerFinder
        assertFalse(r.out().contains("Unsupported JavaFX configuration"), r.out());
        assertFalse(r.out().contains("com.sun.javafx.application.PlatformImpl startup"), r.out());
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

    /**
     * A jar as the build makes it: the classes inside, the libraries' jars on its manifest's class path (a class
     * path with folders cannot be archived).
     */
    private static Path packedJar() throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "com.perprisk.Launcher");
        // relative entries in lib/, as the build writes them (JDK 17's CDS does not follow file: URLs)
        Path packed = dir.resolve("packed").resolve("perprisk.jar");
        Path lib = Files.createDirectories(packed.resolveSibling("lib"));
        List<String> entries = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path from = Path.of(p).toAbsolutePath();
            if (p.endsWith(".jar") && !Files.exists(lib.resolve(from.getFileName()))) {
                Files.createSymbolicLink(lib.resolve(from.getFileName()), from);
                entries.add("lib/" + from.getFileName());
            }
        }
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", entries));
        Path classes = Path.of("target", "classes");
        try (OutputStream out = Files.newOutputStream(packed); JarOutputStream j = new JarOutputStream(out, m);
                var files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                j.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
        return packed;
    }

    @Test
    void theFirstSessionWritesTheJarsClassArchiveAndTheNextStartsMapIt() throws Exception {
        Path packed = packedJar();
        Path cache = dir.resolve("cache");
        Result first = run(packed, "-Dperprisk.exitAfterFirstFrame=true", "-Dperprisk.settleMs=1", "-jar");
        assertEquals(0, first.status(), first.out());
        assertFalse(first.out().contains("[warning][cds"), "no CDS warning reaches the terminal: " + first.out());
        String name = "perprisk-" + JarArchive.key(packed) + ".jsa";
        List<Path> archives;
        try (var files = Files.list(cache)) {
            archives = files.filter(f -> f.getFileName().toString().startsWith(name)).toList();
        }
        assertEquals(1, archives.size(), "the archive is in place, no temporary file left");
        // the user's own -Xlog comes after the archive's quiet options: the child tells where each class came from
        Result r = run(packed, "-Xlog:class+load=info", "-Dperprisk.exitAfterFirstFrame=true", "-Dperprisk.settleMs=1",
                "-jar");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("javafx.scene.control.Control source: shared objects file (top)")),
                () -> "JavaFX's classes come from the archive, not the jars: " + r.out().lines()
                        .filter(l -> l.contains("Control ") || l.contains("cds")).limit(5).toList());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("com.perprisk.ui.PerpRiskApp source: shared objects file (top)")),
                "and so do the app's");
    }

    @Test
    void onTheWayToTheWindowNeitherJvmLoadsTheCommandTableNorTheManagementClasses() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("class-logs"));
        Result r = run("-Xlog:class+load:file=" + logs.resolve("classes-%p.txt"), "-Dperprisk.exitAfterFirstFrame=true",
                "-Dperprisk.settleMs=1", "-jar");
        assertEquals(0, r.status(), r.out());
        List<List<String>> jvms = new ArrayList<>();
        try (var files = Files.list(logs)) {
            for (Path f : files.toList()) {
                jvms.add(Files.readAllLines(f));
            }
        }
        assertEquals(2, jvms.size(), "the launcher and the window's JVM");
        for (List<String> classes : jvms) {
            boolean child = classes.stream().anyMatch(l -> l.contains(" com.perprisk.ui.PerpRiskApp "));
            // the main thread's own loads up to the start of the background prefetch (which preloads what it likes)
            List<String> mainThread = child ? classes.subList(0, classes.indexOf(classes.stream()
                    .filter(l -> l.contains(" com.perprisk.ui.StartupPrefetch ")).findFirst().orElseThrow())) : classes;
            assertTrue(mainThread.stream().anyMatch(l -> l.contains(" com.perprisk.Launcher ")), "logged from the start");
            assertFalse(mainThread.stream().anyMatch(l -> l.contains(" com.perprisk.cli.")), "no command classes");
            if (child) {
                assertFalse(mainThread.stream().anyMatch(l -> l.contains(" java.lang.management.ManagementFactory ")),
                        "the child has no options to pass on");
            } else {
                // up to the window JVM's start (ProcessImpl: ProcessBuilder.start) the launcher reads its options from
                // /proc/self/cmdline, passes no start time without the trace, and uses no regular expression and no
                // lambda of the app's
                List<String> beforeChild = classes.subList(0, classes.indexOf(classes.stream()
                        .filter(l -> l.contains(" java.lang.ProcessImpl ")).findFirst().orElseThrow()));
                assertFalse(beforeChild.stream().anyMatch(l -> l.contains(" java.lang.management.ManagementFactory ")),
                        "no management classes in the launcher");
                assertFalse(beforeChild.stream().anyMatch(l -> l.contains(" java.util.regex.Pattern ")), "no regex");
                assertFalse(beforeChild.stream().anyMatch(l -> l.matches(".* com\\.perprisk\\.\\S*\\$\\$Lambda.*")),
                        "no lambdas of the app's in the launcher");
            }
        }
    }
}
