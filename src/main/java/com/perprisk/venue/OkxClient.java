package com.perprisk.venue;

import com.fasterxml.jackson.databind.JsonNode;
import com.perprisk.engine.Convention;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OKX v5 swaps: {@code public/instruments} ({@code ctVal}), {@code public/mark-price}, {@code market/index-tickers},
 * {@code public/funding-rate} (interval = {@code nextFundingTime − fundingTime}) and {@code public/position-tiers},
 * whose sizes are in contracts: × {@code ctVal} gives base units, × the mark gives the notional the engine uses.
 */
final class OkxClient extends VenueClient {
    static final String INSTRUMENTS = "/api/v5/public/instruments";
    static final String MARK_PRICE = "/api/v5/public/mark-price";
    static final String INDEX_TICKERS = "/api/v5/market/index-tickers";
    static final String FUNDING_RATE = "/api/v5/public/funding-rate";
    static final String POSITION_TIERS = "/api/v5/public/position-tiers";
    static final String POSITIONS = "/api/v5/account/positions";
    static final String CONFIG = "/api/v5/account/config";
    /** OKX's code for an instrument that does not exist. */
    static final String NO_SUCH_INSTRUMENT = "51001";

    OkxClient(VenueHttp http, ApiKey key, Clock clock) {
        super(http, key, clock);
    }

    /** The {@code data} array of an envelope; a non-zero {@code code} is the venue's error. */
    private JsonNode data(JsonNode body, Fields f, String symbol) throws VenueException {
        f.rootObject(body);
        String code = f.text(body, "", "code");
        if (!"0".equals(code)) {
            if (symbol != null && NO_SUCH_INSTRUMENT.equals(code)) {
                throw f.unknownSymbol(symbol, "OKX: " + f.optText(body, "msg"));
            }
            throw f.venueError(code, f.optText(body, "msg"));
        }
        return f.array(body, "", "data");
    }

    private JsonNode first(String path, String query, String symbol) throws VenueException {
        Fields f = new Fields(venue(), "GET " + path);
        JsonNode d = data(getPublic(path, query), f, symbol);
        if (d.isEmpty()) {
            throw f.unknownSymbol(symbol, "empty data");
        }
        return d.get(0);
    }

    private JsonNode getPublic(String path, String query) throws VenueException {
        return http.get(path, query, 1, Map.of());
    }

    /** What the instrument list says about one swap. */
    record Instrument(double ctVal, String family) {
    }

    Instrument instrument(String instId) throws VenueException {
        Fields f = new Fields(venue(), "GET " + INSTRUMENTS);
        JsonNode i = first(INSTRUMENTS, "instType=SWAP&instId=" + enc(instId), instId);
        double ctVal = f.num(i, "data[0]", "ctVal");
        if (!(ctVal > 0)) {
            throw f.units("data[0].ctVal", "should be a positive contract value, got " + ctVal);
        }
        String ctType = f.optText(i, "ctType");
        if ("inverse".equals(ctType)) {
            throw f.units("data[0].ctType", "inverse (coin-margined) swaps are not supported yet: ctVal is in USD");
        }
        String family = f.optText(i, "instFamily");
        if (family == null || family.isBlank()) {
            family = f.optText(i, "uly");
        }
        if (family == null || family.isBlank()) {
            family = instId.endsWith("-SWAP") ? instId.substring(0, instId.length() - 5) : instId;
        }
        return new Instrument(ctVal, family);
    }

    @Override
    public MarketDoc fetchMarket(String symbol) throws VenueException {
        String s = symbol.strip().toUpperCase(Locale.ROOT);
        Instant asOf = clock.instant();
        Instrument inst = instrument(s);
        double mark = new Fields(venue(), "GET " + MARK_PRICE).num(
                first(MARK_PRICE, "instType=SWAP&instId=" + enc(s), s), "data[0]", "markPx");
        double index = new Fields(venue(), "GET " + INDEX_TICKERS).num(
                first(INDEX_TICKERS, "instId=" + enc(inst.family()), inst.family()), "data[0]", "idxPx");
        Fields ff = new Fields(venue(), "GET " + FUNDING_RATE);
        JsonNode fr = first(FUNDING_RATE, "instId=" + enc(s), s);
        double rate = ff.num(fr, "data[0]", "fundingRate");
        long fundingTime = ff.millis(fr, "data[0]", "fundingTime");
        long nextTime = ff.millis(fr, "data[0]", "nextFundingTime");
        double hours = (nextTime - fundingTime) / 3_600_000.0;
        if (!(hours > 0)) {
            throw ff.units("data[0].nextFundingTime", "the interval nextFundingTime − fundingTime should be positive, "
                    + "got " + (nextTime - fundingTime) + " ms");
        }
        List<TierDoc> tiers = tiers(s, inst, mark);
        return LiveMarket.market(s, Convention.OKX, mark, index, rate, hours, tiers, null, asOf,
                sourceOf("GET " + INSTRUMENTS, "GET " + MARK_PRICE, "GET " + INDEX_TICKERS, "GET " + FUNDING_RATE,
                        "GET " + POSITION_TIERS + " (contracts × ctVal " + LiveMarket.plain(inst.ctVal())
                                + " × mark " + LiveMarket.plain(mark) + ")"),
                Instant.ofEpochMilli(fundingTime), null);
    }

