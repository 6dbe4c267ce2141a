package com.perprisk.engine.explain;

import java.util.List;

/**
 * The working behind one headline number: the formula in symbols, the named terms with their values,
 * the formula with those values substituted, the result, and notes on the convention or bracket used.
 *
 * @param quantity    what was computed, e.g. "Liquidation price"
 * @param formula     the formula in symbols, e.g. {@code LP = (Q × EP − M) / (Q × (1 − MMR))}
 * @param terms       every symbol of the formula with its name and value
 * @param substituted the formula with numbers in place of symbols
 * @param result      the value, or {@code null} when it does not exist (no liquidation)
 * @param notes       sentences a student can follow: which convention, which bracket, why
 */
public record Explanation(String quantity, String formula, List<Term> terms, String substituted, Double result,
                          List<String> notes) {

    public Explanation {
        terms = List.copyOf(terms);
        notes = List.copyOf(notes);
    }

    /** The whole working as plain text, one line per part. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(quantity).append('\n').append("  ").append(formula).append('\n');
        for (Term t : terms) {
            sb.append("  ").append(t.symbol()).append(" = ").append(Numbers.plain(t.value()));
            if (!t.unit().isEmpty()) {
                sb.append(' ').append(t.unit());
            }
            sb.append("  (").append(t.name()).append(")\n");
        }
        sb.append("  ").append(substituted).append('\n');
        sb.append("  = ").append(result == null ? "none" : Numbers.plain(result)).append('\n');
        for (String n : notes) {
            sb.append("  ").append(n).append('\n');
        }
        return sb.toString();
    }
}
