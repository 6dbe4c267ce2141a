package com.perprisk.engine.explain;

/**
 * Evaluates the right-hand side of an explanation's substituted formula ({@code LP = (1000 + 50 − 1 × 60000) /
 * (1 × 0.005 − 1)}): numbers, {@code + − - × /}, parentheses, unary minus, {@code max(a, b)}, {@code min(a, b)}
 * and {@code floor(a)} (whole contracts).
 *
 * <p>Alongside each value it carries a bound on its error: every number in the text is rounded to 10 significant
 * digits ({@link Numbers#plain}), so a literal x is off by at most |x| × 5e-10, and the bound is propagated through
 * each operation. A working is right when the figure lies within that bound of the evaluated text.
 */
final class Arithmetic {
    /** A value and a bound on its absolute error. */
    record Value(double value, double error) {
    }

    private static final double LITERAL_ROUNDING = 5e-10;

    private final String text;
    private int at;

    private Arithmetic(String text) {
        this.text = text;
    }

    /** The value of the text after the first {@code " = "}. */
    static Value rightHandSide(String substituted) {
        int eq = substituted.indexOf(" = ");
        if (eq < 0) {
            throw new IllegalArgumentException("no \" = \" in " + substituted);
        }
        return evaluate(substituted.substring(eq + 3));
    }

    static Value evaluate(String expression) {
        Arithmetic a = new Arithmetic(expression);
        Value v = a.sum();
        a.skipBlanks();
        if (a.at != a.text.length()) {
            throw a.error("unexpected text");
        }
        return v;
    }

    private Value sum() {
        Value v = product();
        while (true) {
            skipBlanks();
            if (eat('+')) {
                Value w = product();
                v = new Value(v.value + w.value, v.error + w.error);
            } else if (eat('−') || eat('-')) {
                Value w = product();
                v = new Value(v.value - w.value, v.error + w.error);
            } else {
                return v;
            }
        }
    }

    private Value product() {
        Value v = unary();
        while (true) {
            skipBlanks();
            if (eat('×')) {
                Value w = unary();
                v = new Value(v.value * w.value, Math.abs(v.value) * w.error + Math.abs(w.value) * v.error
                        + v.error * w.error);
            } else if (eat('/')) {
                Value w = unary();
                double q = v.value / w.value;
                double denominator = Math.abs(w.value) - w.error;
                double error = denominator > 0 ? (v.error + Math.abs(q) * w.error) / denominator
                        : Double.POSITIVE_INFINITY;
                v = new Value(q, error);
            } else {
                return v;
            }
        }
    }

    private Value unary() {
        skipBlanks();
        if (eat('−') || eat('-')) {
            Value v = unary();
            return new Value(-v.value, v.error);
        }
        return primary();
    }

    private Value primary() {
        skipBlanks();
        if (eat('(')) {
            Value v = sum();
            expect(')');
            return v;
        }
        if (text.startsWith("max(", at) || text.startsWith("min(", at)) {
            boolean max = text.startsWith("max(", at);
            at += 4;
            Value a = sum();
            expect(',');
            Value b = sum();
            expect(')');
            Value pick = max ? (a.value >= b.value ? a : b) : (a.value <= b.value ? a : b);
            return new Value(pick.value, Math.max(a.error, b.error));
        }
        if (text.startsWith("floor(", at)) {
            at += 6;
            Value a = sum();
            expect(')');
            double f = Math.floor(a.value);
            // whole contracts: a value within its error of a whole number may floor either way
            boolean edge = a.value - f <= a.error || f + 1 - a.value <= a.error;
            return new Value(f, edge ? 1 : 0);
        }
        int start = at;
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        if (start == at) {
            throw error("a number, ( or max( expected");
        }
        double v = Double.parseDouble(text.substring(start, at));
        return new Value(v, Math.abs(v) * LITERAL_ROUNDING);
    }

    private void skipBlanks() {
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
    }

    private boolean eat(char c) {
        skipBlanks();
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!eat(c)) {
            throw error("'" + c + "' expected");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at " + at + " in \"" + text + "\"");
    }
}
