package com.perprisk.ui.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Number text for the screen: grouping and decimal separator of the user's locale, decimals chosen per market from
 * the price's magnitude, and "—" for anything that is missing or not finite. NaN and ∞ never come out of here.
 */
public final class Formats {
    /** Shown for a value that does not exist or cannot be computed. */
    public static final String NONE = "—";

    private final Locale locale;
    private final DecimalFormatSymbols symbols;
    /**
     * The locale's number parser, one per thread (a NumberFormat is not thread-safe, and making one per parse cost
     * most of an edit's time with 1,000 positions: every field of every row is parsed on each edit).
     */
    private final ThreadLocal<NumberFormat> parser;
    /**
     * Grouped formats by decimals, one set per thread: a new one per formatted number (a locale lookup each) was a
     * tenth of an edit's frame with 20 positions, every result cell formatting its number.
     */
    private final ThreadLocal<java.util.Map<Integer, DecimalFormat>> groupedFormats =
            ThreadLocal.withInitial(java.util.HashMap::new);

    public Formats(Locale locale) {
        this.parser = ThreadLocal.withInitial(() -> NumberFormat.getNumberInstance(locale));
        this.locale = locale;
        this.symbols = DecimalFormatSymbols.getInstance(locale);
    }

    /** Formats for the user's formatting locale. */
    public static Formats current() {
        return new Formats(Locale.getDefault(Locale.Category.FORMAT));
    }

    public Locale locale() {
        return locale;
    }

    /**
     * Decimals that suit a price of this magnitude (six significant digits, between 2 and 8): 60,000.00 for BTC,
     * 3,000.00 for ETH, 150.123 for SOL, 0.150000 for DOGE.
     */
    public static int priceDecimals(double referencePrice) {
        if (!Double.isFinite(referencePrice) || referencePrice <= 0) {
            return 2;
        }
        int magnitude = (int) Math.floor(Math.log10(referencePrice));
        return Math.max(2, Math.min(8, 5 - magnitude));
    }

    /** A venue's short name for tables: "Binance", "Bybit", "OKX", "Hyperliquid", "dYdX v4". */
    public static String venue(com.perprisk.engine.Convention c) {
        if (c == null) {
            return NONE;
        }
        return switch (c) {
            case BINANCE -> "Binance";
            case BYBIT -> "Bybit";
            case OKX -> "OKX";
            case HYPERLIQUID -> "Hyperliquid";
            case DYDX -> "dYdX v4";
            case BINANCE_COINM -> "Binance COIN-M";
            case BYBIT_INVERSE -> "Bybit inverse";
            case BITMEX -> "BitMEX";
        };
    }

    /** A venue's full name in characters every font has ("USDⓈ-M" is written "USDS-M"). */
    public static String venueName(com.perprisk.engine.Convention c) {
        return c == null ? NONE : c.venueName().replace("\u24C8", "S");
    }

    /** A number with grouping and exactly {@code decimals} decimals; "—" for null, NaN or ∞. */
    public String number(Double value, int decimals) {
        if (!finite(value)) {
            return NONE;
        }
        DecimalFormat f = grouped(decimals, decimals);
        return clean(f.format(value));
    }

    /** A price with the decimals of its market (see {@link #priceDecimals}). */
    public String price(Double value, double marketPrice) {
        return number(value, priceDecimals(marketPrice));
    }

    /** An amount in the quote currency: two decimals. */
    public String money(Double value) {
        return number(value, 2);
    }

    /** A signed amount: "+1,234.50" or "−1,234.50" (for PnL and funding). */
    public String signedMoney(Double value) {
        if (!finite(value)) {
            return NONE;
        }
        String s = money(Math.abs(value));
        if (s.equals(money(0.0))) {
            return s;
        }
        return (value > 0 ? "+" : "−") + s;
    }

    /** A rate as a percentage: 0.0123 → "1.23%". */
    public String percent(Double rate, int decimals) {
        if (!finite(rate)) {
            return NONE;
        }
        return number(rate * 100.0, decimals) + "%";
    }

