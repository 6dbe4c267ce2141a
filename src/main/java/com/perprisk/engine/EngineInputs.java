package com.perprisk.engine;

import com.perprisk.engine.explain.Numbers;

/**
 * Guards for the inputs of engine formulas. Each check either returns the value unchanged or throws an
 * {@link EngineException} whose message names the input in a trader's words, so that no formula ever computes
 * with NaN or an infinity and no formula ever returns one.
 */
public final class EngineInputs {
    private EngineInputs() {
    }

    /** A finite number (no NaN, no infinity). */
    public static double finite(String name, double value) {
        if (Double.isNaN(value)) {
            throw new EngineException(name + " is not a number");
        }
        if (Double.isInfinite(value)) {
            throw new EngineException(name + " must be finite, got " + Numbers.plain(value));
        }
        return value;
    }

    /** A finite number above zero, e.g. a price. */
    public static double positive(String name, double value) {
        finite(name, value);
        if (value <= 0) {
            throw new EngineException(name + " must be above 0, got " + Numbers.plain(value));
        }
        return value;
    }

    /** A finite number of zero or more, e.g. a size or a fund balance. */
    public static double nonNegative(String name, double value) {
        finite(name, value);
        if (value < 0) {
            throw new EngineException(name + " must not be negative, got " + Numbers.plain(value));
        }
        return value;
    }

    /** A non-null reference; the message says the input is missing. */
    public static <T> T present(String name, T value) {
        if (value == null) {
            throw new EngineException(name + " is missing");
        }
        return value;
    }

    /** The result of a formula: finite, or an exception naming the quantity that could not be computed. */
    public static double result(String quantity, double value) {
        if (!Double.isFinite(value)) {
            throw new EngineException(quantity + " cannot be computed from these inputs (it would be "
                    + Numbers.plain(value) + ")");
        }
        return value;
    }
}
