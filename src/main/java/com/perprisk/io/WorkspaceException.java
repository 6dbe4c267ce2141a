package com.perprisk.io;

/**
 * A workspace, preset or tier import that cannot be read or written. The message is one line a user can act on and
 * names the place: {@code line 7, column 15: positions[0].size: expected a number, got "abc"}. No stack trace is ever
 * needed to understand it.
 */
public class WorkspaceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, so that callers (the {@code calc} command) can pick an exit status. */
    public enum Kind {
        /** The file could not be opened or read (missing, a directory, no permission), or not written. */
        IO,
        /** Not well-formed JSON, or over a safety limit (size, nesting, string or number length). */
        SYNTAX,
        /** Well-formed JSON that is not a PerpRisk file of this kind ("format" missing or wrong). */
        FORMAT,
        /** Written by a newer PerpRisk (version above the one this build reads), or a version that never existed. */
        VERSION,
        /** A field of the wrong type or value. */
        INVALID
    }

    private final Kind kind;
    private final String path;
    private final int line;
    private final int column;

    public WorkspaceException(Kind kind, String message) {
        this(kind, message, null, -1, -1, null);
    }

    public WorkspaceException(Kind kind, String message, Throwable cause) {
        this(kind, message, null, -1, -1, cause);
    }

    /**
     * @param detail the problem in words, without the place
     * @param path   JSON path such as {@code positions[2].size}, or {@code null}
     * @param line   1-based line, or −1 when unknown
     * @param column 1-based column, or −1 when unknown
     */
    public WorkspaceException(Kind kind, String detail, String path, int line, int column, Throwable cause) {
        super(compose(detail, path, line, column), cause);
        this.kind = kind;
        this.path = path;
        this.line = line;
        this.column = column;
    }

    private static String compose(String detail, String path, int line, int column) {
        StringBuilder sb = new StringBuilder();
        if (line > 0) {
            sb.append("line ").append(line);
            if (column > 0) {
                sb.append(", column ").append(column);
            }
            sb.append(": ");
        }
        if (path != null && !path.isEmpty()) {
            path = Messages.oneLine(path);
            sb.append(path.length() > 120 ? path.substring(0, 60) + "…" + path.substring(path.length() - 40) : path)
                    .append(": ");
        }
        return sb.append(Messages.oneLine(detail)).toString();
    }

    public Kind kind() {
        return kind;
    }

    /** JSON path of the offending value, or {@code null}. */
    public String path() {
        return path;
    }

    /** 1-based line, or −1. */
    public int line() {
        return line;
    }

    /** 1-based column, or −1. */
    public int column() {
        return column;
    }
}
