package com.perprisk.venue;

import com.perprisk.engine.Convention;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A venue PerpRisk reads public market data (and read-only positions) from: its command-line name, its API host, the
 * engine convention its markets use, and the request budget its documentation gives (venue-apis.md).
 */
public enum Venue {
    BINANCE("binance", "Binance USDⓈ-M", "https://fapi.binance.com", Convention.BINANCE, 2400, Duration.ofMinutes(1),
            "2,400 request weight per minute per IP"),
    BYBIT("bybit", "Bybit", "https://api.bybit.com", Convention.BYBIT, 600, Duration.ofSeconds(5),
            "600 requests per 5 s per IP"),
    OKX("okx", "OKX", "https://www.okx.com", Convention.OKX, 10, Duration.ofSeconds(2),
            "10 requests per 2 s (documented for funding history; assumed for the other public endpoints)"),
    HYPERLIQUID("hyperliquid", "Hyperliquid", "https://api.hyperliquid.xyz", Convention.HYPERLIQUID, 1200,
            Duration.ofMinutes(1), "1,200 weight per minute per IP"),
    /** Rate limits are not documented where searched: PerpRisk keeps to 10 requests per second. */
    DYDX("dydx", "dYdX v4", "https://indexer.dydx.trade", Convention.DYDX, 10, Duration.ofSeconds(1),
            "not documented; PerpRisk keeps to 10 requests per second");

    private final String id;
    private final String displayName;
    private final String defaultBaseUrl;
    private final Convention convention;
    private final int budget;
    private final Duration window;
    private final String budgetText;

    Venue(String id, String displayName, String defaultBaseUrl, Convention convention, int budget, Duration window,
          String budgetText) {
        this.id = id;
        this.displayName = displayName;
        this.defaultBaseUrl = defaultBaseUrl;
        this.convention = convention;
        this.budget = budget;
        this.window = window;
        this.budgetText = budgetText;
    }

    /** The command-line name: binance, bybit, okx, hyperliquid, dydx. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public Convention convention() {
        return convention;
    }

    /** Request weight allowed per {@link #window()}. */
    public int budget() {
        return budget;
    }

    public Duration window() {
        return window;
    }

    /** The documented limit in words. */
    public String budgetText() {
        return budgetText;
    }

    /** An example of the venue's own symbol for the instrument. */
    public String exampleSymbol() {
        return switch (this) {
            case BINANCE, BYBIT -> "BTCUSDT";
            case OKX -> "BTC-USDT-SWAP";
            case HYPERLIQUID -> "BTC";
            case DYDX -> "BTC-USD";
        };
    }

    /** Whether positions can be read by address alone (no key). */
    public boolean positionsByAddress() {
        return this == HYPERLIQUID || this == DYDX;
    }

    public static Optional<Venue> byId(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Venue v : values()) {
            if (v.id.equals(t)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The venue whose convention this is. */
    public static Venue of(Convention convention) {
        for (Venue v : values()) {
            if (v.convention == convention) {
                return v;
            }
        }
        throw new IllegalArgumentException(String.valueOf(convention));
    }

    /** "binance, bybit, okx, hyperliquid, dydx" */
    public static String names() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Venue::id).toList());
    }
}
