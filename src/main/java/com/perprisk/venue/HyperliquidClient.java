package com.perprisk.venue;

import com.fasterxml.jackson.databind.JsonNode;
import com.perprisk.engine.Convention;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Hyperliquid ({@code POST /info}, no key): {@code metaAndAssetCtxs} gives the universe with each coin's
 * {@code marginTableId}, the margin tables, and in universe order each coin's mark, oracle and hourly funding rate.
 * A table id below 50 is not listed: it is one tier whose max leverage is the id. Positions come from
 * {@code clearinghouseState} by address.
 */
final class HyperliquidClient extends VenueClient {
    static final String INFO = "/info";
    static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    HyperliquidClient(VenueHttp http, Clock clock) {
        super(http, null, clock);
    }

    @Override
    public MarketDoc fetchMarket(String symbol) throws VenueException {
        String s = symbol.strip();
        Instant asOf = clock.instant();
        String endpoint = "POST " + INFO + " metaAndAssetCtxs";
        JsonNode body = http.post(INFO, "metaAndAssetCtxs", "{\"type\":\"metaAndAssetCtxs\"}", 20);
        Fields f = new Fields(venue(), endpoint);
        f.rootArray(body);
        if (body.size() < 2) {
            throw f.error("(body)", "should be [meta, assetContexts], got " + body.size() + " element(s)");
        }
        JsonNode meta = body.get(0);
        JsonNode universe = f.array(meta, "[0]", "universe");
        JsonNode ctxs = body.get(1);
        if (!ctxs.isArray()) {
            throw f.error("[1]", "should be an array of asset contexts, got " + Fields.describe(ctxs));
        }
        int idx = -1;
        for (int i = 0; i < universe.size(); i++) {
            if (s.equals(f.text(universe.get(i), "[0].universe[" + i + "]", "name"))) {
                idx = i;
            }
        }
        if (idx < 0) {
            for (int i = 0; i < universe.size() && idx < 0; i++) {
                if (s.equalsIgnoreCase(universe.get(i).path("name").asText())) {
                    idx = i;
                }
            }
        }
        if (idx < 0) {
            throw f.unknownSymbol(s, universe.size() + " coins listed");
        }
        String coin = universe.get(idx).path("name").asText();
        String up = "[0].universe[" + idx + "]";
        if (idx >= ctxs.size()) {
            throw f.error("[1][" + idx + "]", "is missing (the asset contexts are in universe order)");
        }
        JsonNode ctx = ctxs.get(idx);
        String cp = "[1][" + idx + "]";
        double mark = f.num(ctx, cp, "markPx");
        double oracle = f.num(ctx, cp, "oraclePx");
        double hourly = f.num(ctx, cp, "funding");
        List<TierSpec> specs = marginTiers(f, meta, universe.get(idx), up);
        return LiveMarket.market(coin, Convention.HYPERLIQUID, mark, oracle, hourly, 1,
                LiveMarket.tiers(f, up + ".marginTableId", Convention.HYPERLIQUID, specs), null, asOf,
                sourceOf(endpoint), LiveMarket.nextHour(asOf), null);
    }

    /** The coin's margin tiers: its table by id, or one tier at max leverage = id for ids below 50. */
    private static List<TierSpec> marginTiers(Fields f, JsonNode meta, JsonNode coin, String up)
            throws VenueException {
        Double id = f.optNum(coin, up, "marginTableId");
        if (id == null) {
            return List.of(new TierSpec(0, Double.POSITIVE_INFINITY, f.num(coin, up, "maxLeverage"), null, null));
        }
        if (id < 50) {
            return List.of(new TierSpec(0, Double.POSITIVE_INFINITY, id, null, null));
        }
        JsonNode tables = f.array(meta, "[0]", "marginTables");
        for (int t = 0; t < tables.size(); t++) {
            JsonNode pair = tables.get(t);
            String tp = "[0].marginTables[" + t + "]";
            if (!pair.isArray() || pair.size() != 2) {
                throw f.error(tp, "should be [id, table], got " + Fields.describe(pair));
            }
            if (pair.get(0).asDouble(Double.NaN) != id) {
                continue;
            }
            JsonNode tiers = f.array(pair.get(1), tp + "[1]", "marginTiers");
            List<TierSpec> specs = new ArrayList<>();
            for (int k = 0; k < tiers.size(); k++) {
                String kp = tp + "[1].marginTiers[" + k + "]";
                double lower = f.num(tiers.get(k), kp, "lowerBound");
                double cap = k + 1 < tiers.size() ? f.num(tiers.get(k + 1), tp + "[1].marginTiers[" + (k + 1) + "]",
                        "lowerBound") : Double.POSITIVE_INFINITY;
                specs.add(new TierSpec(lower, cap, f.num(tiers.get(k), kp, "maxLeverage"), null, null));
            }
            return specs;
        }
        throw f.error(up + ".marginTableId", "names table " + LiveMarket.plain(id)
                + ", which [0].marginTables does not list");
    }

    @Override
    public List<PositionDoc> positions(String address) throws VenueException {
        String endpoint = "POST " + INFO + " clearinghouseState";
        if (address == null || !ADDRESS.matcher(address.strip()).matches()) {
            throw new VenueException(venue(), endpoint, "user", VenueException.Kind.KEY,
                    "should be an address 0x followed by 40 hex digits, got \"" + address + "\"");
        }
        Instant asOf = clock.instant();
        JsonNode body = http.post(INFO, "clearinghouseState", "{\"type\":\"clearinghouseState\",\"user\":\""
                + address.strip() + "\"}", 2);
        Fields f = new Fields(venue(), endpoint);
        f.rootObject(body);
        JsonNode list = f.array(body, "", "assetPositions");
        List<PositionDoc> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "assetPositions[" + i + "].position";
            JsonNode p = f.object(list.get(i), "assetPositions[" + i + "]", "position");
            double szi = f.num(p, at, "szi");
            if (szi == 0) {
                continue;
            }
            String coin = f.text(p, at, "coin");
            JsonNode lev = f.object(p, at, "leverage");
            boolean isolated = "isolated".equals(f.text(lev, at + ".leverage", "type"));
            out.add(LiveMarket.position(venue(), "hyperliquid-" + coin, coin, szi > 0, Math.abs(szi),
                    f.num(p, at, "entryPx"), f.num(lev, at + ".leverage", "value"), isolated,
                    f.optNum(p, at, "marginUsed"), f.optNum(p, at, "liquidationPx"), asOf));
        }
        return out;
    }
}