    /**
     * Tiers in notional: contracts × ctVal × mark. OKX counts whole contracts, so tier k starts one contract above
     * tier k−1's {@code maxSz} (2001 after 2000): that step closes up; any other gap or overlap is an error.
     */
    private List<TierDoc> tiers(String s, Instrument inst, double mark) throws VenueException {
        Fields f = new Fields(venue(), "GET " + POSITION_TIERS);
        JsonNode rows = data(getPublic(POSITION_TIERS, "instType=SWAP&tdMode=cross&instFamily=" + enc(inst.family())),
                f, s);
        record Row(int index, double tier, double minSz, double maxSz, double mmr, double maxLever) {
        }
        List<Row> list = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            String at = "data[" + i + "]";
            String instId = f.optText(r, "instId");
            if (instId != null && !instId.isBlank() && !instId.equals(s)) {
                continue;
            }
            list.add(new Row(i, f.num(r, at, "tier"), f.num(r, at, "minSz"), f.num(r, at, "maxSz"),
                    f.num(r, at, "mmr"), f.num(r, at, "maxLever")));
        }
        if (list.isEmpty()) {
            throw f.unknownSymbol(s, "no position tiers for " + inst.family());
        }
        list.sort(Comparator.comparingDouble(Row::tier));
        double perContract = inst.ctVal() * mark;
        List<TierSpec> specs = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            Row r = list.get(k);
            String at = "data[" + r.index() + "]";
            double floorContracts = r.minSz();
            if (k == 0 && floorContracts != 0) {
                throw f.units(at + ".minSz", "the tier table is not contiguous after conversion: the first tier "
                        + "starts at " + LiveMarket.plain(floorContracts) + " contracts, not 0");
            }
            if (k > 0) {
                double prevMax = list.get(k - 1).maxSz();
                double step = floorContracts - prevMax;
                if (step < 0 || step > 1) {
                    throw f.units(at + ".minSz", "the tier table is not contiguous after conversion: tier "
                            + LiveMarket.plain(r.tier()) + " starts at " + LiveMarket.plain(floorContracts)
                            + " contracts but the tier before ends at " + LiveMarket.plain(prevMax));
                }
                floorContracts = prevMax;
            }
            if (!(r.maxSz() > floorContracts)) {
                throw f.units(at + ".maxSz", "should be above the tier's start " + LiveMarket.plain(floorContracts)
                        + " contracts, got " + LiveMarket.plain(r.maxSz()));
            }
            specs.add(new TierSpec(floorContracts * perContract, r.maxSz() * perContract, r.maxLever(), r.mmr(),
                    null));
        }
        return LiveMarket.tiers(f, "data", Convention.OKX, specs);
    }

    /** A signed GET: OK-ACCESS-SIGN = base64 HMAC-SHA256 of ISO timestamp + "GET" + path?query. */
    private JsonNode signedGet(String path, String query) throws VenueException {
        if (key == null || !key.hasPassphrase()) {
            throw noKey("GET " + path, "this endpoint (key, secret and passphrase)");
        }
        String ts = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        String requestPath = path + (query.isEmpty() ? "" : "?" + query);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("OK-ACCESS-KEY", key.key());
        h.put("OK-ACCESS-SIGN", Signing.okx(key.secret(), ts, "GET", requestPath, ""));
        h.put("OK-ACCESS-TIMESTAMP", ts);
        h.put("OK-ACCESS-PASSPHRASE", key.passphrase());
        return http.get(path, query, 1, h);
    }

    @Override
    public List<PositionDoc> positions(String address) throws VenueException {
        if (key == null) {
            throw noKey("GET " + POSITIONS, "OKX positions");
        }
        checkReadOnly();
        Instant asOf = clock.instant();
        Fields f = new Fields(venue(), "GET " + POSITIONS);
        JsonNode rows = data(signedGet(POSITIONS, "instType=SWAP"), f, null);
        Map<String, Instrument> instruments = new HashMap<>();
        List<PositionDoc> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            String at = "data[" + i + "]";
            double pos = f.num(r, at, "pos");
            if (pos == 0) {
                continue;
            }
            String instId = f.text(r, at, "instId");
            Instrument inst = instruments.get(instId);
            if (inst == null) {
                inst = instrument(instId);
                instruments.put(instId, inst);
            }
            String posSide = f.optText(r, "posSide");
            boolean isLong = "long".equals(posSide) || !"short".equals(posSide) && pos > 0;
            boolean isolated = "isolated".equals(f.optText(r, "mgnMode"));
            Double lever = f.optNum(r, at, "lever");
            out.add(LiveMarket.position(venue(), "okx-" + instId + ("net".equals(posSide) || posSide == null ? ""
                            : "-" + posSide), instId, isLong, Math.abs(pos) * inst.ctVal(), f.num(r, at, "avgPx"),
                    lever == null ? 1 : lever, isolated, f.optNum(r, at, "margin"), f.optNum(r, at, "liqPx"), asOf));
        }
        return out;
    }

    /** {@code account/config}'s {@code perm} must be read_only alone. */
    private void checkReadOnly() throws VenueException {
        Fields f = new Fields(venue(), "GET " + CONFIG);
        JsonNode d;
        try {
            d = data(signedGet(CONFIG, ""), f, null);
        } catch (VenueException e) {
            if (notServed(e)) {
                return;
            }
            throw e;
        }
        if (d.isEmpty()) {
            return;
        }
        String perm = f.optText(d.get(0), "perm");
        if (perm != null && (perm.contains("trade") || perm.contains("withdraw"))) {
            throw keyRejected("GET " + CONFIG, "\"" + perm + "\"");
        }
    }
}
