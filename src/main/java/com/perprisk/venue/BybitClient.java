package com.perprisk.venue;

import com.fasterxml.jackson.databind.JsonNode;
import com.perprisk.engine.Convention;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bybit v5, linear (USDT/USDC) perpetuals: {@code market/tickers} (mark, index, funding rate, next funding time,
 * {@code fundingIntervalHour}; older answers lack it, then {@code instruments-info}'s {@code fundingInterval} in
 * minutes) and {@code market/risk-limit} (paginated), whose {@code riskLimitValue} is each tier's cap and whose
 * lowest-tier {@code mmDeduction} is empty: the engine's recursion derives it.
 */
final class BybitClient extends VenueClient {
    static final String TICKERS = "/v5/market/tickers";
    static final String INSTRUMENTS = "/v5/market/instruments-info";
    static final String RISK_LIMIT = "/v5/market/risk-limit";
    static final String POSITION_LIST = "/v5/position/list";
    static final String QUERY_API = "/v5/user/query-api";
    static final String RECV_WINDOW = "5000";
    private static final int MAX_PAGES = 20;

    BybitClient(VenueHttp http, ApiKey key, Clock clock) {
        super(http, key, clock);
    }

    /** The {@code result} of a v5 envelope; a non-zero {@code retCode} is the venue's error. */
    private JsonNode result(JsonNode body, Fields f, String symbol) throws VenueException {
        f.rootObject(body);
        JsonNode code = f.child(body, "", "retCode");
        if (code.asInt(-1) != 0) {
            String msg = f.optText(body, "retMsg");
            if (symbol != null && (code.asInt() == 10001 && msg != null
                    && msg.toLowerCase(Locale.ROOT).contains("symbol"))) {
                throw f.unknownSymbol(symbol, "Bybit: " + msg);
            }
            throw f.venueError(code.asText(), msg);
        }
        return f.object(body, "", "result");
    }

    @Override
    public MarketDoc fetchMarket(String symbol) throws VenueException {
        String s = symbol.strip().toUpperCase(Locale.ROOT);
        Instant asOf = clock.instant();
        String q = "category=linear&symbol=" + enc(s);
        Fields f = new Fields(venue(), "GET " + TICKERS);
        JsonNode list = f.array(result(http.get(TICKERS, q, 1, Map.of()), f, s), "result", "list");
        if (list.isEmpty()) {
            throw f.unknownSymbol(s, "empty result.list");
        }
        JsonNode t = list.get(0);
        String at = "result.list[0]";
        double mark = f.num(t, at, "markPrice");
        double index = f.num(t, at, "indexPrice");
        double rate = f.num(t, at, "fundingRate");
        Instant next = Instant.ofEpochMilli(f.millis(t, at, "nextFundingTime"));
        Double hours = f.optNum(t, at, "fundingIntervalHour");
        List<String> used = new ArrayList<>(List.of("GET " + TICKERS));
        if (hours == null) {
            Fields fi = new Fields(venue(), "GET " + INSTRUMENTS);
            JsonNode il = fi.array(result(http.get(INSTRUMENTS, q, 1, Map.of()), fi, s), "result", "list");
            if (il.isEmpty()) {
                throw fi.unknownSymbol(s, "empty result.list");
            }
            hours = fi.num(il.get(0), "result.list[0]", "fundingInterval") / 60.0;
            used.add("GET " + INSTRUMENTS);
        }
        if (!(hours > 0)) {
            throw f.error(at + ".fundingIntervalHour", "should be positive, got " + hours);
        }
        used.add("GET " + RISK_LIMIT);
        return LiveMarket.market(s, Convention.BYBIT, mark, index, rate, hours, riskLimits(s), null, asOf,
                sourceOf(used.toArray(String[]::new)), next, null);
    }

