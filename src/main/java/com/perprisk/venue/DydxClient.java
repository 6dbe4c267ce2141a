package com.perprisk.venue;

import com.fasterxml.jackson.databind.JsonNode;
import com.perprisk.engine.Convention;
import com.perprisk.io.WorkspaceDocument.DydxDoc;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * dYdX v4's indexer (public): {@code perpetualMarkets?ticker=} gives the oracle price (dYdX has no separate mark),
 * the predicted 1-hour funding rate, the initial and maintenance margin fractions (maintenance fraction =
 * MMF / IMF), open interest in base units and the open-interest caps in USDC. Positions by address and subaccount 0.
 */
final class DydxClient extends VenueClient {
    static final String MARKETS = "/v4/perpetualMarkets";
    static final String SUBACCOUNT = "/v4/addresses/{address}/subaccountNumber/0";
    static final Pattern ADDRESS = Pattern.compile("dydx1[02-9ac-hj-np-z]{38,58}");

    DydxClient(VenueHttp http, Clock clock) {
        super(http, null, clock);
    }

    @Override
    public MarketDoc fetchMarket(String symbol) throws VenueException {
        String s = symbol.strip().toUpperCase(Locale.ROOT);
        Instant asOf = clock.instant();
        String endpoint = "GET " + MARKETS;
        Fields f = new Fields(venue(), endpoint);
        JsonNode body;
        try {
            body = http.get(MARKETS, "ticker=" + enc(s), 1, Map.of());
        } catch (VenueException e) {
            if (e.kind() == VenueException.Kind.HTTP && (e.getMessage().contains("HTTP 404")
                    || e.getMessage().contains("HTTP 400"))) {
                throw f.unknownSymbol(s, e.getMessage().substring(e.getMessage().indexOf("HTTP")));
            }
            throw e;
        }
        f.rootObject(body);
        JsonNode markets = f.object(body, "", "markets");
        JsonNode m = markets.get(s);
        if (m == null || m.isNull()) {
            throw f.unknownSymbol(s, null);
        }
        String at = "markets." + s;
        double oracle = f.num(m, at, "oraclePrice");
        if (!(oracle > 0)) {
            throw f.error(at + ".oraclePrice", "should be positive, got " + oracle);
        }
        double rate = f.num(m, at, "nextFundingRate");
        double imf = f.num(m, at, "initialMarginFraction");
        double mmf = f.num(m, at, "maintenanceMarginFraction");
        if (!(imf > 0 && imf <= 1)) {
            throw f.units(at + ".initialMarginFraction", "should be a fraction above 0 and at most 1, got " + imf);
        }
        if (!(mmf > 0 && mmf <= imf)) {
            throw f.units(at + ".maintenanceMarginFraction", "should be above 0 and at most the IMF " + imf
                    + ", got " + mmf);
        }
        double oi = f.num(m, at, "openInterest");
        Double lower = f.optNum(m, at, "openInterestLowerCap");
        Double upper = f.optNum(m, at, "openInterestUpperCap");
        if (upper != null && upper > 0 && lower != null && upper < lower) {
            throw f.units(at + ".openInterestUpperCap", "is below openInterestLowerCap " + lower);
        }
        DydxDoc dydx = new DydxDoc(imf, LiveMarket.ratio(mmf, imf), Math.abs(oi) * oracle,
                lower == null ? 0.0 : lower, upper == null ? 0.0 : upper, null);
        return LiveMarket.market(s, Convention.DYDX, oracle, oracle, rate, 1, null, dydx, asOf, sourceOf(endpoint),
                LiveMarket.nextHour(asOf), null);
    }

    @Override
    public List<PositionDoc> positions(String address) throws VenueException {
        String path = SUBACCOUNT.replace("{address}", address == null ? "" : address.strip());
        String endpoint = "GET " + SUBACCOUNT;
        if (address == null || !ADDRESS.matcher(address.strip()).matches()) {
            throw new VenueException(venue(), endpoint, "address", VenueException.Kind.KEY,
                    "should be a dYdX address (dydx1…), got \"" + address + "\"");
        }
        Instant asOf = clock.instant();
        JsonNode body = http.get(path, "", 1, Map.of());
        Fields f = new Fields(venue(), endpoint);
        f.rootObject(body);
        JsonNode sub = f.object(body, "", "subaccount");
        double equity = f.num(sub, "subaccount", "equity");
        JsonNode open = f.object(sub, "subaccount", "openPerpetualPositions");
        double total = 0;
        record Open(String ticker, boolean isLong, double size, double entry) {
        }
        List<Open> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = open.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "subaccount.openPerpetualPositions." + e.getKey();
            JsonNode p = e.getValue();
            String status = f.optText(p, "status");
            double size = f.num(p, at, "size");
            if (size == 0 || status != null && !"OPEN".equals(status)) {
                continue;
            }
            String side = f.text(p, at, "side");
            String ticker = f.optText(p, "market");
            double entry = f.num(p, at, "entryPrice");
            rows.add(new Open(ticker == null ? e.getKey() : ticker, "LONG".equals(side), Math.abs(size), entry));
            total += Math.abs(size) * entry;
        }
        // dYdX positions are cross-margined and have no leverage of their own: the account's, notional / equity
        double leverage = equity > 0 ? total / equity : 1;
        List<PositionDoc> out = new ArrayList<>();
        for (Open o : rows) {
            out.add(LiveMarket.position(venue(), "dydx-" + o.ticker(), o.ticker(), o.isLong(), o.size(), o.entry(),
                    leverage, false, null, null, asOf));
        }
        return out;
    }
}
