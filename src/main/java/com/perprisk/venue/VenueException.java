package com.perprisk.venue;

/**
 * A fetch that failed, with the venue, the endpoint and (where one is at fault) the field named, so that one line
 * says what went wrong: "Bybit GET /v5/market/tickers: field result.list[0].markPrice is missing".
 */
public final class VenueException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure it is. */
    public enum Kind {
        /** No answer within the timeout. */
        TIMEOUT,
        /** The host name does not resolve. */
        DNS,
        /** No connection (refused, reset, TLS). */
        CONNECT,
        /** An HTTP status of 4xx or 5xx (other than 429). */
        HTTP,
        /** HTTP 429 (or the venue's own rate-limit answer) after the bounded retries. */
        RATE_LIMITED,
        /** The body is not JSON. */
        NOT_JSON,
        /** A field is missing or of the wrong type. */
        FIELD,
        /** The venue does not list the symbol. */
        UNKNOWN_SYMBOL,
        /** The numbers do not add up (a tier table not contiguous after conversion). */
        UNITS,
        /** The venue answered with an error code in its envelope. */
        VENUE_ERROR,
        /** A key is missing, malformed, or has trading or withdrawal permission. */
        KEY,
        /** The user cancelled the fetch. */
        CANCELLED
    }

    private final transient Venue venue;
    private final String endpoint;
    private final String field;
    private final Kind kind;
    private final String venueCode;

    public VenueException(Venue venue, String endpoint, String field, Kind kind, String detail) {
        this(venue, endpoint, field, kind, detail, null, null);
    }

    public VenueException(Venue venue, String endpoint, String field, Kind kind, String detail, String venueCode,
                          Throwable cause) {
        super(compose(venue, endpoint, field, detail), cause);
        this.venue = venue;
        this.endpoint = endpoint;
        this.field = field;
        this.kind = kind;
        this.venueCode = venueCode;
    }

    private static String compose(Venue venue, String endpoint, String field, String detail) {
        StringBuilder sb = new StringBuilder(venue == null ? "venue" : venue.displayName());
        if (endpoint != null) {
            sb.append(' ').append(endpoint);
        }
        sb.append(": ");
        if (field != null) {
            sb.append("field ").append(field).append(' ');
        }
        return sb.append(detail).toString();
    }

    public Venue venue() {
        return venue;
    }

    /** e.g. "GET /fapi/v1/premiumIndex"; null when the failure is not tied to one request. */
    public String endpoint() {
        return endpoint;
    }

    /** The JSON path at fault, or null. */
    public String field() {
        return field;
    }

    public Kind kind() {
        return kind;
    }

    /** The venue's own error code (Binance "code", Bybit "retCode", OKX "code"), or null. */
    public String venueCode() {
        return venueCode;
    }
}
