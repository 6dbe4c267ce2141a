package com.perprisk.ui.format;

import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Numbers;
import com.perprisk.engine.explain.Term;
import com.perprisk.ui.display.Units;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A working's numbers as the screen shows them. The engine writes its workings with up to ten significant digits
 * (calc's JSON keeps them so); on screen each number is rounded to the precision of what it is: a price to the
 * decimals of its magnitude (six significant digits, as the price cells), an amount of money to cents, a rate as a
 * percentage, a size or leverage without noise. Numbers of the substituted formula are rounded as the term they
 * stand for; any other long decimal (an intermediate, a number in a note) to six significant digits.
 */
public final class WorkingText {
    /** A number standing alone: not part of a word ("Q1"), a version ("2.1.0") or a longer number. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.,_:/-])\\d+(?:\\.\\d+)?(?!\\.?\\d)(?![\\p{L}:/-])");

    /** What a term's value is, which sets its precision on screen. */
    public enum Kind { PRICE, MONEY, SIZE, RATE, LEVERAGE, COUNT }

    private final Formats fmt;
    /** The coin a working's amounts are in (a coin-margined contract's), or null for the quote currency. */
    private final String coin;

    public WorkingText(Formats fmt) {
        this(fmt, null);
    }

    /** Workings whose result and amounts are in a coin ("BTC"): to its satoshis-scale decimals, named. */
    public WorkingText(Formats fmt, String coin) {
        this.fmt = fmt;
        this.coin = coin;
    }

    /** What a term is, from its unit and name ("entry price" in quote is a price, "initial margin" is money). */
    public static Kind kind(Term t) {
        String unit = t.unit();
        String name = t.name().toLowerCase();
        if ("rate".equals(unit)) {
            return Kind.RATE;
        }
        if ("base".equals(unit)) {
            return Kind.SIZE;
        }
        if ("×".equals(unit)) {
            return Kind.LEVERAGE;
        }
        if ("quote".equals(unit) || "USD".equals(unit)) {
            return name.contains("price") || name.contains("impact") || name.contains("index") ? Kind.PRICE
                    : Kind.MONEY;
        }
        return Kind.COUNT;
    }

    /** A term's value for the terms table: money with its cents, a rate in % ("0.5%"), a price to its tick. */
    public String value(Term t) {
        double v = t.value();
        if (!Double.isFinite(v)) {
            return Formats.NONE;
        }
        return switch (kind(t)) {
            case RATE -> fmt.quantity(v * 100, Math.min(8, significantDecimals(v * 100, 4))) + "%";
            case MONEY -> Math.abs(v) >= 0.01 || v == 0 ? fmt.money(v) : fmt.quantity(v, significantDecimals(v, 4));
            case PRICE -> fmt.price(v, v);
            default -> fmt.quantity(v, decimals(kind(t), v));
        };
    }

    /**
     * The formula with the values substituted, each number rounded as the term it stands for shows it (a rate stays
     * a fraction: the formula multiplies by it), trailing zeros dropped ("30,000", "16,214.86").
     */
    public String substituted(Explanation e) {
        Map<String, Integer> known = knownDecimals(e);
        return replaceNumbers(e.substituted(), token -> {
            Integer d = known.get(token);
            double v = Double.parseDouble(token);
            return fmt.quantity(v, d == null ? Formats.priceDecimals(v) : d);
        });
    }

    /** Each term's value (and the result) as the engine writes it, with the decimals it shows on screen. */
    private Map<String, Integer> knownDecimals(Explanation e) {
        Map<String, Integer> known = new HashMap<>();
        for (Term t : e.terms()) {
            double v = Math.abs(t.value());
            if (Double.isFinite(v)) {
                known.merge(Numbers.plain(v), decimals(kind(t), v), Math::max);
            }
        }
        if (e.result() != null && Double.isFinite(e.result())) {
            double v = Math.abs(e.result());
            known.merge(Numbers.plain(v), resultDecimals(resultKind(e), v), Math::max);
        }
        return known;
    }

    /**
     * A note of a working with its decimals rounded: a term's value or the result as they are shown, any other long
     * decimal to six significant digits; whole numbers keep their digits (grouped from five digits on).
     */
    public String note(Explanation e, String note) {
        return rounded(note, knownDecimals(e));
    }

    /**
     * A sentence of the engine's (a verdict, a note) with its numbers as the screen shows them: each decimal to six
     * significant digits, grouped ("16214.85944" → "16,214.86", "0.26724123" → "0.267241"), whole numbers grouped from
     * five digits on. The engine's exact figures stay in exports and in calc's JSON.
     */
    public String sentence(String text) {
        return rounded(text, Map.of());
    }

    /** The whole text of several workings, one after the other (a lab page's working). */
    public String texts(java.util.Collection<Explanation> workings) {
        StringBuilder sb = new StringBuilder();
        for (Explanation e : workings) {
            sb.append(sb.length() == 0 ? "" : "\n").append(text(e, null));
        }
        return sb.toString();
    }

    private String rounded(String note, Map<String, Integer> known) {
        return replaceNumbers(note, token -> {
            if (token.indexOf('.') < 0) { // a year or a count stays; a bound of five digits or more is grouped
                return token.length() < 5 ? token : fmt.quantity(Double.parseDouble(token), 0);
            }
            Integer d = known.get(token);
            double v = Double.parseDouble(token);
            return fmt.quantity(v, d == null ? Formats.priceDecimals(v) : d);
        });
    }

    /**
     * The result of a working on its own (no figure beside it to borrow the unit from): a price, a ratio or ROE in %,
     * a size, a score, or else an amount, read from the working's title; "none" when it does not exist.
     */
    public String result(Explanation e) {
        Double r = e.result();
        if (r == null || !Double.isFinite(r)) {
            return "none";
        }
        return switch (resultKind(e)) {
            case PRICE -> fmt.price(r, r);
            case RATE -> fmt.percent(r, 2);
            case SIZE -> fmt.quantity(r, decimals(Kind.SIZE, r));
            default -> coin == null ? fmt.money(r) : fmt.number(r, resultDecimals(Kind.MONEY, r)) + " " + coin;
        };
    }

    /** The decimals of a result: a coin amount keeps at least six (0.008333 BTC), else as {@link #decimals}. */
    private int resultDecimals(Kind kind, double v) {
        return coin != null && kind == Kind.MONEY ? Math.min(8, Math.max(6, significantDecimals(v, 4)))
                : decimals(kind, v);
    }

    private static Kind resultKind(Explanation e) {
        String q = e.quantity().toLowerCase();
        if (q.contains("price")) {
            return Kind.PRICE;
        }
        if (q.contains("roe") || q.contains("ratio") || q.contains("rate")) {
            return Kind.RATE;
        }
        if (q.contains("size") || q.contains("max open") || q.contains("score")) {
            return Kind.SIZE;
        }
        return Kind.MONEY;
    }

    /** The whole working as plain text, one line per part, in the market's units and on-screen precision. */
    public String text(Explanation e, String symbol) {
        StringBuilder sb = new StringBuilder(e.quantity()).append('\n').append("  ").append(e.formula()).append('\n');
        for (Term t : e.terms()) {
            String unit = Units.of(t.unit(), symbol);
            sb.append("  ").append(t.symbol()).append(" = ").append(value(t))
                    .append(unit.isEmpty() || kind(t) == Kind.RATE || "rate".equals(unit) ? "" : " " + unit)
                    .append("  (").append(t.name()).append(")\n");
        }
        sb.append("  ").append(substituted(e)).append('\n').append("  = ").append(result(e));
        for (String n : e.notes()) {
            sb.append('\n').append("  ").append(note(e, n));
        }
        return sb.toString();
    }

    /** The decimals a value of this kind shows at most in a formula. */
    static int decimals(Kind kind, double v) {
        return switch (kind) {
            case MONEY -> Math.abs(v) >= 0.01 || v == 0 ? 2 : significantDecimals(v, 4);
            case PRICE -> Formats.priceDecimals(v);
            case RATE -> Math.min(10, significantDecimals(v, 4));
            case LEVERAGE -> 2;
            case SIZE -> Math.min(8, significantDecimals(v, 7));
            case COUNT -> Math.min(8, significantDecimals(v, 6));
        };
    }

    /** Decimals that keep {@code digits} significant digits of {@code v} (none past the units for a large value). */
    private static int significantDecimals(double v, int digits) {
        double a = Math.abs(v);
        if (a == 0 || !Double.isFinite(a)) {
            return 2;
        }
        int magnitude = (int) Math.floor(Math.log10(a));
        return Math.max(0, digits - 1 - magnitude);
    }

    private static String replaceNumbers(String text, UnaryOperator<String> rewrite) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = NUMBER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(rewrite.apply(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
