package com.perprisk.io;

import com.perprisk.engine.EngineException;
import com.perprisk.io.JsonTree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The field readers of market-lab documents: typed values with their range checks, choices, required fields and
 * engine constructors, each failure a {@link WorkspaceException} at the field's path. Unknown fields become warnings
 * in {@link #warnings}.
 */
final class LabFields {
    final List<FieldProblem> warnings = new ArrayList<>();

    JsonObject obj(Node n, String path, Set<String> known) throws WorkspaceException {
        return warnUnknown(JsonObject.of(n, path, known));
    }

    /** Adds a warning for each field of {@code o} it does not know; returns {@code o}. */
    JsonObject warnUnknown(JsonObject o) {
        for (String k : o.extra().keySet()) {
            warnings.add(FieldProblem.warning(o.childPath(k), "unknown field, ignored"));
        }
        return o;
    }

    JsonObject sub(JsonObject o, String name, Set<String> known) throws WorkspaceException {
        Node n = o.child(name);
        return n == null ? null : obj(n, o.childPath(name), known);
    }

    static List<Node> required(JsonObject o, String name) throws WorkspaceException {
        List<Node> a = o.array(name);
        if (a == null) {
            throw missing(o, name, "required");
        }
        return a;
    }

    static String requiredText(JsonObject o, String name) throws WorkspaceException {
        String s = o.text(name);
        if (s == null || s.isBlank()) {
            throw missing(o, name, "required");
        }
        return s;
    }

    static List<Double> numbers(JsonObject o, String name) throws WorkspaceException {
        List<Node> a = o.array(name);
        if (a == null) {
            return List.of();
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(JsonObject.toDouble(a.get(i), o.childPath(name) + "[" + i + "]"));
        }
        return out;
    }

    static <E extends Enum<E>> E choice(JsonObject o, String name, Class<E> type, E fallback)
            throws WorkspaceException {
        String s = o.text(name);
        if (s == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(o, name, "expected one of " + names(type) + ", got " + JsonTree.quote(s));
        }
    }

    static <E extends Enum<E>> E requiredChoice(JsonObject o, String name, Class<E> type)
            throws WorkspaceException {
        E e = choice(o, name, type, null);
        if (e == null) {
            throw missing(o, name, "required: one of " + names(type));
        }
        return e;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E c : type.getEnumConstants()) {
            names.add(c.name());
        }
        return String.join(", ", names);
    }

    static double pos(JsonObject o, String name, Double fallback) throws WorkspaceException {
        Double v = o.number(name);
        if (v == null) {
            return fallback(o, name, fallback);
        }
        if (v <= 0) {
            throw invalid(o, name, "must be above 0, got " + fmt(v));
        }
        return v;
    }

    static double nonNeg(JsonObject o, String name, Double fallback) throws WorkspaceException {
        Double v = o.number(name);
        if (v == null) {
            return fallback(o, name, fallback);
        }
        if (v < 0) {
            throw invalid(o, name, "must not be negative, got " + fmt(v));
        }
        return v;
    }

    /** The default of an absent field; absent without one is "missing: required". */
    private static double fallback(JsonObject o, String name, Double fallback) throws WorkspaceException {
        if (fallback == null) {
            throw missing(o, name, "required");
        }
        return fallback;
    }

    static Double optPos(JsonObject o, String name) throws WorkspaceException {
        return o.has(name) ? pos(o, name, null) : null;
    }

    static Double optNonNeg(JsonObject o, String name) throws WorkspaceException {
        return o.has(name) ? nonNeg(o, name, null) : null;
    }

    static int count(JsonObject o, String name, int fallback, int min) throws WorkspaceException {
        Double v = o.number(name);
        if (v == null) {
            return fallback;
        }
        if (v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw invalid(o, name, "expected a whole number, got " + fmt(v));
        }
        if (v < min) {
            throw invalid(o, name, "must be at least " + min + ", got " + fmt(v));
        }
        return (int) (double) v;
    }

    static double positive(Node n, String at) throws WorkspaceException {
        double v = JsonObject.toDouble(n, at);
        if (v <= 0) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "must be above 0, got " + fmt(v), at,
                    n.line(), n.column(), null);
        }
        return v;
    }

    static WorkspaceException invalid(JsonObject o, String name, String message) {
        Node n = o.child(name);
        Node at = n == null ? o.node() : n;
        return new WorkspaceException(WorkspaceException.Kind.INVALID, message, o.childPath(name), at.line(),
                at.column(), null);
    }

    static WorkspaceException missing(JsonObject o, String name, String message) {
        return new WorkspaceException(WorkspaceException.Kind.INVALID, "missing: " + message, o.childPath(name),
                o.node().line(), o.node().column(), null);
    }

    /** An engine constructor whose refusal becomes an error at the object's path. */
    interface Builder<T> {
        T build() throws WorkspaceException;
    }

    static <T> T build(String path, Node node, Builder<T> b) throws WorkspaceException {
        try {
            return b.build();
        } catch (EngineException e) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, e.getMessage(), path.isEmpty() ? null : path,
                    node.line(), node.column(), null);
        }
    }

    static String fmt(double v) {
        return com.perprisk.engine.explain.Numbers.plain(v);
    }
}