    private List<com.perprisk.io.WorkspaceDocument.TierDoc> riskLimits(String s) throws VenueException {
        Fields f = new Fields(venue(), "GET " + RISK_LIMIT);
        record Row(double cap, double maxLeverage, double mmr, Double deduction) {
        }
        List<Row> rows = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String q = "category=linear&symbol=" + enc(s) + (cursor == null ? "" : "&cursor=" + enc(cursor));
            JsonNode result = result(http.get(RISK_LIMIT, q, 1, Map.of()), f, s);
            JsonNode list = f.array(result, "result", "list");
            for (int i = 0; i < list.size(); i++) {
                JsonNode r = list.get(i);
                String at = "result.list[" + i + "]";
                String rs = f.optText(r, "symbol");
                if (rs != null && !rs.equals(s)) {
                    continue;
                }
                rows.add(new Row(f.num(r, at, "riskLimitValue"), f.num(r, at, "maxLeverage"),
                        f.num(r, at, "maintenanceMargin"), f.optNum(r, at, "mmDeduction")));
            }
            cursor = f.optText(result, "nextPageCursor");
            if (cursor == null || cursor.isBlank()) {
                break;
            }
        }
        if (rows.isEmpty()) {
            throw f.unknownSymbol(s, "no risk-limit tiers");
        }
        rows.sort(Comparator.comparingDouble(Row::cap));
        List<TierSpec> specs = new ArrayList<>();
        double floor = 0;
        for (Row r : rows) {
            specs.add(new TierSpec(floor, r.cap(), r.maxLeverage(), r.mmr(), r.deduction()));
            floor = r.cap();
        }
        return LiveMarket.tiers(f, "result.list", Convention.BYBIT, specs);
    }

    /** A signed GET: X-BAPI-SIGN = HMAC-SHA256 hex of timestamp + key + recvWindow + query. */
    private JsonNode signedGet(String path, String query) throws VenueException {
        if (key == null) {
            throw noKey("GET " + path, "this endpoint");
        }
        String ts = Long.toString(clock.millis());
        return http.get(path, query, 1, Map.of("X-BAPI-API-KEY", key.key(), "X-BAPI-TIMESTAMP", ts,
                "X-BAPI-RECV-WINDOW", RECV_WINDOW, "X-BAPI-SIGN-TYPE", "2",
                "X-BAPI-SIGN", Signing.bybit(key.secret(), ts, key.key(), RECV_WINDOW, query)));
    }

    @Override
    public List<PositionDoc> positions(String address) throws VenueException {
        if (key == null) {
            throw noKey("GET " + POSITION_LIST, "Bybit positions");
        }
        checkReadOnly();
        Instant asOf = clock.instant();
        Fields f = new Fields(venue(), "GET " + POSITION_LIST);
        List<PositionDoc> out = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String q = "category=linear&limit=200&settleCoin=USDT" + (cursor == null ? "" : "&cursor=" + enc(cursor));
            JsonNode result = result(signedGet(POSITION_LIST, q), f, null);
            JsonNode list = f.array(result, "result", "list");
            for (int i = 0; i < list.size(); i++) {
                JsonNode r = list.get(i);
                String at = "result.list[" + i + "]";
                double size = f.num(r, at, "size");
                String side = f.optText(r, "side");
                if (size == 0 || side == null || side.isBlank()) {
                    continue;
                }
                String symbol = f.text(r, at, "symbol");
                boolean isLong = "Buy".equalsIgnoreCase(side);
                int idx = r.path("positionIdx").asInt(0);
                boolean isolated = r.path("tradeMode").asInt(0) == 1;
                Double leverage = f.optNum(r, at, "leverage");
                out.add(LiveMarket.position(venue(), "bybit-" + symbol + (idx == 0 ? "" : isLong ? "-long" : "-short"),
                        symbol, isLong, size, f.num(r, at, "avgPrice"), leverage == null ? 1 : leverage, isolated,
                        f.optNum(r, at, "positionBalance"), f.optNum(r, at, "liqPrice"), asOf));
            }
            cursor = f.optText(result, "nextPageCursor");
            if (cursor == null || cursor.isBlank()) {
                break;
            }
        }
        return out;
    }

    /** {@code user/query-api}: {@code readOnly} must be 1 (Bybit: 0 = read and write). */
    private void checkReadOnly() throws VenueException {
        Fields f = new Fields(venue(), "GET " + QUERY_API);
        JsonNode result;
        try {
            result = result(signedGet(QUERY_API, ""), f, null);
        } catch (VenueException e) {
            if (notServed(e)) {
                return;
            }
            throw e;
        }
        if (result.path("readOnly").asInt(0) != 1) {
            throw keyRejected("GET " + QUERY_API, "read-and-write (readOnly " + result.path("readOnly").asText()
                    + ")");
        }
        JsonNode wallet = result.path("permissions").path("Wallet");
        if (wallet.isArray()) {
            for (JsonNode w : wallet) {
                if (w.asText().toLowerCase(Locale.ROOT).contains("withdraw")) {
                    throw keyRejected("GET " + QUERY_API, "withdrawal");
                }
            }
        }
    }
}
