package com.perprisk.venue;

import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceMapper;
import com.perprisk.venue.RecordedVenue.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Property, over seeded random venue answers in the recorded shapes: a fetched market is a valid workspace market
 * and survives the workspace format (write, read) unchanged, both alone and inside a workspace.
 */
class LiveRoundTripPropertyTest {
    private static final int CASES = 60;
    private final RecordedVenue server = RecordedVenue.allVenues();

    @AfterEach
    void stop() {
        server.close();
    }

    private static String dec(double v) {
        return new BigDecimal(v).round(new java.math.MathContext(9)).stripTrailingZeros().toPlainString();
    }

    /** A random Bybit risk-limit table: rising caps and rates, deductions left out on a random number of tiers. */
    private static String bybitTiers(Random rnd) {
        int n = 1 + rnd.nextInt(8);
        StringBuilder sb = new StringBuilder("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"linear\","
                + "\"list\":[");
        double cap = 100_000 * (1 + rnd.nextInt(50));
        double mmr = 0.002 + rnd.nextInt(10) / 1000.0;
        double lev = Math.min(100, Math.floor(0.9 / mmr));
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT, "{\"id\":%d,\"symbol\":\"BTCUSDT\",\"riskLimitValue\":\"%s\","
                            + "\"maintenanceMargin\":\"%s\",\"initialMargin\":\"%s\",\"maxLeverage\":\"%s\","
                            + "\"mmDeduction\":\"\"}", i + 1, dec(cap), dec(mmr), dec(1 / lev), dec(lev)));
            cap += 100_000 * (1 + rnd.nextInt(100));
            mmr += rnd.nextInt(5) / 1000.0;
            lev = Math.max(1, Math.min(lev, Math.floor(0.9 / mmr)));
        }
        return sb.append("],\"nextPageCursor\":\"\"},\"retExtInfo\":{},\"time\":1}").toString();
    }

    private static String hyperliquid(Random rnd) {
        int n = 1 + rnd.nextInt(4);
        StringBuilder tiers = new StringBuilder();
        double bound = 0;
        int lev = 50;
        for (int i = 0; i < n; i++) {
            tiers.append(i == 0 ? "" : ",").append("{\"lowerBound\":\"").append(dec(bound)).append("\",\"maxLeverage\":")
                    .append(lev).append('}');
            bound += 1_000_000 * (1 + rnd.nextInt(200));
            lev = Math.max(1, lev - 1 - rnd.nextInt(10));
        }
        double mark = 1 + rnd.nextDouble() * 100_000;
        return "[{\"universe\":[{\"name\":\"BTC\",\"szDecimals\":5,\"maxLeverage\":50,\"marginTableId\":60}],"
                + "\"marginTables\":[[60,{\"description\":\"t\",\"marginTiers\":[" + tiers + "]}]]},"
                + "[{\"funding\":\"" + dec((rnd.nextDouble() - 0.5) * 1e-4) + "\",\"openInterest\":\"1\","
                + "\"oraclePx\":\"" + dec(mark * 0.999) + "\",\"markPx\":\"" + dec(mark) + "\"}]]";
    }

    @Test
    void aFetchedMarketRoundTripsThroughTheWorkspaceFormat() throws Exception {
        for (int seed = 0; seed < CASES; seed++) {
            Random rnd = new Random(seed);
            String bybit = bybitTiers(rnd);
            String hl = hyperliquid(rnd);
            double oracle = 0.5 + rnd.nextDouble() * 50_000;
            server.route("/v5/market/risk-limit", r -> Reply.ok(bybit));
            server.route("/info", r -> Reply.ok(hl));
            String dydx = RecordedVenue.resource("dydx-perpetualMarkets-SOL-USD.json")
                    .replace("\"140.5\"", "\"" + dec(oracle) + "\"");
            server.route("/v4/perpetualMarkets", r -> Reply.ok(dydx));
            for (Venue v : Venue.values()) {
                String symbol = switch (v) {
                    case BINANCE, BYBIT -> "BTCUSDT";
                    case OKX -> "BTC-USDT-SWAP";
                    case HYPERLIQUID -> "BTC";
                    case DYDX -> "SOL-USD";
                };
                MarketDoc m = VenueClientsTest.client(server, v, null).fetchMarket(symbol);
                String at = "seed " + seed + " " + v.id();
                assertEquals(m, WorkspaceCodec.readMarket(WorkspaceCodec.marketToJson(m)), at);
                WorkspaceDocument ws = WorkspaceDocument.of("p", new WorkspaceDocument.AccountDoc(1000.0, "ONE_WAY"),
                        null, List.of(m), List.of());
                WorkspaceDocument back = WorkspaceCodec.read(WorkspaceCodec.toJson(ws));
                assertEquals(ws.markets(), back.markets(), at);
                assertFalse(WorkspaceMapper.toPortfolio(back).hasErrors(), at + ": "
                        + WorkspaceMapper.toPortfolio(back).problems());
            }
        }
    }
}
