package com.perprisk.engine;

import com.perprisk.engine.explain.Numbers;

import java.math.BigDecimal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one vocabulary of what an input may be: the range of every kind of number a workspace holds and how a choice
 * (side, margin mode, convention…) is written. The file mapper, the tier table, the app's fields and the headless
 * commands all judge with these rules, so that they accept and refuse exactly the same inputs. Ranges are documented
 * in {@code docs/workspace-format.md} ("Ranges"). Inside them every figure of the must-exist set is a finite number.
 */
public enum InputRule {
    /** Cross wallet balance, quote currency. */
    WALLET_BALANCE(0, true, 1e15, "from 0 to 1e15"),
    /** Mark, index, entry and dated-future prices. */
    PRICE(1e-9, true, 1e12, "a price from 1e-9 to 1e12"),
    /** Position size in base units. */
    SIZE(1e-12, true, 1e15, "a size from 1e-12 to 1e15"),
    /** Leverage chosen for a position: no venue offers less than 1x. */
    LEVERAGE(1, true, 10_000, "at least 1 and at most 10000 (no venue offers less than 1x)"),
    /** A bracket's max leverage. */
    MAX_LEVERAGE(1, true, 10_000, "at least 1 and at most 10000"),
    /** Margin posted to an isolated position. */
    MARGIN(0, true, 1e15, "from 0 to 1e15"),
    /** Margin added (positive) or removed (negative) after opening. */
    MARGIN_CHANGE(-1e15, true, 1e15, "from -1e15 to 1e15"),
    /** Taker fee rate. */
    FEE_RATE(0, true, 1, false, "a rate from 0 up to 1 (0.0005 = 0.05%)"),
    /** Funding rate per settlement. */
    FUNDING_RATE(-1, false, 1, false, "a rate per settlement between -1 and 1 (0.0001 = 0.01%)"),
    /** Hours between funding settlements: a minute to a year. */
    FUNDING_INTERVAL(1.0 / 60, true, 8760, "from 1/60 h (one minute) to 8760 h (a year)"),
    /** The workspace's horizon. */
    HORIZON(0, false, 87_600, "above 0 and at most 87600 h (ten years)"),
    /** Days until a dated future expires. */
    DAYS_TO_EXPIRY(0, false, 36_500, "above 0 and at most 36500 days"),
    /** A bracket's maintenance margin rate. */
    MMR(1e-6, true, 1, false, "a rate from 0.000001 up to 1 (0.004 = 0.4%)"),
    /** dYdX's initial margin fraction and maintenance fraction. */
    FRACTION(1e-4, true, 1, "a fraction from 0.0001 to 1 (0.05 = 5%)"),
    /** Bracket floors and caps, open interest and its caps, maintenance amounts: quote currency. */
    NOTIONAL(0, true, 1e18, "from 0 to 1e18");

    private final double min;
    private final boolean minInclusive;
    private final double max;
    private final boolean maxInclusive;
    private final String range;

    InputRule(double min, boolean minInclusive, double max, String range) {
        this(min, minInclusive, max, true, range);
    }

    InputRule(double min, boolean minInclusive, double max, boolean maxInclusive, String range) {
        this.min = min;
        this.minInclusive = minInclusive;
        this.max = max;
        this.maxInclusive = maxInclusive;
        this.range = range;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The range in words, e.g. x. */
    public String range() {
        return range;
    }

    public boolean accepts(double v) {
        return problem(v) == null;
    }

    /**
     * What is wrong with a value, as the end of "field: …" ("must be positive, got 0"), or {@code null} when the
     * value is inside the range.
     */
    public String problem(double v) {
        if (!Double.isFinite(v)) {
            return "must be a finite number, got " + show(v);
        }
        boolean belowMin = minInclusive ? v < min : v <= min;
        if (belowMin) {
            if (min >= 0 && v <= 0 && !(min == 0 && minInclusive)) {
                return "must be positive, got " + show(v);
            }
            if (min == 0 && minInclusive) {
                return "must not be negative, got " + show(v);
            }
            return "must be " + range + ", got " + show(v);
        }
        boolean aboveMax = maxInclusive ? v > max : v >= max;
        if (aboveMax) {
            return "must be " + range + ", got " + show(v);
        }
        return null;
    }

    /**
     * A choice as written in a file or typed in a field: its constant's name, in any case, with "-" or a space for
     * "_" ({@code one-way}, {@code One Way} and {@code ONE_WAY} are the same); {@code null} when it names nothing.
     */
    public static <E extends Enum<E>> E choice(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) {
                return e;
            }
        }
        return null;
    }

    /**
     * A number for a message: plain when it is of everyday size ("-2", "0.005"), else short scientific ("1E-320",
     * "1E+300"); "NaN", "Infinity", "-Infinity" as JSON would spell them.
     */
    public static String show(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        double abs = Math.abs(v);
        if (v == 0 || abs >= 1e-6 && abs < 1e15) {
            return Numbers.plain(v).replace('−', '-');
        }
        return BigDecimal.valueOf(v).round(new java.math.MathContext(10)).stripTrailingZeros().toString();
    }

    /** The names a choice allows, for messages: "LONG, SHORT". */
    public static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
