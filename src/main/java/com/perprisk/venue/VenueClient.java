package com.perprisk.venue;

import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * One venue's public market data and read-only positions, turned into workspace markets and positions (the same
 * records the workspace format reads and writes). Subclasses know the venue's endpoints, fields and units; the HTTP,
 * rate limiting and error reporting are {@link VenueHttp}'s.
 */
public abstract class VenueClient {
    protected final VenueHttp http;
    protected final ApiKey key;
    protected final Clock clock;

    protected VenueClient(VenueHttp http, ApiKey key, Clock clock) {
        this.http = http;
        this.key = key;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** A client for a venue; {@code key} may be null (public data only). */
    public static VenueClient of(VenueHttp http, ApiKey key, Clock clock) {
        return switch (http.venue()) {
            case BINANCE -> new BinanceClient(http, key, clock);
            case BYBIT -> new BybitClient(http, key, clock);
            case OKX -> new OkxClient(http, key, clock);
            case HYPERLIQUID -> new HyperliquidClient(http, clock);
            case DYDX -> new DydxClient(http, clock);
        };
    }

    public Venue venue() {
        return http.venue();
    }

    /**
     * The market for the venue's own symbol: mark, index, funding rate and interval, next funding time and the tier
     * table (or dYdX parameters) in the engine's units, with {@code asOf}, {@code source} and
     * {@code nextFundingTime} among its extra fields.
     */
    public abstract MarketDoc fetchMarket(String symbol) throws VenueException;

    /**
     * Open positions, read-only: by address for Hyperliquid and dYdX, with the key for the others. Each keeps the
     * venue's own liquidation price in {@code venueLiquidationPrice} (when the venue reports one).
     */
    public abstract List<PositionDoc> positions(String address) throws VenueException;

    /** The error for a venue that needs a key when none was given. */
    protected VenueException noKey(String endpoint, String what) {
        return new VenueException(venue(), endpoint, null, VenueException.Kind.KEY, what + " needs a read-only API key"
                + " (--key-env NAME: variables NAME_KEY, NAME_SECRET" + (venue() == Venue.OKX ? ", NAME_PASSPHRASE" : "")
                + ")");
    }

    protected VenueException keyRejected(String endpoint, String permissions) {
        return new VenueException(venue(), endpoint, null, VenueException.Kind.KEY, "the key has " + permissions
                + " permission; PerpRisk accepts only read-only keys: create one with reading permission only");
    }

    /** Whether a permission check failed only because the endpoint is not served (a mirror, a test server). */
    protected static boolean notServed(VenueException e) {
        return e.kind() == VenueException.Kind.HTTP && e.getMessage().contains("HTTP 404");
    }

    protected static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    protected String sourceOf(String... endpoints) {
        return venue().id() + " " + http.base() + ": " + String.join(", ", endpoints);
    }
}
