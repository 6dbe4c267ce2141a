package com.perprisk.ui.display;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Number text for the result panels (tiles, charts, explain, scenario). Never prints NaN or Infinity: a value that
 * does not exist is shown as {@link #DASH}, usually followed by the reason. Grouping and decimal point are fixed
 * (1,234.56) so that screenshots and tests read the same everywhere.
 */
public final class Display {
    /** Shown in place of a value that does not exist. */
    public static final String DASH = "—";

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.US);

    private Display() {
    }

    private static DecimalFormat format(String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, SYMBOLS);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }

    private static String minus(String s) {
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    /** An amount of quote currency with two decimals: 1,234.56. */
    public static String money(double v) {
        if (!Double.isFinite(v)) {
            return DASH;
        }
        String s = format("#,##0.00").format(v);
        return minus(s.equals("-0.00") ? "0.00" : s);
    }

    /** A signed amount: +12.50 / −3.00. */
    public static String signedMoney(double v) {
        if (!Double.isFinite(v)) {
            return DASH;
        }
        String s = money(v);
        return v > 0 && !s.equals("0.00") ? "+" + s : s;
    }

    /** A price: two decimals for prices ≥ 1, six significant digits below. */
    public static String price(double v) {
        if (!Double.isFinite(v)) {
            return DASH;
        }
        if (Math.abs(v) >= 1 || v == 0) {
            return money(v);
        }
        BigDecimal bd = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        return minus(bd.toPlainString());
    }

    /** A rate as a percentage: 0.0123 → "1.23 %". Small rates get more decimals (0.0001 → "0.0100 %"). */
    public static String percent(double rate) {
        if (!Double.isFinite(rate)) {
            return DASH;
        }
        double pct = rate * 100;
        String pattern = Math.abs(pct) >= 1 || pct == 0 ? "#,##0.00" : "0.0000";
        String s = format(pattern).format(pct);
        if (s.matches("-0[.,]0+")) {
            s = s.substring(1);
        }
        return minus(s) + " %";
    }

    /** A signed percentage move: +5.00 % / −12.30 %. */
    public static String signedPercent(double rate) {
        String s = percent(rate);
        return rate > 0 && Double.isFinite(rate) ? "+" + s : s;
    }

    /** Up to 10 significant digits, no grouping: for tables of formula terms. */
    public static String exact(double v) {
        if (!Double.isFinite(v)) {
            return DASH;
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal bd = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros();
        String plain = bd.toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String frac = dot < 0 ? "" : plain.substring(dot);
        boolean neg = intPart.startsWith("-");
        if (neg) {
            intPart = intPart.substring(1);
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < intPart.length(); i++) {
            if (i > 0 && (intPart.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(intPart.charAt(i));
        }
        return (neg ? "−" : "") + grouped + frac;
    }

    /** A number with a unit: "1,234.56 USDT"; rates ("rate" unit) as percentages. */
    public static String withUnit(double v, String unit) {
        if (!Double.isFinite(v)) {
            return DASH;
        }
        if (unit == null || unit.isBlank()) {
            return exact(v);
        }
        if (unit.equals("rate") || unit.equals("%")) {
            return percent(v);
        }
        return exact(v) + " " + unit;
    }

    /** A value that may not exist: the formatted value, or "— (reason)". */
    public static String orDash(Double v, java.util.function.DoubleFunction<String> fmt, String reason) {
        if (v == null || !Double.isFinite(v)) {
            return reason == null || reason.isBlank() ? DASH : DASH + " (" + reason + ")";
        }
        return fmt.apply(v);
    }
}
