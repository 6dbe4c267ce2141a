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
            // "_PERP": Binance COIN-M's perpetuals (BTCUSD_PERP, quoted in USD)
            String s = symbol.toUpperCase().replace("-PERP", "").replace("_PERP", "").replace("-", "")
                    .replace("/", "");
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
        String s = symbol.toUpperCase().replace("-PERP", "").replace("_PERP", "");
        String q = quote(symbol);
        if (q.equals("quote")) {
            return symbol;
        }
        String b = s.replace("-", "").replace("/", "");
        return b.substring(0, b.length() - q.length());
    }

    /** The currency of a market's prices: USD for an inverse (coin-margined) contract, else its quote. */
    public static String price(com.perprisk.engine.Market m) {
        return m.isInverse() ? "USD" : quote(m.symbol());
    }

    /** The asset of a market's money (margin, PnL, funding): an inverse contract's settle coin, else its quote. */
    public static String money(com.perprisk.engine.Market m) {
        return m.isInverse() ? m.contract().settleAsset() : quote(m.symbol());
    }

    /** What a market's position size counts: contracts of an inverse contract, else its base asset. */
    public static String size(com.perprisk.engine.Market m) {
        return m.isInverse() ? "contracts" : base(m.symbol());
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
