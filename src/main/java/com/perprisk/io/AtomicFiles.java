package com.perprisk.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a file so that a crash never leaves it half-written: the content goes to a temporary file in the same
 * folder, is synced to disk, and is then moved over the target in one step. On any failure the previous file is
 * untouched and the temporary file is removed. Every save and export of the app goes through here.
 *
 * <p>Around the write: a symbolic link is followed (its target is replaced, the link stays); an existing file keeps
 * its permissions; a read-only file is refused, not replaced; failures say why in words ("permission denied",
 * "no such folder", "is a folder"). Temporary files are named {@code .NAME.perprisk-DIGITS.tmp}; ones left behind by
 * a killed process are removed by {@link #cleanStale}.
 */
public final class AtomicFiles {
    /** A temporary file older than this is no save in progress: {@link #cleanStale} removes it. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);
    /** Our temporary files, this naming and the one before it ({@code .NAME.DIGITS.tmp}). */
    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.(perprisk-)?[0-9]+\\.tmp");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LINKS = 40;

    private AtomicFiles() {
    }

    /** What to write. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Test seam: runs after the temporary file is written and synced, before it is moved into place. */
    @FunctionalInterface
    interface BeforeMove {
        void run(Path temp) throws IOException;
    }

    public static void write(Path file, Content content) throws IOException {
        write(file, content, temp -> {
        });
    }

    static void write(Path file, Content content, BeforeMove beforeMove) throws IOException {
        Path target = followLinks(file.toAbsolutePath());
        Path dir = target.getParent();
        if (dir == null || target.getFileName() == null || Files.isDirectory(target)) {
            throw new IOException(file + " is a folder, not a file name");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(Files.exists(dir) ? dir + " is not a folder" : "no such folder " + dir);
        }
        Set<PosixFilePermission> keep = null;
        if (Files.exists(target)) {
            keep = permissions(target);
            if (readOnly(target, keep)) {
                throw new IOException(target + " is read-only; it was not replaced (make it writable or save under"
                        + " another name)");
            }
        }
        Path temp = createTemp(dir, target.getFileName().toString());
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch));
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            if (keep != null) {
                Files.setPosixFilePermissions(temp, keep);
            }
            beforeMove.run(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncFolder(dir);
        } catch (AccessDeniedException e) {
            throw new IOException("permission denied writing " + target, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the caller already gets the original failure
                }
            }
        }
    }

    /**
     * Removes temporary files of our naming older than {@link #STALE_AFTER} from a folder (left there by a process
     * killed during a save); returns how many. A missing or unreadable folder removes nothing.
     */
    public static int cleanStale(Path dir) {
        int removed = 0;
        Instant before = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> TEMP_NAME.matcher(
                p.getFileName().toString()).matches())) {
            for (Path p : files) {
                try {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                            && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
                        Files.delete(p);
                        removed++;
                    }
                } catch (IOException ignored) {
                    // another process may hold or have removed it
                }
            }
        } catch (IOException | RuntimeException e) {
            return removed;
        }
        return removed;
    }

    /** The file a path names after following symbolic links (also a link whose target does not exist yet). */
    private static Path followLinks(Path path) throws IOException {
        Path p = path;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(p); i++) {
            Path to = Files.readSymbolicLink(p);
            Path parent = p.getParent();
            p = (parent == null ? to : parent.resolve(to)).normalize();
        }
        if (Files.isSymbolicLink(p)) {
            throw new IOException(path + ": too many symbolic links");
        }
        return p;
    }

    private static Set<PosixFilePermission> permissions(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return null;
        }
        return Files.getPosixFilePermissions(file);
    }

    /** Read-only by its mode (which even root respects here), or not writable for this user. */
    private static boolean readOnly(Path file, Set<PosixFilePermission> mode) {
        if (mode != null && !mode.contains(PosixFilePermission.OWNER_WRITE)) {
            return true;
        }
        return !Files.isWritable(file);
    }

    /** A new empty file {@code .NAME.perprisk-DIGITS.tmp}, created with the permissions any new file gets. */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + ".perprisk-" + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            } catch (AccessDeniedException e) {
                throw new IOException("permission denied: the folder " + dir + " is read-only for this user", e);
            } catch (NoSuchFileException e) {
                throw new IOException("no such folder " + dir, e);
            }
        }
    }

    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not every platform can open or sync a folder; the file itself is already synced
        }
    }
}
