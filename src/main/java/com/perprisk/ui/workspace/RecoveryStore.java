package com.perprisk.ui.workspace;

import com.perprisk.io.AtomicFiles;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.LongPredicate;

/**
 * The crash-recovery copies on disk: one per open document, keyed by its file's path (or by an id for an untitled
 * one), each a workspace file {@code KEY.perprisk.json} with a small {@code KEY.recovery.properties} beside it saying
 * which file it belongs to, when it was last edited and by which process. Plain file work, no JavaFX: the app calls
 * it off the FX thread through {@link RecoveryWriter}.
 *
 * <p>After a crash {@link #left()} lists the copies whose process no longer runs and that are newer than their
 * saved file; a copy older than its file (the work was saved after it) is deleted, never offered.
 */
public final class RecoveryStore {
    /** A recovery copy left by a process that is gone. */
    public record Entry(String key, Path originalFile, String name, Instant editedAt, long pid) {
    }

    private static final String DOC = ".perprisk.json";
    private static final String META = ".recovery.properties";

    private final Path dir;
    private final long pid;
    private final LongPredicate alive;

    /** A store in {@code dir} for this process. */
    public RecoveryStore(Path dir) {
        this(dir, ProcessHandle.current().pid(), p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false));
    }

    /** Test seam: the process id written into copies, and which process ids still run. */
    RecoveryStore(Path dir, long pid, LongPredicate alive) {
        this.dir = dir;
        this.pid = pid;
        this.alive = alive;
    }

    public Path directory() {
        return dir;
    }

    /** The key of a saved document: a digest of its absolute path. */
    public static String keyFor(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return "file-" + HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh key for an untitled document. */
    public static String untitledKey() {
        return "untitled-" + UUID.randomUUID();
    }

    /** Writes (atomically) the recovery copy of a document and what it belongs to. */
    public void save(String key, WorkspaceDocument doc, Path originalFile, Instant editedAt)
            throws IOException, WorkspaceException {
        Files.createDirectories(dir);
        WorkspaceCodec.write(doc, dir.resolve(key + DOC));
        Properties meta = new Properties();
        meta.setProperty("file", originalFile == null ? "" : originalFile.toAbsolutePath().normalize().toString());
        meta.setProperty("name", doc.name() == null ? "" : doc.name());
        meta.setProperty("editedAt", Long.toString(editedAt.toEpochMilli()));
        meta.setProperty("pid", Long.toString(pid));
        AtomicFiles.write(dir.resolve(key + META), out -> meta.store(out, "PerpRisk recovery copy"));
    }

    /** Removes a document's recovery copy (after a save, or when the user discards the work). */
    public void delete(String key) {
        deleteQuietly(dir.resolve(key + DOC));
        deleteQuietly(dir.resolve(key + META));
    }

    /** Whether a document has a recovery copy on disk. */
    public boolean has(String key) {
        return Files.isRegularFile(dir.resolve(key + DOC));
    }

    /**
     * The copies a crash left: of processes no longer running, newest first. Copies older than the file they belong
     * to (saved since) and incomplete copies are deleted on the way; a live process's copies are left alone.
     */
    public List<Entry> left() {
        List<Entry> out = new ArrayList<>();
        AtomicFiles.cleanStale(dir);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> metas = Files.newDirectoryStream(dir, "*" + META)) {
            for (Path m : metas) {
                String key = m.getFileName().toString();
                key = key.substring(0, key.length() - META.length());
                readEntry(key, m).ifPresent(out::add);
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(Entry::editedAt).reversed());
        return out;
    }

    private Optional<Entry> readEntry(String key, Path metaFile) {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(metaFile)) {
            meta.load(in);
            long owner = Long.parseLong(meta.getProperty("pid", "-1"));
            if (owner != pid && alive.test(owner)) {
                return Optional.empty(); // another PerpRisk is still working on it
            }
            Instant edited = Instant.ofEpochMilli(Long.parseLong(meta.getProperty("editedAt", "0")));
            String file = meta.getProperty("file", "");
            Path original = file.isEmpty() ? null : Path.of(file);
            if (!has(key)) {
                delete(key);
                return Optional.empty();
            }
            if (original != null && Files.exists(original)
                    && !Files.getLastModifiedTime(original).toInstant().isBefore(edited)) {
                delete(key); // the file was saved after this copy: restoring it would revert saved work
                return Optional.empty();
            }
            return Optional.of(new Entry(key, original, meta.getProperty("name", ""), edited, owner));
        } catch (IOException | RuntimeException e) {
            delete(key);
            return Optional.empty();
        }
    }

    /** The workspace of a copy. */
    public WorkspaceDocument read(Entry e) throws WorkspaceException {
        return WorkspaceCodec.read(dir.resolve(e.key() + DOC));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a copy that cannot be removed is offered again and can be discarded then
        }
    }
}
