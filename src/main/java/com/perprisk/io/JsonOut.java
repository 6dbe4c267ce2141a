package com.perprisk.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Shared JSON writing: two-space pretty printing, numbers as short exact text, plain values for unknown fields. */
final class JsonOut {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonOut() {
    }

    static JsonGenerator pretty(Writer w) throws IOException {
        return configure(FACTORY.createGenerator(w));
    }

    static JsonGenerator pretty(OutputStream out) throws IOException {
        return configure(FACTORY.createGenerator(out));
    }

    private static JsonGenerator configure(JsonGenerator g) {
        g.setPrettyPrinter(JsonLayout.pretty());
        return g;
    }

    /**
     * A finite double as the shortest text that reads back to the same double, without ".0" for whole numbers and
     * without an exponent in the everyday range; {@code null} for NaN and infinities (callers decide).
     */
    static String numberText(double d) {
        if (!Double.isFinite(d)) {
            return null;
        }
        if (d == 0) {
            return "0";
        }
        double abs = Math.abs(d);
        if (abs < 1e15 && d == Math.rint(d)) {
            return Long.toString((long) d);
        }
        if (abs >= 1e-6 && abs < 1e15) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return Double.toString(d);
    }

    /** Writes a finite double as a number, a non-finite one as null. */
    static void number(JsonGenerator g, double d) throws IOException {
        String s = numberText(d);
        if (s == null) {
            g.writeNull();
        } else {
            g.writeNumber(s);
        }
    }

    static void number(JsonGenerator g, Double d) throws IOException {
        if (d == null) {
            g.writeNull();
        } else {
            number(g, d.doubleValue());
        }
    }

    /** Writes a field only when the value is not null. */
    static void field(JsonGenerator g, String name, Double d) throws IOException {
        if (d != null) {
            if (!Double.isFinite(d)) {
                throw new IOException(name + " is " + d + "; only finite numbers can be saved");
            }
            g.writeFieldName(name);
            number(g, d);
        }
    }

    static void field(JsonGenerator g, String name, String s) throws IOException {
        if (s != null) {
            g.writeStringField(name, s);
        }
    }

    /** Unknown fields, written back as read. */
    static void extra(JsonGenerator g, Map<String, Object> extra) throws IOException {
        if (extra == null) {
            return;
        }
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            g.writeFieldName(e.getKey());
            plain(g, e.getValue());
        }
    }

    static void plain(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof BigDecimal bd) {
            g.writeNumber(bd);
        } else if (v instanceof BigInteger bi) {
            g.writeNumber(bi);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            number(g, ((Number) v).doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                plain(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                plain(g, o);
            }
            g.writeEndArray();
        } else {
            throw new IOException("cannot write a " + v.getClass().getSimpleName() + " as JSON");
        }
    }
}
