package com.perprisk.venue;

import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.venue.RecordedVenue.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Binance, Bybit and OKX positions with a read-only key: the recorded server checks each request's signature the way
 * the venue documents it (and answers 401 otherwise), and a key with trading permission is refused.
 */
class KeyedPositionsTest {
    private static final ApiKey KEY = new ApiKey("test-key-0001", "test-secret-0001", "test-pass");
    private final RecordedVenue server = RecordedVenue.allVenues();

    @AfterEach
    void stop() {
        server.close();
    }

    private List<PositionDoc> positions(Venue venue) throws VenueException {
        return VenueClientsTest.client(server, venue, KEY).positions(null);
    }

    @Test
    void binanceSignedPositionRisk() throws Exception {
        server.route("/fapi/v3/positionRisk", r -> {
            String q = r.query();
            String unsigned = q.substring(0, q.indexOf("&signature="));
            boolean ok = KEY.key().equals(r.headers().getFirst("X-MBX-APIKEY"))
                    && Signing.binance("test-secret-0001", unsigned).equals(r.param("signature"));
            return ok ? Reply.ok(RecordedVenue.resource("binance-positionRisk.json"))
                    : Reply.status(401, "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}");
        });
        List<PositionDoc> ps = positions(Venue.BINANCE);
        assertEquals(2, ps.size(), "the zero-size XRPUSDT row is left out");
        PositionDoc ada = ps.get(0);
        assertEquals("ADAUSDT", ada.symbol());
        assertEquals("LONG", ada.side());
        assertEquals(30.0, ada.size());
        assertEquals(0.385, ada.entryPrice());
        assertEquals(20.0, ada.leverage(), "notional 12.314277 / initial margin 0.61571385");
        assertEquals("CROSS", ada.marginMode());
        assertFalse(ada.extra().containsKey("venueLiquidationPrice"), "Binance sends 0 for none");
        PositionDoc btc = ps.get(1);
        assertEquals("SHORT", btc.side());
        assertEquals(0.01, btc.size());
        assertEquals("ISOLATED", btc.marginMode());
        assertEquals(60.0, btc.isolatedMargin());
        assertEquals(75123.45, btc.extra().get("venueLiquidationPrice"));
        assertEquals(1, server.requests("/sapi/v1/account/apiRestrictions").size(), "permissions checked first");
    }

    @Test
    void binanceRefusesAKeyThatMayTrade() {
        server.route("/sapi/v1/account/apiRestrictions", r -> Reply.ok("{\"enableReading\":true,"
                + "\"enableWithdrawals\":false,\"enableFutures\":true,\"enableSpotAndMarginTrading\":false}"));
        VenueException e = assertThrows(VenueException.class, () -> positions(Venue.BINANCE));
        assertEquals(VenueException.Kind.KEY, e.kind());
        assertTrue(e.getMessage().contains("enableFutures permission"), e.getMessage());
        assertTrue(server.requests("/fapi/v3/positionRisk").isEmpty(), "no position read with a trading key");
    }

    @Test
    void bybitSignedPositionList() throws Exception {
        server.route("/v5/position/list", r -> {
            String ts = r.headers().getFirst("X-BAPI-TIMESTAMP");
            String recv = r.headers().getFirst("X-BAPI-RECV-WINDOW");
            boolean ok = KEY.key().equals(r.headers().getFirst("X-BAPI-API-KEY")) && Signing.bybit(
                    "test-secret-0001", ts, KEY.key(), recv, r.query()).equals(r.headers().getFirst("X-BAPI-SIGN"));
            return ok ? Reply.ok(RecordedVenue.resource("bybit-position-list.json"))
                    : Reply.ok("{\"retCode\":10004,\"retMsg\":\"error sign!\",\"result\":{}}");
        });
        List<PositionDoc> ps = positions(Venue.BYBIT);
        assertEquals(2, ps.size());
        assertEquals("BTCUSDT", ps.get(0).symbol());
        assertEquals("LONG", ps.get(0).side());
        assertEquals(0.15, ps.get(0).size());
        assertEquals(62000.0, ps.get(0).entryPrice());
        assertEquals(10.0, ps.get(0).leverage());
        assertEquals("CROSS", ps.get(0).marginMode());
        assertEquals(56480.5, ps.get(0).extra().get("venueLiquidationPrice"));
        assertEquals("SHORT", ps.get(1).side());
        assertEquals("ISOLATED", ps.get(1).marginMode());
        assertEquals(1200.0, ps.get(1).isolatedMargin());
        assertEquals("category=linear&limit=200&settleCoin=USDT", server.requests("/v5/position/list").get(0).query());
    }

    @Test
    void bybitRefusesAReadWriteKey() {
        server.fixed("/v5/user/query-api", "bybit-query-api-trade.json");
        VenueException e = assertThrows(VenueException.class, () -> positions(Venue.BYBIT));
        assertEquals(VenueException.Kind.KEY, e.kind());
        assertTrue(e.getMessage().startsWith("Bybit GET /v5/user/query-api: the key has read-and-write"),
                e.getMessage());
        assertTrue(server.requests("/v5/position/list").isEmpty());
    }

    @Test
    void okxSignedPositionsInContractsBecomeBaseUnits() throws Exception {
        server.route("/api/v5/account/positions", r -> {
            String ts = r.headers().getFirst("OK-ACCESS-TIMESTAMP");
            boolean ok = "test-pass".equals(r.headers().getFirst("OK-ACCESS-PASSPHRASE"))
                    && KEY.key().equals(r.headers().getFirst("OK-ACCESS-KEY"))
                    && Signing.okx("test-secret-0001", ts, "GET", r.path() + "?" + r.query(), "")
                    .equals(r.headers().getFirst("OK-ACCESS-SIGN"));
            return ok ? Reply.ok(RecordedVenue.resource("okx-positions.json"))
                    : Reply.status(401, "{\"code\":\"50113\",\"msg\":\"Invalid Sign\",\"data\":[]}");
        });
        List<PositionDoc> ps = positions(Venue.OKX);
        assertEquals(1, ps.size());
        PositionDoc p = ps.get(0);
        assertEquals("BTC-USDT-SWAP", p.symbol());
        assertEquals("SHORT", p.side(), "net mode, negative pos");
        assertEquals(0.5, p.size(), 1e-12, "50 contracts × ctVal 0.01");
        assertEquals(83000.0, p.entryPrice());
        assertEquals(20.0, p.leverage());
        assertNull(p.isolatedMargin());
        assertEquals(96012.7, p.extra().get("venueLiquidationPrice"));
        assertEquals("2026-12-01T09:30:12.345Z", server.requests("/api/v5/account/positions").get(0).headers()
                .getFirst("OK-ACCESS-TIMESTAMP"));
    }

    @Test
    void okxRefusesATradingKey() {
        server.route("/api/v5/account/config", r -> Reply.ok("{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"perm\":"
                + "\"read_only,trade\"}]}"));
        VenueException e = assertThrows(VenueException.class, () -> positions(Venue.OKX));
        assertEquals(VenueException.Kind.KEY, e.kind());
        assertTrue(e.getMessage().contains("\"read_only,trade\" permission"), e.getMessage());
    }

    @Test
    void aMirrorWithoutThePermissionEndpointStillServesPositions() throws Exception {
        server.route("/v5/user/query-api", r -> Reply.status(404, ""));
        assertEquals(2, positions(Venue.BYBIT).size());
    }
}
