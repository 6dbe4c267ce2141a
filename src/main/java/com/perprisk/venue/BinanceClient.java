package com.perprisk.venue;

import com.fasterxml.jackson.databind.JsonNode;
import com.perprisk.engine.Convention;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.io.PresetCatalog;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;
import com.perprisk.io.WorkspaceException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binance USDⓈ-M futures: {@code premiumIndex} (mark, index, last funding rate, next funding time),
 * {@code fundingInfo} (the interval of the symbols whose interval was adjusted; every other symbol is 8 h) and the
 * bracket table, which is a signed endpoint ({@code leverageBracket}): without a key the newest bundled preset for
 * the symbol is used and the market says so ({@code tiersAsOf}, {@code source}).
 */
final class BinanceClient extends VenueClient {
    static final String PREMIUM_INDEX = "/fapi/v1/premiumIndex";
    static final String FUNDING_INFO = "/fapi/v1/fundingInfo";
    static final String LEVERAGE_BRACKET = "/fapi/v1/leverageBracket";
    static final String POSITION_RISK = "/fapi/v3/positionRisk";
    static final String API_RESTRICTIONS = "/sapi/v1/account/apiRestrictions";
    static final String RECV_WINDOW = "5000";
    /** Binance's code for "Invalid symbol." */
    static final String INVALID_SYMBOL = "-1121";

    BinanceClient(VenueHttp http, ApiKey key, Clock clock) {
        super(http, key, clock);
    }

    @Override
    public MarketDoc fetchMarket(String symbol) throws VenueException {
        String s = symbol.strip().toUpperCase(Locale.ROOT);
        Instant asOf = clock.instant();
        JsonNode p;
        try {
            p = http.get(PREMIUM_INDEX, "symbol=" + enc(s), 1, Map.of());
        } catch (VenueException e) {
            if (INVALID_SYMBOL.equals(e.venueCode())) {
                throw new Fields(venue(), "GET " + PREMIUM_INDEX).unknownSymbol(s, "Binance: Invalid symbol");
            }
            throw e;
        }
        Fields f = new Fields(venue(), "GET " + PREMIUM_INDEX);
        f.rootObject(p);
        double mark = f.num(p, "", "markPrice");
        double index = f.num(p, "", "indexPrice");
        double rate = f.num(p, "", "lastFundingRate");
        Instant next = Instant.ofEpochMilli(f.millis(p, "", "nextFundingTime"));

        JsonNode info = http.get(FUNDING_INFO, "", 1, Map.of());
        Fields fi = new Fields(venue(), "GET " + FUNDING_INFO);
        fi.rootArray(info);
        double interval = 8;
        for (int i = 0; i < info.size(); i++) {
            JsonNode row = info.get(i);
            if (s.equals(fi.text(row, "[" + i + "]", "symbol"))) {
                interval = fi.num(row, "[" + i + "]", "fundingIntervalHours");
                if (!(interval > 0)) {
                    throw fi.error("[" + i + "].fundingIntervalHours", "should be positive, got " + interval);
                }
            }
        }
        List<TierDoc> tiers;
        String tiersAsOf = null;
        String tierSource;
        if (key != null) {
            tiers = brackets(s);
            tierSource = "GET " + LEVERAGE_BRACKET + " (signed)";
        } else {
            PresetCatalog.PresetInfo preset = newestPreset(s);
            try {
                tiers = PresetCatalog.tierDocs(preset.id());
            } catch (WorkspaceException e) {
                throw new VenueException(venue(), null, null, VenueException.Kind.FIELD, "bundled preset "
                        + preset.id() + " cannot be read: " + e.getMessage());
            }
            tiersAsOf = preset.asOf();
            tierSource = "tiers from the bundled preset " + preset.id() + " as of " + preset.asOf()
                    + " (leverageBracket is a signed endpoint: no API key given)";
        }
        return LiveMarket.market(s, Convention.BINANCE, mark, index, rate, interval, tiers, null, asOf,
                sourceOf("GET " + PREMIUM_INDEX, "GET " + FUNDING_INFO, tierSource), next, tiersAsOf);
    }

    /** The newest bundled preset for the symbol, or a KEY error saying a key is needed. */
    private PresetCatalog.PresetInfo newestPreset(String symbol) throws VenueException {
        try {
            return PresetCatalog.list(Convention.BINANCE).stream().filter(p -> symbol.equals(p.symbol()))
                    .max(Comparator.comparing(PresetCatalog.PresetInfo::asOf))
                    .orElseThrow(() -> new VenueException(venue(), "GET " + LEVERAGE_BRACKET, null,
                            VenueException.Kind.KEY, "the bracket table is a signed endpoint and PerpRisk bundles no "
                            + "preset for " + symbol + ": give a read-only API key (--key-env NAME: variables "
                            + "NAME_KEY, NAME_SECRET)"));
        } catch (WorkspaceException e) {
            throw new VenueException(venue(), null, null, VenueException.Kind.FIELD, "bundled presets cannot be read: "
                    + e.getMessage());
        }
    }

