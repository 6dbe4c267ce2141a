package com.perprisk;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13: the class-data archive {@code java -jar} writes on its first desktop session and maps on every later one. */
class JarArchiveTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty(JarArchive.ENABLED);
        System.clearProperty(JarArchive.DIR);
    }

    private Path jar(String classPath) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        Path jar = dir.resolve("perprisk.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return jar;
    }

    /** The manifest's class path splits at any white space, as the JVM reads it (no regular expression). */
    @Test
    void aClassPathSplitsAtWhiteSpace() {
        assertEquals(List.of("lib/a.jar", "lib/b.jar", "c.jar"), JarArchive.words("  lib/a.jar \t lib/b.jar\n c.jar "));
        assertEquals(List.of("one.jar"), JarArchive.words("one.jar"));
        assertEquals(List.of(), JarArchive.words(" \t "));
    }

    @Test
    void theFirstStartWritesTheArchiveAtExitAndLaterStartsMapIt() throws Exception {
        Path cache = dir.resolve("cache");
        JarArchive first = JarArchive.forJar(jar(null), List.of(), cache).orElseThrow();
        assertTrue(first.trains());
        assertEquals(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:ArchiveClassesAtExit=" + first.training()),
                first.options());
        assertTrue(first.training().getFileName().toString().endsWith("." + ProcessHandle.current().pid() + ".tmp"),
                first.training().toString());
        assertEquals(cache, first.archive().getParent());

        Files.write(first.training(), new byte[] {1, 2, 3}); // what the JVM writes at exit
        first.finish(0);
        assertTrue(Files.isRegularFile(first.archive()));
        assertFalse(Files.exists(first.training()));

        JarArchive later = JarArchive.forJar(dir.resolve("perprisk.jar"), List.of(), cache).orElseThrow();
        assertFalse(later.trains());
        assertEquals(first.archive(), later.archive());
        assertEquals(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xshare:auto",
                "-XX:SharedArchiveFile=" + first.archive()), later.options());
    }

    @Test
    void aSessionThatEndsBadlyLeavesNoArchiveAndNoTemporaryFile() throws Exception {
        JarArchive a = JarArchive.forJar(jar(null), List.of(), dir.resolve("cache")).orElseThrow();
        Files.write(a.training(), new byte[] {1});
        a.finish(1);
        assertFalse(Files.exists(a.archive()));
        assertFalse(Files.exists(a.training()));
        assertTrue(a.trains(), "the next start trains again");
        a.finish(0); // a clean exit whose JVM wrote nothing (no space, say): still nothing half-made
        assertFalse(Files.exists(a.archive()));
    }

    @Test
    void aNewArchiveDeletesTheStaleOnesButNotAnotherStartsTraining() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path stale = Files.write(cache.resolve("perprisk-0000000000000001.jsa"), new byte[] {1});
        Path deadTraining = Files.write(cache.resolve("perprisk-0000000000000002.jsa.999999999.tmp"), new byte[] {1});
        Path liveTraining = Files.write(cache.resolve("perprisk-0000000000000003.jsa."
                + ProcessHandle.current().parent().orElseThrow().pid() + ".tmp"), new byte[] {1});
        Path notOurs = Files.write(cache.resolve("notes.txt"), new byte[] {1});
        JarArchive a = JarArchive.forJar(jar(null), List.of(), cache).orElseThrow();
        Files.write(a.training(), new byte[] {1});
        a.finish(0);
        assertTrue(Files.exists(a.archive()));
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(deadTraining));
        assertTrue(Files.exists(liveTraining), "a launcher that still runs is writing it");
        assertTrue(Files.exists(notOurs));
    }

    @Test
    void theNameChangesWithTheJarTheJarsItNamesAndTheJdk() throws Exception {
        Files.createDirectories(dir.resolve("lib"));
        Path lib = Files.write(dir.resolve("lib").resolve("a.jar"), new byte[] {1});
        Path jar = jar("lib/a.jar");
        String key = JarArchive.key(jar);
        assertEquals(key, JarArchive.key(jar));
        assertTrue(key.matches("[0-9a-f]{16}"), key);

        Files.setLastModifiedTime(lib, FileTime.fromMillis(Files.getLastModifiedTime(lib).toMillis() + 5000));
        String libChanged = JarArchive.key(jar);
        assertNotEquals(key, libChanged, "a rebuilt library");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
        assertNotEquals(libChanged, JarArchive.key(jar), "a rebuilt jar");

        String home = System.getProperty("java.home");
        String before = JarArchive.key(jar);
        try {
            System.setProperty("java.home", home + "-other");
            assertNotEquals(before, JarArchive.key(jar), "another JDK");
        } finally {
            System.setProperty("java.home", home);
        }
    }

    @Test
    void theUsersOwnCdsOptionsOrTheSwitchTurnItOff() throws Exception {
        Path jar = jar(null);
        for (String o : List.of("-Xshare:off", "-XX:SharedArchiveFile=mine.jsa", "-XX:-UseSharedSpaces")) {
            assertTrue(JarArchive.forJar(jar, List.of(o), dir).isEmpty(), o);
        }
        assertTrue(JarArchive.forJar(jar, List.of("-Dfoo=1", "-Xmx512m"), dir).isPresent());
        System.setProperty(JarArchive.ENABLED, "false");
        assertTrue(JarArchive.forJar(jar, List.of(), dir).isEmpty());
    }

    @Test
    void noFolderNoArchive() throws Exception {
        Path file = Files.write(dir.resolve("a-file"), new byte[] {1});
        assertTrue(JarArchive.forJar(jar(null), List.of(), file.resolve("cache")).isEmpty());
    }

    @Test
    void theArchiveOptionsComeAfterTheTunedOnesAndBeforeTheUsers() {
        List<String> cmd = TunedJvm.command("java", List.of("-Xlog:cds=info"), List.of("-Xlog:cds=off", "-X:a"),
                Path.of("p.jar"), new String[] {"x"}, 1);
        int tuned = cmd.indexOf(TunedJvm.OPTIONS.get(TunedJvm.OPTIONS.size() - 1).option());
        assertEquals(List.of("-Xlog:cds=off", "-X:a", "-Xlog:cds=info"), cmd.subList(tuned + 1, tuned + 4));
    }

    @Test
    void theCacheFolderFollowsTheDesktopsConventions() {
        String os = System.getProperty("os.name");
        String home = System.getProperty("user.home");
        try {
            System.setProperty("user.home", "/home/u");
            System.setProperty("os.name", "Linux");
            assertEquals(Path.of("/x/perprisk"), JarArchive.defaultDirectory(Map.of("XDG_CACHE_HOME", "/x")));
            assertEquals(Path.of("/home/u/.cache/perprisk"), JarArchive.defaultDirectory(Map.of()));
            System.setProperty("os.name", "Mac OS X");
            assertEquals(Path.of("/home/u/Library/Caches/PerpRisk"), JarArchive.defaultDirectory(Map.of()));
            System.setProperty(JarArchive.DIR, "/tmp/c");
            assertEquals(Path.of("/tmp/c"), JarArchive.defaultDirectory(Map.of()));
        } finally {
            System.setProperty("os.name", os);
            System.setProperty("user.home", home);
        }
    }
}
