package com.perprisk.io;

/**
 * One problem with one field of a workspace, named by its JSON path ({@code positions[2].leverage}).
 * An ERROR stops the portfolio being built; a WARNING is shown and the value is used (or ignored) as explained.
 *
 * @param path     JSON path of the field, or "" for the document as a whole
 * @param message  one sentence naming the problem and the values involved
 * @param severity ERROR or WARNING
 */
public record FieldProblem(String path, String message, Severity severity) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public static FieldProblem error(String path, String message) {
        return new FieldProblem(path, message, Severity.ERROR);
    }

    public static FieldProblem warning(String path, String message) {
        return new FieldProblem(path, message, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path: message}, or just the message when there is no path; always one line. */
    @Override
    public String toString() {
        String m = Messages.oneLine(message);
        return path == null || path.isEmpty() ? m : Messages.oneLine(path) + ": " + m;
    }
}