    /** A signed percentage: +1.23% / −1.23%. */
    public String signedPercent(Double rate, int decimals) {
        if (!finite(rate)) {
            return NONE;
        }
        String s = percent(Math.abs(rate), decimals);
        if (s.equals(percent(0.0, decimals))) {
            return s;
        }
        return (rate > 0 ? "+" : "−") + s;
    }

    /** A quantity (size, leverage): grouping, up to {@code maxDecimals} decimals, no trailing zeros. */
    public String quantity(Double value, int maxDecimals) {
        if (!finite(value)) {
            return NONE;
        }
        return clean(grouped(0, maxDecimals).format(value));
    }

    /**
     * Text to edit a value in a field: no grouping, the locale's decimal separator, up to 12 significant digits
     * without trailing zeros; empty for null.
     */
    public String editText(Double value) {
        if (value == null) {
            return "";
        }
        if (!Double.isFinite(value)) {
            return "";
        }
        String plain = plain(value);
        char sep = symbols.getDecimalSeparator();
        return sep == '.' ? plain : plain.replace('.', sep);
    }

    /** A value × 100 for a percentage field, as {@link #editText} would write it: 0.004 → "0.4". */
    public String editPercentText(Double rate) {
        if (rate == null || !Double.isFinite(rate)) {
            return "";
        }
        return editText(new BigDecimal(plain(rate)).movePointRight(2).doubleValue());
    }

    private static String plain(double value) {
        if (value == 0) {
            return "0";
        }
        String s = new BigDecimal(Double.toString(value)).round(new MathContext(12)).stripTrailingZeros()
                .toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /**
     * Reads a number typed by the user: the locale's format (grouping allowed), or plain Java notation
     * ("1234.5", "1e3"). Surrounding spaces, a trailing "%" and a leading "+" are ignored. Returns null for text that
     * is not a finite number; blank text is also null (callers tell the two apart with {@link #isBlank}).
     */
    public Double parse(String text) {
        if (isBlank(text)) {
            return null;
        }
        String t = text.strip().replace('\u2212', '-').replace("\u00a0", "").replace("\u202f", "");
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        Double d = parseLocale(t);
        if (d == null) {
            try {
                d = Double.parseDouble(t.replace("_", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return Double.isFinite(d) ? d : null;
    }

    /** Parses a percentage field: "0.4" → 0.004 (exact in decimal). */
    public Double parsePercent(String text) {
        Double d = parse(text);
        if (d == null) {
            return null;
        }
        return new BigDecimal(Double.toString(d)).movePointLeft(2).doubleValue();
    }

    public static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private Double parseLocale(String t) {
        if (t.indexOf('e') >= 0 || t.indexOf('E') >= 0) {
            return null;
        }
        // "1.5" in a comma locale: Java notation, not "15"
        if (symbols.getDecimalSeparator() != '.' && t.indexOf('.') >= 0 && t.indexOf(symbols.getDecimalSeparator()) < 0
                && t.indexOf('.') == t.lastIndexOf('.') && !t.matches("-?\\d{1,3}\\.\\d{3}")) {
            return null;
        }
        NumberFormat nf = parser.get();
        ParsePosition pos = new ParsePosition(0);
        Number n = nf.parse(t, pos);
        if (n == null || pos.getIndex() != t.length()) {
            return null;
        }
        return n.doubleValue();
    }

    /** A grouped format with these decimals, made once per thread and reused (callers only format with it). */
    private DecimalFormat grouped(int minDecimals, int maxDecimals) {
        return groupedFormats.get().computeIfAbsent(minDecimals * 1_000 + maxDecimals, k -> {
            DecimalFormat f = (DecimalFormat) NumberFormat.getNumberInstance(locale);
            f.setGroupingUsed(true);
            f.setMinimumFractionDigits(minDecimals);
            f.setMaximumFractionDigits(maxDecimals);
            return f;
        });
    }

    /** "-0.00" → "0.00", ASCII minus → typographic minus. */
    private static String clean(String s) {
        if (s.startsWith("-")) {
            String rest = s.substring(1);
            if (rest.chars().allMatch(c -> c == '0' || !Character.isDigit(c))) {
                return rest;
            }
            return "\u2212" + rest;
        }
        return s;
    }

    private static boolean finite(Double v) {
        return v != null && Double.isFinite(v);
    }
}
