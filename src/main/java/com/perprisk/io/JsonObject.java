package com.perprisk.io;

import com.perprisk.io.JsonTree.Node;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to the fields of one JSON object node, with errors that name the field's path, line and column.
 * Fields never asked for are unknown: {@link #extra()} hands them back in file order to be preserved.
 */
final class JsonObject {
    private final Node node;
    private final String path;
    private final Set<String> known;

    private JsonObject(Node node, String path, Set<String> known) {
        this.node = node;
        this.path = path;
        this.known = known;
    }

    /** The node as an object with the given known field names; anything else is an error. */
    static JsonObject of(Node node, String path, Set<String> known) throws WorkspaceException {
        if (!node.isObject()) {
            throw typeError(node, path, "an object");
        }
        return new JsonObject(node, path, known);
    }

    String path() {
        return path;
    }

    Node node() {
        return node;
    }

    String childPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The raw child, or {@code null} when absent or JSON null. */
    Node child(String name) {
        Node n = node.object().get(name);
        return n == null || n.isNull() ? null : n;
    }

    boolean has(String name) {
        return child(name) != null;
    }

    Double number(String name) throws WorkspaceException {
        Node n = child(name);
        return n == null ? null : toDouble(n, childPath(name));
    }

    /** Numbers as numbers; text that is a plain number is accepted too (Binance's API sends "125"). */
    Double lenientNumber(String name) throws WorkspaceException {
        Node n = child(name);
        if (n != null && n.value() instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the type error
            }
        }
        return n == null ? null : toDouble(n, childPath(name));
    }

    static Double toDouble(Node n, String at) throws WorkspaceException {
        if (!(n.value() instanceof Number num)) {
            throw typeError(n, at, "a number");
        }
        double d = num instanceof BigDecimal bd ? bd.doubleValue()
                : num instanceof BigInteger bi ? bi.doubleValue() : num.doubleValue();
        boolean underflow = d == 0 && num instanceof BigDecimal big && big.signum() != 0;
        if (!Double.isFinite(d) || underflow) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID,
                    "the number " + n.describe() + " is out of range", at, n.line(), n.column(), null);
        }
        return d;
    }

    String text(String name) throws WorkspaceException {
        Node n = child(name);
        if (n == null) {
            return null;
        }
        if (!(n.value() instanceof String s)) {
            throw typeError(n, childPath(name), "text");
        }
        return s;
    }

    /** Text that must be there and not blank; else "missing" at its path. */
    String requiredText(String name) throws WorkspaceException {
        String s = text(name);
        if (s == null || s.isBlank()) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "missing", childPath(name), node.line(),
                    node.column(), null);
        }
        return s;
    }

    Boolean bool(String name) throws WorkspaceException {
        Node n = child(name);
        if (n == null) {
            return null;
        }
        if (!(n.value() instanceof Boolean b)) {
            throw typeError(n, childPath(name), "true or false");
        }
        return b;
    }

    JsonObject object(String name, Set<String> knownFields) throws WorkspaceException {
        Node n = child(name);
        return n == null ? null : of(n, childPath(name), knownFields);
    }

    List<Node> array(String name) throws WorkspaceException {
        Node n = child(name);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            throw typeError(n, childPath(name), "an array");
        }
        return n.array();
    }

    /** Unknown fields, in file order, as plain values (a field given as null is kept as null). */
    Map<String, Object> extra() {
        Map<String, Object> out = new LinkedHashMap<>();
        node.object().forEach((k, v) -> {
            if (!known.contains(k)) {
                out.put(k, v.plain());
            }
        });
        return Collections.unmodifiableMap(out);
    }

    static WorkspaceException typeError(Node n, String at, String expected) {
        return new WorkspaceException(WorkspaceException.Kind.INVALID, "expected " + expected + ", got "
                + n.describe(), at.isEmpty() ? null : at, n.line(), n.column(), null);
    }
}
