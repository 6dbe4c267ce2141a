package com.perprisk.ui.display;

import java.util.List;

/** Units named the way a trader reads them: the quote and base currency of a symbol ("BTCUSDT" → USDT, BTC). */
public final class Units {
    private static final List<String> QUOTES = List.of("USDT", "USDC", "BUSD", "FDUSD", "USD", "DAI");

    private Units() {
    }

    /** Quote currency of a symbol, "USDT" for BTCUSDT; "quote" when the symbol does not say. */
    public static String quote(String symbol) {
        if (symbol != null) {
            String s = symbol.toUpperCase().replace("-PERP", "").replace("-", "").replace("/", "");
            for (String q : QUOTES) {
                if (s.endsWith(q) && s.length() > q.length()) {
                    return q;
                }
            }
        }
        return "quote";
    }

    /** Base asset of a symbol, "BTC" for BTCUSDT or BTC-USD; the symbol itself when no quote is recognised. */
    public static String base(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            return "base";
        }
        String s = symbol.toUpperCase().replace("-PERP", "");
        String q = quote(symbol);
        if (q.equals("quote")) {
            return symbol;
        }
        String b = s.replace("-", "").replace("/", "");
        return b.substring(0, b.length() - q.length());
    }

    /** An engine unit ("quote", "base", "rate", "h", "×", …) in the currency of a symbol. */
    public static String of(String engineUnit, String symbol) {
        if (engineUnit == null) {
            return "";
        }
        return switch (engineUnit) {
            case "quote" -> quote(symbol);
            case "base" -> base(symbol);
            default -> engineUnit;
        };
    }
}
