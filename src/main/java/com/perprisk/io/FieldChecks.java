package com.perprisk.io;

import com.perprisk.engine.InputRule;

import java.util.List;

/**
 * The value checks of {@link WorkspaceMapper#toPortfolio}, each reporting at a JSON path into one shared list of
 * problems: a number inside its {@link InputRule}, a choice, a required field. The market and position mappings
 * extend it so that all of them collect into the same list.
 */
abstract class FieldChecks {
    final List<FieldProblem> problems;

    FieldChecks(List<FieldProblem> problems) {
        this.problems = problems;
    }

    void error(String path, String message) {
        problems.add(FieldProblem.error(path, message));
    }

    void warning(String path, String message) {
        problems.add(FieldProblem.warning(path, message));
    }

    int errorCount() {
        return (int) problems.stream().filter(FieldProblem::isError).count();
    }

    // -------------------------------------------------------------- value checks

    <E extends Enum<E>> E enumValue(String path, String text, Class<E> type, String what) {
        if (text == null || text.isBlank()) {
            error(path, "missing; one of " + InputRule.allowed(type));
            return null;
        }
        E e = InputRule.choice(type, text);
        if (e == null) { // the list of choices is written only for the message (checked once per field per edit)
            error(path, "unknown " + what + " \"" + text + "\"; allowed: " + InputRule.allowed(type));
        }
        return e;
    }

    /** A required number inside its rule's range; reports and returns NaN when it is not. */
    double required(String path, Double value, InputRule rule) {
        if (value == null) {
            error(path, "missing");
            return Double.NaN;
        }
        String problem = rule.problem(value);
        if (problem != null) {
            error(path, problem);
            return Double.NaN;
        }
        return value;
    }

    double positive(String path, Double value, String unit, InputRule rule) {
        if (!Double.isFinite(value)) {
            error(path, "must be a finite number of " + unit + ", got " + num(value));
            return Double.NaN;
        }
        return required(path, value, rule);
    }

    Double finiteOrError(String path, Double value, boolean required) {
        if (value == null) {
            if (required) {
                error(path, "missing");
            }
            return null;
        }
        if (!Double.isFinite(value)) {
            error(path, "must be a finite number, got " + num(value));
            return null;
        }
        return value;
    }

    double nonNegative(String path, Double value) {
        if (value == null) {
            return 0;
        }
        if (!InputRule.NOTIONAL.accepts(value)) {
            error(path, Double.isFinite(value) && value >= 0 ? InputRule.NOTIONAL.problem(value)
                    : "must be a finite number ≥ 0, got " + num(value));
            return 0;
        }
        return value;
    }

/** A number for messages: "150", "0.005", "54271.36"; never "150.0". */
static String num(double v) {
    if (Double.isNaN(v)) {
        return "NaN";
    }
    if (Double.isInfinite(v)) {
        return v > 0 ? "Infinity" : "-Infinity";
    }
    return InputRule.show(v);
}
}
