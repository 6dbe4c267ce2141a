package com.perprisk.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hardened JSON reader that keeps the line and column of every value, so that later type and value errors can name
 * their place. Limits: {@link #MAX_BYTES} per document, nesting {@link #MAX_DEPTH}, strings {@link #MAX_STRING},
 * numbers {@link #MAX_NUMBER} characters. Duplicate keys, NaN/Infinity tokens, comments and anything after the root
 * value are refused. Package-private: the codec, presets and importers share it.
 */
final class JsonTree {
    static final long MAX_BYTES = 16L * 1024 * 1024;
    static final int MAX_DEPTH = 64;
    static final int MAX_STRING = 1_000_000;
    static final int MAX_NUMBER = 100;
    static final int MAX_NAME = 10_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNumberLength(MAX_NUMBER)
                    .maxNameLength(MAX_NAME)
                    .maxDocumentLength(MAX_BYTES)
                    .build())
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    /**
     * A JSON value with where it started. {@code value} is a {@code Map<String, Node>} (insertion-ordered),
     * {@code List<Node>}, {@code String}, {@code Boolean}, a {@code Number} (Integer, Long or BigInteger for integers,
     * BigDecimal for the rest, exactly as written), or {@code null} for JSON null.
     */
    record Node(Object value, int line, int column) {
        boolean isObject() {
            return value instanceof Map;
        }

        boolean isArray() {
            return value instanceof List;
        }

        boolean isNull() {
            return value == null;
        }

        @SuppressWarnings("unchecked")
        Map<String, Node> object() {
            return (Map<String, Node>) value;
        }

        @SuppressWarnings("unchecked")
        List<Node> array() {
            return (List<Node>) value;
        }

        /** The value as a plain Java object (maps, lists, numbers, strings, booleans, null): for unknown fields. */
        Object plain() {
            if (value instanceof Map) {
                Map<String, Object> out = new LinkedHashMap<>();
                object().forEach((k, v) -> out.put(k, v.plain()));
                return Collections.unmodifiableMap(out);
            }
            if (value instanceof List) {
                List<Object> out = new ArrayList<>();
                array().forEach(v -> out.add(v.plain()));
                return Collections.unmodifiableList(out);
            }
            return value;
        }

        /** "a number 5", "\"abc\"", "an object" … for "expected X, got Y" messages. */
        String describe() {
            if (value == null) {
                return "null";
            }
            if (value instanceof Map) {
                return "an object";
            }
            if (value instanceof List) {
                return "an array";
            }
            if (value instanceof String s) {
                return quote(s);
            }
            if (value instanceof BigDecimal bd) {
                return bd.toString();
            }
            return String.valueOf(value);
        }
    }

    private JsonTree() {
    }

    static String quote(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return "\"" + printable(shown.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }

    static Node parse(String text) throws WorkspaceException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.length() > MAX_BYTES) {
            throw tooLarge(text.length());
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            return parseRoot(p);
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "cannot read: " + e.getMessage(), e);
        }
    }

    static Node parse(byte[] bytes) throws WorkspaceException {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(bytes.length);
        }
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return parseRoot(p);
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads at most {@link #MAX_BYTES} (+1 to detect more) from a stream; does not close it. */
    static byte[] readCapped(InputStream in) throws WorkspaceException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > MAX_BYTES) {
                    throw tooLarge(total);
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "cannot read: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    static WorkspaceException tooLarge(long size) {
        return new WorkspaceException(WorkspaceException.Kind.SYNTAX, "the input is too large ("
                + (size > MAX_BYTES ? "more than " : "") + megabytes(Math.min(size, MAX_BYTES + 1))
                + "); the limit is 16 MB");
    }

    private static String megabytes(long bytes) {
        return new BigDecimal(bytes).divide(new BigDecimal(1024 * 1024), 1, java.math.RoundingMode.HALF_UP)
                .toPlainString() + " MB";
    }

    private static Node parseRoot(JsonParser p) throws WorkspaceException, IOException {
        Reader r = new Reader(p);
        boolean afterRoot = false;
        try {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new WorkspaceException(WorkspaceException.Kind.SYNTAX, "the input is empty");
            }
            Node root = r.value(t, "", 0);
            afterRoot = true;
            r.path = "";
            JsonToken after = p.nextToken();
            if (after != null) {
                JsonLocation loc = p.currentTokenLocation();
                throw new WorkspaceException(WorkspaceException.Kind.SYNTAX,
                        "unexpected content after the end of the JSON document", null, loc.getLineNr(),
                        loc.getColumnNr(), null);
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation() != null ? e.getLocation() : p.currentLocation();
            String message = afterRoot ? "unexpected content after the end of the JSON document" : friendly(e);
            String path = e instanceof StreamConstraintsException || afterRoot ? null : contextPath(p);
            throw new WorkspaceException(WorkspaceException.Kind.SYNTAX, message, path,
                    loc == null ? -1 : loc.getLineNr(), loc == null ? -1 : loc.getColumnNr(), e);
        }
    }

    /** The parser's position as a path like {@code positions[0].size}, from its parsing contexts. */
    private static String contextPath(JsonParser p) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String friendly(JsonProcessingException e) {
        String raw = e.getOriginalMessage();
        String msg = raw == null ? e.getClass().getSimpleName() : raw.lines().findFirst().orElse(raw);
        if (e instanceof StreamConstraintsException) {
            String lower = msg.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("nesting depth")) {
                return "arrays and objects are nested more than " + MAX_DEPTH + " levels deep";
            }
            if (lower.contains("string value length")) {
                return "a text value is longer than " + MAX_STRING + " characters";
            }
            if (lower.contains("number value length")) {
                return "a number is written with more than " + MAX_NUMBER + " characters";
            }
            if (lower.contains("name length")) {
                return "a field name is longer than " + MAX_NAME + " characters";
            }
            if (lower.contains("document length")) {
                return "the input is larger than 16 MB";
            }
            return msg;
        }
        if (msg.contains("Non-standard token") || msg.contains("NaN") || msg.contains("Infinity")) {
            return "NaN and Infinity are not JSON numbers; write a finite number";
        }
        // Jackson's advice to the programmer ("enable `JsonReadFeature.X` to allow") is not the user's to follow
        msg = msg.replaceAll("[:;,]?\\s*\\(?(or )?(enable|disable) `[^`]*`( to allow| to accept)?\\)?", "");
        int noise = msg.indexOf(" (start marker at");
        if (noise < 0) {
            noise = msg.indexOf(" at [Source");
        }
        if (noise > 0) {
            msg = msg.substring(0, noise);
        }
        if (msg.startsWith("Unexpected end-of-input")) {
            return "the JSON ends too early (truncated file?): " + msg.substring("Unexpected end-of-input".length())
                    .replaceFirst("^[:\\s]+", "");
        }
        return msg;
    }

    /** Recursive descent over the parser's tokens; {@code path} is the path of the value being read. */
    private static final class Reader {
        private final JsonParser p;
        private String path = "";

        Reader(JsonParser p) {
            this.p = p;
        }

        Node value(JsonToken t, String at, int depth) throws IOException, WorkspaceException {
            path = at;
            JsonLocation loc = p.currentTokenLocation();
            int line = loc.getLineNr();
            int col = loc.getColumnNr();
            switch (t) {
                case START_OBJECT -> {
                    Map<String, Node> map = new LinkedHashMap<>();
                    JsonToken k;
                    while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        String childPath = at.isEmpty() ? name : at + "." + name;
                        if (map.containsKey(name)) {
                            JsonLocation kl = p.currentTokenLocation();
                            throw new WorkspaceException(WorkspaceException.Kind.SYNTAX,
                                    "duplicate key " + quote(name) + " (each key may appear once per object)",
                                    at.isEmpty() ? null : at, kl.getLineNr(), kl.getColumnNr(), null);
                        }
                        path = childPath;
                        map.put(name, value(p.nextToken(), childPath, depth + 1));
                        path = at;
                    }
                    return new Node(Collections.unmodifiableMap(map), line, col);
                }
                case START_ARRAY -> {
                    List<Node> list = new ArrayList<>();
                    JsonToken v;
                    while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                        list.add(value(v, at + "[" + list.size() + "]", depth + 1));
                        path = at;
                    }
                    return new Node(Collections.unmodifiableList(list), line, col);
                }
                case VALUE_STRING -> {
                    return new Node(p.getText(), line, col);
                }
                case VALUE_NUMBER_INT -> {
                    Number n = p.getNumberValue();
                    if (n instanceof Integer || n instanceof Long) {
                        return new Node(n.longValue() == n.intValue() ? (Object) n.intValue() : n.longValue(),
                                line, col);
                    }
                    return new Node(n instanceof BigInteger ? n : new BigInteger(p.getText()), line, col);
                }
                case VALUE_NUMBER_FLOAT -> {
                    return new Node(decimal(p.getText(), at, line, col), line, col);
                }
                case VALUE_TRUE -> {
                    return new Node(Boolean.TRUE, line, col);
                }
                case VALUE_FALSE -> {
                    return new Node(Boolean.FALSE, line, col);
                }
                case VALUE_NULL -> {
                    return new Node(null, line, col);
                }
                default -> throw new WorkspaceException(WorkspaceException.Kind.SYNTAX, "unexpected " + t,
                        at.isEmpty() ? null : at, line, col, null);
            }
        }
    }

    /**
     * A JSON number with a fraction or exponent, exactly as written. An exponent beyond what a number can hold
     * ({@code 1e9999999999}, {@code 1E+2147483648}) is a value out of range at its field, like {@code 1e400}.
     */
    private static BigDecimal decimal(String text, String at, int line, int col) throws WorkspaceException {
        try {
            BigDecimal d = new BigDecimal(text);
            // BigDecimal holds exponents up to ±2^31 (and would spend gigabytes printing them); a double about ±308
            long magnitude = (long) d.precision() - d.scale();
            if (d.signum() != 0 && (magnitude > 1000 || magnitude < -1000)) {
                throw outOfRange(text, at, line, col);
            }
            return d;
        } catch (NumberFormatException | ArithmeticException e) {
            throw outOfRange(text, at, line, col);
        }
    }

    private static WorkspaceException outOfRange(String text, String at, int line, int col) {
        return new WorkspaceException(WorkspaceException.Kind.INVALID, "the number " + printable(text)
                + " is out of range", at.isEmpty() ? null : at, line, col, null);
    }

    static String printable(String s) {
        return Messages.oneLine(s);
    }

    /** UTF-8 text of bytes, for messages. */
    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
