package com.perprisk.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a crash never leaves it half-written: the content goes to a temporary file in the same
 * folder, is synced to disk, and is then moved over the target in one step. On any failure the previous file is
 * untouched and the temporary file is removed. Every save and export of the app goes through here.
 */
public final class AtomicFiles {
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
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch));
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            beforeMove.run(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncFolder(dir);
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

    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not every platform can open or sync a folder; the file itself is already synced
        }
    }
}
