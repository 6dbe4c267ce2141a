package com.perprisk.io;

import com.perprisk.io.JsonTree.Node;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The reading preamble every versioned PerpRisk document shares (workspaces, market-lab documents, presets, lessons,
 * the bundled indexes): the file read within the 16 MB cap, the root that must be an object, and the "format" and
 * "version" checks. Every failure is a {@link WorkspaceException} naming the line, column and field.
 */
final class DocumentPreamble {
    private DocumentPreamble() {
    }

    /**
     * The bytes of a document file, at most {@link JsonTree#MAX_BYTES}; {@code noun} says what the file should be
     * ("a workspace file") in the message for a folder.
     */
    static byte[] readFile(Path file, String noun) throws WorkspaceException {
        try {
            if (Files.isDirectory(file)) {
                throw new WorkspaceException(WorkspaceException.Kind.IO, file + " is a folder, not " + noun);
            }
            long size = Files.size(file);
            if (size > JsonTree.MAX_BYTES) {
                throw JsonTree.tooLarge(size);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return JsonTree.readCapped(in);
            }
        } catch (NoSuchFileException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "file not found: " + file, e);
        } catch (AccessDeniedException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The root of a document of {@code format} (called {@code what} in messages, "workspace") as an object with the
     * {@code known} fields, its format and version checked against {@code current}.
     */
    static JsonObject root(Node root, String format, String what, int current, Set<String> known)
            throws WorkspaceException {
        if (!root.isObject()) {
            throw new WorkspaceException(WorkspaceException.Kind.FORMAT, "not a PerpRisk " + what + ": expected a JSON "
                    + "object with \"format\": \"" + format + "\", got " + root.describe(), null, root.line(),
                    root.column(), null);
        }
        JsonObject o = JsonObject.of(root, "", known);
        checkFormatAndVersion(o, format, what, current);
        return o;
    }

    /**
     * The "format" and "version" checks: a missing or wrong format is {@link WorkspaceException.Kind#FORMAT}; a
     * version above {@code current} (or below 1) is {@link WorkspaceException.Kind#VERSION}.
     */
    static void checkFormatAndVersion(JsonObject o, String format, String what, int current)
            throws WorkspaceException {
        Node f = o.child("format");
        if (f == null) {
            throw new WorkspaceException(WorkspaceException.Kind.FORMAT, "not a PerpRisk " + what
                    + ": the \"format\" field is missing (expected \"" + format + "\")", null,
                    o.node().line(), o.node().column(), null);
        }
        if (!(f.value() instanceof String s) || !s.equals(format)) {
            throw new WorkspaceException(WorkspaceException.Kind.FORMAT, "not a PerpRisk " + what + ": \"format\" is "
                    + f.describe() + ", expected \"" + format + "\"", "format", f.line(), f.column(), null);
        }
        Node v = o.child("version");
        if (v == null) {
            throw new WorkspaceException(WorkspaceException.Kind.VERSION, "missing; this version of PerpRisk reads "
                    + what + " version " + current, "version", o.node().line(), o.node().column(), null);
        }
        Integer version = integer(o, "version");
        if (version > current) {
            throw new WorkspaceException(WorkspaceException.Kind.VERSION, "this " + what
                    + " was written by a newer PerpRisk (format version " + version + "); this version reads version "
                    + current, null, v.line(), v.column(), null);
        }
        if (version < 1) {
            throw new WorkspaceException(WorkspaceException.Kind.VERSION, "expected " + current + ", got " + version
                    + " (no such version)", "version", v.line(), v.column(), null);
        }
    }

    /** A whole-number field, or {@code null} when absent; a fraction or a number beyond int is a type error. */
    static Integer integer(JsonObject o, String name) throws WorkspaceException {
        Node n = o.child(name);
        if (n == null) {
            return null;
        }
        Object v = n.value();
        BigDecimal bd = v instanceof BigDecimal d ? d : v instanceof BigInteger bi ? new BigDecimal(bi)
                : v instanceof Number num ? BigDecimal.valueOf(num.longValue()) : null;
        if (bd == null) {
            throw JsonObject.typeError(n, o.childPath(name), "a whole number");
        }
        try {
            return bd.intValueExact();
        } catch (ArithmeticException e) {
            throw JsonObject.typeError(n, o.childPath(name), "a whole number");
        }
    }
}
