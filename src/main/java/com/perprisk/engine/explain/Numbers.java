package com.perprisk.engine.explain;

import java.math.BigDecimal;
import java.math.MathContext;

/** Locale-independent number text for formulas: short, exact enough to check by hand, never "NaN". */
public final class Numbers {
    private Numbers() {
    }

    /** Up to 10 significant digits, no exponent, no trailing zeros; "∞" and "undefined" for the non-finite. */
    public static String plain(double v) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal bd = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros();
        String s = bd.toPlainString();
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    /** A value in parentheses when negative, so that substituted formulas read unambiguously. */
    public static String term(double v) {
        String s = plain(v);
        return v < 0 ? "(" + s + ")" : s;
    }
}
