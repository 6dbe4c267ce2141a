package com.perprisk.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 14 item 11: the atomic save around the write, on a temporary folder. Where permissions matter and the
 * test runs as root (root may write anything), the check runs in a child JVM as user "nobody" via setpriv; without
 * setpriv it is skipped with a message.
 */
class AtomicFilesTest {

    private static void write(Path f, String text) throws IOException {
        AtomicFiles.write(f, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static boolean posix(Path dir) {
        return Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }

    @Test
    void staleTemporaryFilesOfOurNamingAreCleaned(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("w.perprisk.json");
        write(f, "old");
        Path staleOld = dir.resolve(".w.perprisk.json.8125561378951.tmp");
        Path staleNew = dir.resolve(".w.perprisk.json.perprisk-4411.tmp");
        Path fresh = dir.resolve(".other.json.perprisk-77.tmp");
        Path notOurs = dir.resolve(".w.perprisk.json.swp");
        Path userTmp = dir.resolve("notes.tmp");
        for (Path p : List.of(staleOld, staleNew, fresh, notOurs, userTmp)) {
            Files.writeString(p, "x".repeat(100));
        }
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        for (Path p : List.of(staleOld, staleNew, notOurs, userTmp)) {
            Files.setLastModifiedTime(p, hourAgo);
        }
        int removed = AtomicFiles.cleanStale(dir);
        assertEquals(2, removed);
        assertFalse(Files.exists(staleOld) || Files.exists(staleNew));
        assertTrue(Files.exists(fresh), "a temporary file younger than the stale age may be a save in progress");
        assertTrue(Files.exists(notOurs) && Files.exists(userTmp), "other programs' files stay");
        assertEquals(0, AtomicFiles.cleanStale(dir.resolve("no-such-folder")));
    }

    @Test
    void anExistingFilesPermissionsAreKept(@TempDir Path dir) throws Exception {
        assumeTrue(posix(dir), "POSIX permissions only");
        Path f = dir.resolve("shared.perprisk.json");
        write(f, "one");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-r--"));
        write(f, "two");
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals("two", Files.readString(f));
        Path fresh = dir.resolve("new.perprisk.json");
        write(fresh, "new");
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(fresh),
                "a new file gets the permissions any program's new file gets (the umask's), not always 0600");
    }

    @Test
    void aReadOnlyFileIsRefusedAndKept(@TempDir Path dir) throws Exception {
        assumeTrue(posix(dir), "POSIX permissions only");
        Path f = dir.resolve("locked.perprisk.json");
        write(f, "keep me");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        IOException e = assertThrows(IOException.class, () -> write(f, "overwrite"));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        assertEquals("keep me", Files.readString(f));
        assertEquals(List.of(f), list(dir), "no temporary file is left");
    }

    @Test
    void savingThroughASymbolicLinkWritesToItsTarget(@TempDir Path dir) throws Exception {
        Path real = Files.createDirectories(dir.resolve("real")).resolve("w.perprisk.json");
        write(real, "one");
        Path link = Files.createSymbolicLink(dir.resolve("link.perprisk.json"), real);
        Path linkToLink = Files.createSymbolicLink(dir.resolve("link2.perprisk.json"), link);
        write(linkToLink, "two");
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(linkToLink), "the links stay links");
        assertEquals("two", Files.readString(real));
        assertEquals(List.of(real), list(real.getParent()));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("real/target.json"));
        write(dangling, "three");
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("three", Files.readString(dir.resolve("real/target.json")));
    }

    @Test
    void aMissingFolderSaysNoSuchFolder(@TempDir Path dir) {
        Path f = dir.resolve("gone/deeper/w.perprisk.json");
        IOException e = assertThrows(IOException.class, () -> write(f, "x"));
        assertTrue(e.getMessage().contains("no such folder") && e.getMessage().contains("gone"), e.getMessage());
        WorkspaceException w = assertThrows(WorkspaceException.class, () -> WorkspaceCodec.write(Samples.demo(), f));
        assertTrue(w.getMessage().contains("no such folder"), w.getMessage());
        assertFalse(w.getMessage().contains(".tmp"), w.getMessage());
    }

    @Test
    void savingToTheRootOrAFolderGivesAClearMessage(@TempDir Path dir) {
        for (Path p : List.of(Path.of("/"), dir)) {
            IOException e = assertThrows(IOException.class, () -> write(p, "x"));
            assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
            WorkspaceException w = assertThrows(WorkspaceException.class, () -> WorkspaceCodec.write(Samples.demo(), p));
            assertTrue(w.getMessage().contains("is a folder") && !w.getMessage().contains("NullPointer"),
                    w.getMessage());
        }
    }

    // ------------------------------------------------------------------ as a user without root's rights

    @Test
    void aReadOnlyFolderSaysPermissionDenied() throws Exception {
        Path dir = Files.createTempDirectory("perprisk-atomic");
        try {
            assumeTrue(posix(dir), "POSIX permissions only");
            Path ro = Files.createDirectory(dir.resolve("read-only"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
            Path target = ro.resolve("w.perprisk.json");
            String message = asNonRoot(target);
            assertTrue(message.contains("permission denied") && message.contains("read-only"), message);
            assertFalse(message.contains(".tmp"), message);
            assertFalse(Files.exists(target));
        } finally {
            Files.setPosixFilePermissions(dir.resolve("read-only"), PosixFilePermissions.fromString("rwxr-xr-x"));
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Saves to a file as a user who is not root: in this JVM when it is not root, else in a child JVM as "nobody"
     * (setpriv). Returns the failure's message, or "saved".
     */
    private static String asNonRoot(Path target) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return AtomicFilesProbe.save(target);
        }
        Path setpriv = Stream.of("/usr/bin/setpriv", "/bin/setpriv").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        assumeTrue(setpriv != null, "running as root without setpriv: the permission check needs a non-root user, "
                + "skipped");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(setpriv.toString(), "--reuid=65534", "--regid=65534",
                "--clear-groups", javaBin, "-cp", cp, AtomicFilesProbe.class.getName(), target.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(p.exitValue() == 0, "the child JVM as nobody could not run (" + out + "): skipped");
        return out;
    }
}
