package com.perprisk.venue;

import com.perprisk.venue.RecordedVenue.Reply;
import com.perprisk.venue.VenueException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failure gives one message naming the venue, the endpoint and (where one is at fault) the field. */
class VenueErrorsTest {
    private final RecordedVenue server = RecordedVenue.allVenues();
    private final AtomicLong now = new AtomicLong();
    private final List<Long> sleeps = new ArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private VenueClient client(Venue venue, Duration timeout, String base) {
        RateLimiter fake = new RateLimiter(venue.budget(), venue.window(), now::get, n -> {
            sleeps.add(n);
            now.addAndGet(n);
        });
        return VenueClient.of(new VenueHttp(venue, base, timeout, fake), null, VenueClientsTest.CLOCK);
    }

    private VenueClient client(Venue venue) {
        return client(venue, Duration.ofSeconds(5), server.baseUrl());
    }

    private VenueException fails(Venue venue, String symbol) {
        return assertThrows(VenueException.class, () -> client(venue).fetchMarket(symbol));
    }

    @Test
    void timeout() {
        server.route("/fapi/v1/premiumIndex", r -> Reply.ok("{}").delayed(3000));
        VenueException e = assertThrows(VenueException.class,
                () -> client(Venue.BINANCE, Duration.ofMillis(200), server.baseUrl()).fetchMarket("BTCUSDT"));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals("Binance USDⓈ-M GET /fapi/v1/premiumIndex: no answer within 200 ms (timeout)", e.getMessage());
    }

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        VenueException e = assertThrows(VenueException.class,
                () -> client(Venue.BYBIT, Duration.ofSeconds(2), "http://127.0.0.1:" + port).fetchMarket("BTCUSDT"));
        assertEquals(Kind.CONNECT, e.kind());
        assertTrue(e.getMessage().startsWith("Bybit GET /v5/market/tickers: cannot connect to 127.0.0.1:" + port),
                e.getMessage());
    }

    @Test
    void dnsFailureIsNamed() {
        // what HttpClient throws for a host that does not resolve (no DNS query is made by this test)
        Throwable t = new ConnectException();
        t.initCause(new UnresolvedAddressException());
        VenueException e = VenueHttp.classify(Venue.OKX, "GET /api/v5/public/instruments", t, Duration.ofSeconds(10),
                URI.create("https://www.okx.com/api/v5/public/instruments"));
        assertEquals(Kind.DNS, e.kind());
        assertEquals("OKX GET /api/v5/public/instruments: cannot resolve the host www.okx.com (DNS failure: offline?)",
                e.getMessage());
    }

    @Test
    void http4xx() {
        server.route("/v5/market/tickers", r -> Reply.status(404, "Not Found"));
        VenueException e = fails(Venue.BYBIT, "BTCUSDT");
        assertEquals(Kind.HTTP, e.kind());
        assertEquals("Bybit GET /v5/market/tickers: HTTP 404", e.getMessage());
    }

    @Test
    void http5xxIsRetriedWithBackOffThenReported() {
        server.route("/info", r -> Reply.status(502, "{\"error\":\"bad gateway\"}"));
        VenueException e = fails(Venue.HYPERLIQUID, "BTC");
        assertEquals(Kind.HTTP, e.kind());
        assertEquals("Hyperliquid POST /info metaAndAssetCtxs: HTTP 502: bad gateway", e.getMessage());
        assertEquals(3, server.requests("/info").size(), "bounded: three tries");
        assertEquals(List.of(fakeSleep(500, MILLISECONDS), fakeSleep(1000, MILLISECONDS)), sleeps);
    }

    @Test
    void http429HonoursRetryAfterThenSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.route("/v4/perpetualMarkets", r -> calls.getAndIncrement() == 0
                ? Reply.status(429, "").withHeader("Retry-After", "2")
                : Reply.ok(RecordedVenue.resource("dydx-perpetualMarkets-BTC-USD.json")));
        assertEquals(89919.2, client(Venue.DYDX).fetchMarket("BTC-USD").markPrice());
        assertEquals(List.of(fakeSleep(2, SECONDS)), sleeps);
    }

    @Test
    void http429AfterTheBoundedRetries() {
        server.route("/v4/perpetualMarkets", r -> Reply.status(429, "").withHeader("Retry-After", "1"));
        VenueException e = fails(Venue.DYDX, "BTC-USD");
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals("dYdX v4 GET /v4/perpetualMarkets: HTTP 429: too many requests; the venue asks to wait 1 s "
                + "(after 4 tries)", e.getMessage());
        assertEquals(4, server.requests("/v4/perpetualMarkets").size());
    }

    @Test
    void aLongRetryAfterIsNotWaitedFor() {
        server.route("/api/v5/public/instruments", r -> Reply.status(429, "").withHeader("Retry-After", "600"));
        VenueException e = fails(Venue.OKX, "BTC-USDT-SWAP");
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertTrue(e.getMessage().endsWith("the venue asks to wait 600 s"), e.getMessage());
        assertEquals(1, server.requests("/api/v5/public/instruments").size());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void bybit403IsItsRateLimit() {
        server.route("/v5/market/tickers", r -> Reply.status(403, ""));
        VenueException e = fails(Venue.BYBIT, "BTCUSDT");
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(1, server.requests("/v5/market/tickers").size(), "no retry: Bybit would block the IP");
    }

    @Test
    void aBodyThatIsNotJson() {
        server.route("/fapi/v1/premiumIndex", r -> Reply.ok("<html><body>502 Bad Gateway</body></html>"));
        VenueException e = fails(Venue.BINANCE, "BTCUSDT");
        assertEquals(Kind.NOT_JSON, e.kind());
        assertEquals("Binance USDⓈ-M GET /fapi/v1/premiumIndex: the body is not JSON: \"<html><body>502 Bad "
                + "Gateway</body></html…\"", e.getMessage(), "the first 40 characters");
    }

    @Test
    void aMissingField() {
        server.route("/fapi/v1/premiumIndex", r -> Reply.ok("{\"symbol\":\"BTCUSDT\",\"indexPrice\":\"1\","
                + "\"lastFundingRate\":\"0\",\"nextFundingTime\":1597392000000}"));
        VenueException e = fails(Venue.BINANCE, "BTCUSDT");
        assertEquals(Kind.FIELD, e.kind());
        assertEquals("markPrice", e.field());
        assertEquals("Binance USDⓈ-M GET /fapi/v1/premiumIndex: field markPrice is missing", e.getMessage());
    }

    @Test
    void aFieldOfTheWrongType() {
        server.route("/v5/market/tickers", r -> Reply.ok(RecordedVenue.resource("bybit-tickers-BTCUSDT.json")
                .replace("\"markPrice\":\"64970.71\"", "\"markPrice\":{\"value\":1}")));
        VenueException e = fails(Venue.BYBIT, "BTCUSDT");
        assertEquals(Kind.FIELD, e.kind());
        assertEquals("Bybit GET /v5/market/tickers: field result.list[0].markPrice should be a number, got an object",
                e.getMessage());
        server.route("/v5/market/tickers", r -> Reply.ok(RecordedVenue.resource("bybit-tickers-BTCUSDT.json")
                .replace("\"fundingRate\":\"0.00005399\"", "\"fundingRate\":\"n/a\"")));
        assertEquals("Bybit GET /v5/market/tickers: field result.list[0].fundingRate should be a number, got \"n/a\"",
                fails(Venue.BYBIT, "BTCUSDT").getMessage());
    }

    @Test
    void anUnknownSymbolAtEveryVenue() {
        assertEquals("Binance USDⓈ-M GET /fapi/v1/premiumIndex: the venue does not list the symbol \"NOPEUSDT\" "
                + "(Binance: Invalid symbol)", fails(Venue.BINANCE, "NOPEUSDT").getMessage());
        assertEquals("Bybit GET /v5/market/tickers: the venue does not list the symbol \"NOPEUSDT\" (Bybit: params "
                + "error: symbol invalid)", fails(Venue.BYBIT, "NOPEUSDT").getMessage());
        assertEquals("OKX GET /api/v5/public/instruments: the venue does not list the symbol \"NOPE-USDT-SWAP\" (OKX: "
                + "Instrument ID does not exist)", fails(Venue.OKX, "NOPE-USDT-SWAP").getMessage());
        assertEquals("Hyperliquid POST /info metaAndAssetCtxs: the venue does not list the symbol \"NOPE\" (3 coins "
                + "listed)", fails(Venue.HYPERLIQUID, "NOPE").getMessage());
        assertEquals("dYdX v4 GET /v4/perpetualMarkets: the venue does not list the symbol \"NOPE-USD\"",
                fails(Venue.DYDX, "NOPE-USD").getMessage());
        for (Venue v : Venue.values()) {
            assertEquals(Kind.UNKNOWN_SYMBOL, fails(v, "NOPE" + (v == Venue.OKX ? "-USDT-SWAP" : "")).kind(), v.id());
        }
    }

    @Test
    void okxTiersWithAGapAfterConversion() {
        server.route("/api/v5/public/position-tiers", r -> Reply.ok(RecordedVenue.resource(
                "okx-position-tiers-BTC-USDT.json").replace("\"minSz\":\"2001\"", "\"minSz\":\"2500\"")));
        VenueException e = fails(Venue.OKX, "BTC-USDT-SWAP");
        assertEquals(Kind.UNITS, e.kind());
        assertEquals("data[1].minSz", e.field());
        assertEquals("OKX GET /api/v5/public/position-tiers: field data[1].minSz the tier table is not contiguous "
                + "after conversion: tier 2 starts at 2500 contracts but the tier before ends at 2000", e.getMessage());
    }

    @Test
    void bybitTiersThatDoNotAddUp() {
        server.route("/v5/market/risk-limit", r -> Reply.ok(RecordedVenue.resource("bybit-risk-limit-page2.json")
                .replace("\"maintenanceMargin\":\"0.0062\"", "\"maintenanceMargin\":\"0.004\"")));
        VenueException e = fails(Venue.BYBIT, "BTCUSDT");
        assertEquals(Kind.UNITS, e.kind());
        assertEquals("result.list[1]", e.field());
        assertTrue(e.getMessage().contains("maintenance margin rate falls from 0.0056 to 0.004"), e.getMessage());
    }

    @Test
    void binanceBracketsWithAGap() {
        server.route("/fapi/v1/leverageBracket", r -> Reply.ok(RecordedVenue.resource(
                "binance-leverageBracket-ETHUSDT.json").replace("\"notionalFloor\":10000", "\"notionalFloor\":20000")));
        VenueClient c = VenueClient.of(new VenueHttp(Venue.BINANCE, server.baseUrl(), Duration.ofSeconds(5),
                new RateLimiter(100, Duration.ofSeconds(1), now::get, n -> { })), new ApiKey("k", "s", null),
                VenueClientsTest.CLOCK);
        VenueException e = assertThrows(VenueException.class, () -> c.fetchMarket("ETHUSDT"));
        assertEquals(Kind.UNITS, e.kind());
        assertEquals("[0].brackets[1]", e.field());
        assertTrue(e.getMessage().startsWith("Binance USDⓈ-M GET /fapi/v1/leverageBracket: field [0].brackets[1] the "
                + "tier table does not add up after conversion to notional: gap between brackets: previous cap 10000 "
                + "but floor 20000"), e.getMessage());
    }

    @Test
    void aVenueErrorCodeInTheEnvelope() {
        server.route("/api/v5/public/mark-price", r -> Reply.ok("{\"code\":\"50011\",\"msg\":\"Too Many Requests\","
                + "\"data\":[]}"));
        VenueException e = fails(Venue.OKX, "BTC-USDT-SWAP");
        assertEquals(Kind.VENUE_ERROR, e.kind());
        assertEquals("OKX GET /api/v5/public/mark-price: error 50011: Too Many Requests", e.getMessage());
    }

    @Test
    void positionsNeedAKeyOrAValidAddress() {
        VenueException e = assertThrows(VenueException.class, () -> client(Venue.BYBIT).positions(null));
        assertEquals(Kind.KEY, e.kind());
        assertTrue(e.getMessage().contains("needs a read-only API key"), e.getMessage());
        VenueException a = assertThrows(VenueException.class, () -> client(Venue.HYPERLIQUID).positions("0x12"));
        assertEquals(Kind.KEY, a.kind());
        assertEquals("user", a.field());
        assertTrue(server.requests("/info").isEmpty(), "nothing sent for a malformed address");
    }

    /** A pause the fake sleeper was asked for, in its nanoseconds (nothing here waits for real). */
    private static long fakeSleep(long amount, TimeUnit unit) {
        return unit.toNanos(amount);
    }
}