    private List<TierDoc> brackets(String s) throws VenueException {
        String endpoint = "GET " + LEVERAGE_BRACKET;
        JsonNode body = signedGet(LEVERAGE_BRACKET, "symbol=" + enc(s), 1);
        Fields f = new Fields(venue(), endpoint);
        JsonNode entry = null;
        String at = "";
        if (body.isObject()) {
            entry = body;
        } else {
            f.rootArray(body);
            for (int i = 0; i < body.size(); i++) {
                if (s.equals(f.text(body.get(i), "[" + i + "]", "symbol"))) {
                    entry = body.get(i);
                    at = "[" + i + "]";
                }
            }
        }
        if (entry == null) {
            throw f.unknownSymbol(s, "no bracket table");
        }
        JsonNode rows = f.array(entry, at, "brackets");
        List<JsonNode> sorted = new ArrayList<>();
        rows.forEach(sorted::add);
        List<TierSpec> specs = new ArrayList<>();
        String bp = Fields.path(at, "brackets");
        for (int i = 0; i < sorted.size(); i++) {
            JsonNode b = sorted.get(i);
            String bi = bp + "[" + i + "]";
            specs.add(new TierSpec(f.num(b, bi, "notionalFloor"), f.num(b, bi, "notionalCap"),
                    f.num(b, bi, "initialLeverage"), f.num(b, bi, "maintMarginRatio"), f.num(b, bi, "cum")));
        }
        return LiveMarket.tiers(f, bp, Convention.BINANCE, specs);
    }

    /** A USER_DATA GET: {@code timestamp} and {@code recvWindow} appended, HMAC-SHA256 hex {@code signature}. */
    private JsonNode signedGet(String path, String query, int weight) throws VenueException {
        return signedGet(http, path, query, weight);
    }

    private JsonNode signedGet(VenueHttp on, String path, String query, int weight) throws VenueException {
        if (key == null) {
            throw noKey("GET " + path, "this endpoint");
        }
        String q = (query.isEmpty() ? "" : query + "&") + "recvWindow=" + RECV_WINDOW + "&timestamp="
                + clock.millis();
        q = q + "&signature=" + Signing.binance(key.secret(), q);
        return on.get(path, q, weight, Map.of("X-MBX-APIKEY", key.key()));
    }

    @Override
    public List<PositionDoc> positions(String address) throws VenueException {
        if (key == null) {
            throw noKey("GET " + POSITION_RISK, "Binance positions");
        }
        checkReadOnly();
        Instant asOf = clock.instant();
        String endpoint = "GET " + POSITION_RISK;
        JsonNode rows = signedGet(POSITION_RISK, "", 5);
        Fields f = new Fields(venue(), endpoint);
        f.rootArray(rows);
        List<PositionDoc> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            String at = "[" + i + "]";
            double amt = f.num(r, at, "positionAmt");
            if (amt == 0) {
                continue;
            }
            String symbol = f.text(r, at, "symbol");
            String side = f.optText(r, "positionSide");
            boolean isLong = "LONG".equals(side) || !"SHORT".equals(side) && amt > 0;
            double notional = Math.abs(f.num(r, at, "notional"));
            Double im = f.optNum(r, at, "positionInitialMargin");
            Double wallet = f.optNum(r, at, "isolatedWallet");
            boolean isolated = wallet != null && wallet > 0;
            double leverage = im != null && im > 0 ? notional / im : 1;
            String id = "binance-" + symbol + ("BOTH".equals(side) || side == null ? "" : "-" + side.toLowerCase(Locale.ROOT));
            out.add(LiveMarket.position(venue(), id, symbol, isLong, Math.abs(amt), f.num(r, at, "entryPrice"),
                    leverage, isolated, wallet, f.optNum(r, at, "liquidationPrice"), asOf));
        }
        return out;
    }

    /** Rejects a key that may trade or withdraw ({@code apiRestrictions}, on api.binance.com). */
    private void checkReadOnly() throws VenueException {
        VenueHttp sapi = http.isDefaultHost() ? http.withBase("https://api.binance.com") : http;
        JsonNode r;
        try {
            r = signedGet(sapi, API_RESTRICTIONS, "", 1);
        } catch (VenueException e) {
            if (notServed(e)) {
                return;
            }
            throw e;
        }
        List<String> granted = new ArrayList<>();
        for (String flag : List.of("enableWithdrawals", "enableFutures", "enableSpotAndMarginTrading", "enableMargin",
                "enableVanillaOptions", "enableInternalTransfer", "permitsUniversalTransfer")) {
            if (r.path(flag).asBoolean(false)) {
                granted.add(flag);
            }
        }
        if (!granted.isEmpty()) {
            throw keyRejected("GET " + API_RESTRICTIONS, String.join(", ", granted));
        }
    }
}
