package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.perprisk.io.MappingResult;
import com.perprisk.io.PresetCatalog;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceMapper;
import com.perprisk.venue.RecordedVenue;
import com.perprisk.venue.RecordedVenue.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fetch} and {@code positions} against the recorded venues through {@code --base-url}. */
class CliLiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RecordedVenue server = RecordedVenue.allVenues();
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run withEnv(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = args[0].equals("fetch")
                ? FetchCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), o, e, env)
                : PositionsCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), o, e, env);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fetchPrintsAWorkspaceMarketForEveryVenue() throws Exception {
        String[][] cases = {{"binance", "BTCUSDT", "BINANCE"}, {"bybit", "BTCUSDT", "BYBIT"},
                {"okx", "BTC-USDT-SWAP", "OKX"}, {"hyperliquid", "BTC", "HYPERLIQUID"}, {"dydx", "BTC-USD", "DYDX"}};
        for (String[] c : cases) {
            Run r = cli("fetch", c[0], c[1], "--base-url", server.baseUrl());
            assertEquals(0, r.status(), c[0] + ": " + r.err());
            JsonNode m = r.json();
            assertEquals(c[1], m.get("symbol").asText());
            assertEquals(c[2], m.get("convention").asText());
            assertTrue(m.get("markPrice").isNumber());
            assertTrue(m.get("asOf").asText().endsWith("Z"), c[0]);
            assertTrue(m.get("source").asText().startsWith(c[0] + " " + server.baseUrl()), c[0]);
            assertTrue(m.has("nextFundingTime"), c[0]);
            // the printed object is a market the workspace format reads, and the engine accepts
            MarketDoc doc = WorkspaceCodec.readMarket(r.out());
            WorkspaceDocument ws = WorkspaceDocument.of("t", new WorkspaceDocument.AccountDoc(1000.0, "ONE_WAY"), null,
                    java.util.List.of(doc), java.util.List.of());
            MappingResult mapped = WorkspaceMapper.toPortfolio(ws);
            assertFalse(mapped.hasErrors(), c[0] + ": " + mapped.problems());
        }
        assertEquals(1.0, cli("fetch", "hyperliquid", "BTC", "--base-url", server.baseUrl()).json()
                .get("funding").get("intervalHours").asDouble());
    }

    @Test
    void fetchIntoReplacesTheMarketAtomicallyAndKeepsTheTypedFee() throws Exception {
        Path ws = dir.resolve("w.perprisk.json");
        Files.write(ws, PresetCatalog.class.getResourceAsStream("/workspaces/bybit-isolated.perprisk.json")
                .readAllBytes());
        WorkspaceDocument before = WorkspaceCodec.read(ws);
        MarketDoc old = before.markets().stream().filter(m -> m.symbol().equals("BTCUSDT")).findFirst().orElseThrow();
        Run r = cli("fetch", "bybit", "BTCUSDT", "--base-url", server.baseUrl(), "--into", ws.toString());
        assertEquals(0, r.status(), r.err());
        WorkspaceDocument after = WorkspaceCodec.read(ws);
        assertEquals(before.markets().size(), after.markets().size(), "replaced, not added");
        MarketDoc now = after.markets().stream().filter(m -> m.symbol().equals("BTCUSDT")).findFirst().orElseThrow();
        assertEquals(64970.71, now.markPrice());
        assertEquals(old.takerFeeRate(), now.takerFeeRate(), "the account's fee tier is the user's");
        assertEquals(before.positions(), after.positions());
        assertTrue(now.extra().get("asOf") instanceof String);
        assertFalse(WorkspaceMapper.toPortfolio(after).hasErrors(), WorkspaceMapper.toPortfolio(after).problems()
                .toString());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }

        Run add = cli("fetch", "hyperliquid", "ETH", "--base-url", server.baseUrl(), "--into", ws.toString());
        assertEquals(0, add.status(), add.err());
        assertEquals(after.markets().size() + 1, WorkspaceCodec.read(ws).markets().size(), "a new symbol is added");
    }

    @Test
    void aFailedFetchLeavesTheWorkspaceFileExactlyAsItWas() throws Exception {
        Path ws = dir.resolve("w.perprisk.json");
        Files.write(ws, PresetCatalog.class.getResourceAsStream("/workspaces/demo.perprisk.json").readAllBytes());
        byte[] before = Files.readAllBytes(ws);
        server.route("/fapi/v1/fundingInfo", r -> Reply.status(503, "down"));
        Run r = cli("fetch", "binance", "BTCUSDT", "--base-url", server.baseUrl(), "--into", ws.toString());
        assertEquals(4, r.status());
        assertEquals("", r.out());
        assertEquals("error: Binance USDⓈ-M GET /fapi/v1/fundingInfo: HTTP 503\n", r.err());
        assertArrayEquals(before, Files.readAllBytes(ws));
    }

    /** Property over seeded random failures: whatever fails, at whichever endpoint, the file keeps every byte. */
    @Test
    void aFailedRefreshNeverChangesTheWorkspace() throws Exception {
        Path ws = dir.resolve("w.perprisk.json");
        Files.write(ws, PresetCatalog.class.getResourceAsStream("/workspaces/demo.perprisk.json").readAllBytes());
        byte[] before = Files.readAllBytes(ws);
        String[][] endpoints = {
                {"binance", "BTCUSDT", "/fapi/v1/premiumIndex", "/fapi/v1/fundingInfo"},
                {"bybit", "BTCUSDT", "/v5/market/tickers", "/v5/market/risk-limit"},
                {"okx", "BTC-USDT-SWAP", "/api/v5/public/instruments", "/api/v5/public/mark-price",
                        "/api/v5/market/index-tickers", "/api/v5/public/funding-rate", "/api/v5/public/position-tiers"},
                {"hyperliquid", "BTC", "/info"},
                {"dydx", "BTC-USD", "/v4/perpetualMarkets"}};
        Reply[] failures = {Reply.status(500, "oops"), Reply.status(404, ""), Reply.ok("not json"),
                Reply.ok("{}"), Reply.ok("[]"), Reply.ok("{\"code\":\"1\",\"retCode\":1,\"markets\":7}"),
                Reply.status(429, "").withHeader("Retry-After", "3600")};
        java.util.Random rnd = new java.util.Random(12);
        for (int i = 0; i < 40; i++) {
            String[] v = endpoints[rnd.nextInt(endpoints.length)];
            String path = v[2 + rnd.nextInt(v.length - 2)];
            Reply pick = failures[rnd.nextInt(failures.length)];
            // [] is a valid fundingInfo (no symbol adjusted): not a failure there
            Reply failure = path.endsWith("fundingInfo") && "[]".equals(pick.body()) ? failures[0] : pick;
            try (RecordedVenue s = RecordedVenue.allVenues()) {
                s.route(path, r -> failure);
                Run r = cli("fetch", v[0], v[1], "--base-url", s.baseUrl(), "--into", ws.toString());
                assertEquals(4, r.status(), v[0] + " " + path + " " + failure + ": " + r.err());
                assertEquals(1, r.err().lines().count(), r.err());
                assertTrue(r.err().contains(path), "the message names the endpoint: " + r.err());
            }
            assertArrayEquals(before, Files.readAllBytes(ws), "case " + i);
        }
    }

    @Test
    void fetchErrorsAndUsage() {
        assertEquals(2, cli("fetch").status());
        Run venue = cli("fetch", "kraken", "XBTUSD");
        assertEquals(2, venue.status());
        assertTrue(venue.err().startsWith("fetch: unknown venue \"kraken\"; one of binance, bybit, okx, hyperliquid, "
                + "dydx"), venue.err());
        assertEquals(2, cli("fetch", "bybit", "BTCUSDT", "--timeout-ms", "0").status());
        assertEquals(2, cli("fetch", "bybit", "BTCUSDT", "--base-url", "ftp://x").status());
        Run unknown = cli("fetch", "okx", "NOPE-USDT-SWAP", "--base-url", server.baseUrl());
        assertEquals(4, unknown.status());
        assertEquals(1, unknown.err().lines().count(), "one line, no stack trace");
        server.route("/v5/market/tickers", r -> Reply.ok("{}").delayed(2000));
        Run slow = cli("fetch", "bybit", "BTCUSDT", "--base-url", server.baseUrl(), "--timeout-ms", "150");
        assertEquals(4, slow.status());
        assertEquals("error: Bybit GET /v5/market/tickers: no answer within 150 ms (timeout)\n", slow.err());
        Run missing = cli("fetch", "bybit", "BTCUSDT", "--into", dir.resolve("none.json").toString(), "--base-url",
                server.baseUrl());
        assertEquals(3, missing.status());
        assertTrue(cli("--help").out().contains("perprisk fetch VENUE SYMBOL"));
    }

    @Test
    void binanceWithAKeyFromTheEnvironmentFetchesTheBrackets() throws Exception {
        Map<String, String> env = Map.of("BN_KEY", "k-123", "BN_SECRET", "s-456");
        Run r = withEnv(env, "fetch", "binance", "ETHUSDT", "--base-url", server.baseUrl(), "--key-env", "BN");
        assertEquals(0, r.status(), r.err());
        assertEquals(3, r.json().get("tiers").size());
        assertFalse(r.json().has("tiersAsOf"));
        assertFalse(r.out().contains("s-456"), "the secret is never printed");
        Run noPreset = cli("fetch", "binance", "ETHUSDT", "--base-url", server.baseUrl());
        assertEquals(0, noPreset.status(), "ETHUSDT has a bundled preset");
        assertEquals("2024-10-24", noPreset.json().get("tiersAsOf").asText());
        Run unset = withEnv(Map.of(), "fetch", "binance", "ETHUSDT", "--key-env", "BN");
        assertEquals(1, unset.status());
        assertEquals("error: --key-env: environment variable BN_KEY is not set\n", unset.err());
    }

    @Test
    void positionsByAddressAndByKey() throws Exception {
        Run hl = cli("positions", "hyperliquid", "--address", "0x" + "0a".repeat(20), "--base-url", server.baseUrl());
        assertEquals(0, hl.status(), hl.err());
        JsonNode ps = hl.json();
        assertEquals(2, ps.size());
        assertEquals("BTC", ps.get(0).get("symbol").asText());
        assertEquals(72345.6, ps.get(0).get("venueLiquidationPrice").asDouble());
        Run dydx = cli("positions", "dydx", "--address", "dydx1n88uc38xhjgxzw9nwre4ep2c8ga4fjxcar6mn7", "--base-url",
                server.baseUrl());
        assertEquals(0, dydx.status(), dydx.err());
        assertEquals(2, dydx.json().size());
        Map<String, String> env = Map.of("X_KEY", "k", "X_SECRET", "s", "X_PASSPHRASE", "p");
        for (String v : new String[]{"binance", "bybit", "okx"}) {
            Run r = withEnv(env, "positions", v, "--key-env", "X", "--base-url", server.baseUrl());
            assertEquals(0, r.status(), v + ": " + r.err());
            assertTrue(r.json().isArray() && r.json().size() > 0, v);
            assertFalse(r.out().contains("\"s\""), "no secret in the output");
        }
        Run okxNoPass = withEnv(Map.of("X_KEY", "k", "X_SECRET", "s"), "positions", "okx", "--key-env", "X");
        assertEquals(1, okxNoPass.status());
        assertTrue(okxNoPass.err().contains("X_PASSPHRASE"), okxNoPass.err());
        assertEquals(2, cli("positions", "hyperliquid").status());
        assertEquals(2, cli("positions", "binance", "--address", "0x1").status());
        assertEquals(2, cli("positions", "hyperliquid", "--address", "a", "--key-env", "X").status());
        server.fixed("/v5/user/query-api", "bybit-query-api-trade.json");
        Run trading = withEnv(env, "positions", "bybit", "--key-env", "X", "--base-url", server.baseUrl());
        assertEquals(1, trading.status());
        assertTrue(trading.err().contains("PerpRisk accepts only read-only keys"), trading.err());
    }
}
