package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** calc on coin-margined workspaces: the venues' worked examples, pools, margin assets and field errors. */
class CliInverseTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }

        JsonNode position(String id) throws Exception {
            for (JsonNode p : json().get("positions")) {
                if (p.get("id").asText().equals(id)) {
                    return p;
                }
            }
            throw new AssertionError("no position " + id + " in " + out);
        }
    }

    private Run calc(String workspace, String... flags) throws Exception {
        Path f = dir.resolve("w" + System.nanoTime() + ".perprisk.json");
        Files.writeString(f, workspace, StandardCharsets.UTF_8);
        String[] args = new String[flags.length + 2];
        args[0] = "calc";
        args[1] = f.toString();
        System.arraycopy(flags, 0, args, 2, flags.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String workspace(String wallets, String market, String position) {
        return "{\"format\": \"perprisk-workspace\", \"version\": 2, \"name\": \"t\","
                + " \"account\": {\"walletBalance\": 1000, \"coinWallets\": " + wallets
                + ", \"positionMode\": \"ONE_WAY\"}, \"markets\": [" + market + "], \"positions\": [" + position + "]}";
    }

    static String inverse(String symbol, String convention, double cs, double mark, double fee, String tiers) {
        return "{\"symbol\": \"" + symbol + "\", \"convention\": \"" + convention + "\", \"contract\": {\"type\":"
                + " \"INVERSE\", \"contractSize\": " + cs + ", \"settleAsset\": \"BTC\"}, \"markPrice\": " + mark
                + ", \"takerFeeRate\": " + fee + ", \"tiers\": " + tiers + "}";
    }

    static String position(String id, String symbol, String side, double size, double entry, double lev,
                           String mode) {
        return "{\"id\": \"" + id + "\", \"symbol\": \"" + symbol + "\", \"side\": \"" + side + "\", \"size\": " + size
                + ", \"entryPrice\": " + entry + ", \"leverage\": " + lev + ", \"marginMode\": \"" + mode + "\"}";
    }

    static final String ONE_TIER = "[{\"floor\": 0, \"maxLeverage\": 100, \"mmr\": 0.005}]";

    @Test
    void binanceCoinmCalculatorCaseThroughCalc() throws Exception {
        String tiers = "[{\"floor\": 0, \"cap\": 250, \"maxLeverage\": 5, \"mmr\": 0.07858},"
                + " {\"floor\": 250, \"cap\": 1000, \"maxLeverage\": 4, \"mmr\": 0.125}]";
        Run r = calc(workspace("{\"BTC\": 101}", inverse("BTCUSD_PERP", "BINANCE_COINM", 100, 45_000, 0, tiers),
                position("b", "BTCUSD_PERP", "LONG", 100_000, 45_000, 2, "CROSS")));
        assertEquals(0, r.status(), r.err());
        JsonNode p = r.position("b");
        assertEquals("BTC", p.get("marginAsset").asText());
        assertEquals(33_599.40, p.get("liquidationPrice").asDouble(), 0.05);
        assertEquals(100_000 * 100 / 45_000.0, p.get("notional").asDouble(), 1e-9);
        JsonNode pools = r.json().get("pools");
        assertEquals("USDT", pools.get(0).get("asset").asText());
        assertEquals(1000, pools.get(0).get("walletBalance").asDouble());
        assertEquals("BTC", pools.get(1).get("asset").asText());
        assertEquals(101, pools.get(1).get("walletBalance").asDouble());
        assertEquals(1000, r.json().get("account").get("walletBalance").asDouble()); // the linear quote pool
    }

    @Test
    void bybitExamplesThroughCalc() throws Exception {
        Run iso = calc(workspace("{}", inverse("BTCUSD", "BYBIT_INVERSE", 1, 50_000, 0, ONE_TIER),
                position("i", "BTCUSD", "LONG", 60_000, 50_000, 10, "ISOLATED")));
        assertEquals(0, iso.status(), iso.err());
        assertEquals(45_662.10, iso.position("i").get("liquidationPrice").asDouble(), 0.005);
        assertEquals(0.12, iso.position("i").get("initialMargin").asDouble(), 1e-12);
        Run cross = calc(workspace("{\"BTC\": 0.5}", inverse("BTCUSD", "BYBIT_INVERSE", 1, 8_000, 0.00075, ONE_TIER),
                position("c", "BTCUSD", "LONG", 10_000, 8_000, 100, "CROSS")));
        assertEquals(0, cross.status(), cross.err());
        assertEquals(5_739.50, cross.position("c").get("liquidationPrice").asDouble(), 5_739.50 * 1e-4);
        assertEquals(0.5, cross.json().get("pools").get(1).get("walletBalance").asDouble());
    }

    @Test
    void bitmexBankruptcyThroughCalcAndTheExplanationIsInCoin() throws Exception {
        Run r = calc(workspace("{}", inverse("XBTUSD", "BITMEX", 1, 10_000, 0.00075, ONE_TIER),
                position("x", "XBTUSD", "LONG", 1_000, 10_000, 10, "ISOLATED")), "--explain");
        assertEquals(0, r.status(), r.err());
        JsonNode p = r.position("x");
        assertEquals(10_000 / 1.1, p.get("bankruptcyPrice").asDouble(), 1e-8);
        JsonNode lp = p.get("explanations").get("liquidationPrice");
        assertTrue(lp.get("formula").asText().contains("C × cs"), lp.toString());
        assertEquals(p.get("liquidationPrice").asDouble(), lp.get("result").asDouble());
        JsonNode upnl = p.get("explanations").get("unrealizedPnl");
        assertTrue(upnl.get("notes").get(0).asText().contains("BTC ≈"), upnl.toString());
        assertTrue(upnl.get("notes").get(0).asText().contains("USD"), upnl.toString());
    }

    @Test
    void aMixedWorkspaceHasAPoolPerAssetAndEachPositionSaysItsAsset() throws Exception {
        String mixed = new String(getClass().getResourceAsStream("/inverse/mixed.perprisk.json").readAllBytes(),
                StandardCharsets.UTF_8);
        Run r = calc(mixed, "--explain");
        assertEquals(0, r.status(), r.err());
        JsonNode pools = r.json().get("pools");
        assertEquals(3, pools.size());
        assertEquals("USDT", pools.get(0).get("asset").asText());
        assertEquals("BTC", pools.get(1).get("asset").asText());
        assertEquals("ETH", pools.get(2).get("asset").asText());
        assertEquals(r.json().get("account").get("marginBalance"), pools.get(0).get("marginBalance"));
        assertEquals(1.5, pools.get(1).get("walletBalance").asDouble());
        // the BTC pool holds c1 (BINANCE_COINM) and x1 (BITMEX); the isolated ETH position is outside the ETH pool
        double btcUpnl = r.position("c1").get("unrealizedPnl").asDouble() + r.position("x1").get("unrealizedPnl")
                .asDouble();
        assertEquals(btcUpnl, pools.get(1).get("unrealizedPnl").asDouble(), 1e-15);
        assertEquals(0.0, pools.get(2).get("unrealizedPnl").asDouble());
        assertEquals(pools.get(1).get("marginBalance"), r.position("c1").get("margin"));
        assertEquals("USDT", r.position("u1").get("marginAsset").asText());
        assertEquals("BTC", r.position("x1").get("marginAsset").asText());
        assertEquals("ETH", r.position("e1").get("marginAsset").asText());
        JsonNode ratio = pools.get(1).get("explanations").get("marginRatio");
        assertEquals(pools.get(1).get("marginRatio").asDouble(), ratio.get("result").asDouble());
        assertEquals("BTC", ratio.get("terms").get(0).get("unit").asText());
        // the short XBTUSD in a well-funded BTC pool cannot lose more than the pool holds
        assertTrue(r.position("x1").get("liquidationPrice").isNull());
    }

    @Test
    void aLinearWorkspaceHasNoPoolsAndNoMarginAsset() throws Exception {
        String ws = "{\"format\": \"perprisk-workspace\", \"version\": 1, \"account\": {\"walletBalance\": 1000,"
                + " \"positionMode\": \"ONE_WAY\"}, \"markets\": [{\"symbol\": \"BTCUSDT\", \"convention\":"
                + " \"BINANCE\", \"markPrice\": 60000, \"tiers\": " + ONE_TIER + "}], \"positions\": ["
                + position("l", "BTCUSDT", "LONG", 1, 60_000, 10, "CROSS") + "]}";
        Run r = calc(ws);
        assertEquals(0, r.status(), r.err());
        assertFalse(r.json().has("pools"), r.out());
        assertFalse(r.position("l").has("marginAsset"), r.out());
    }

    private void assertFieldError(String workspace, String line) throws Exception {
        Run r = calc(workspace);
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains(line), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void badInverseInputIsReportedAtItsField() throws Exception {
        String btcusd = inverse("BTCUSD_PERP", "BINANCE_COINM", 100, 60_000, 0, ONE_TIER);
        assertFieldError(workspace("{\"BTC\": 1}", btcusd,
                position("p", "BTCUSD_PERP", "LONG", 2.5, 60_000, 10, "CROSS")),
                "positions[0].size: must be a whole number of contracts");
        assertFieldError(workspace("{}", btcusd, position("p", "BTCUSD_PERP", "LONG", 3, 60_000, 10, "CROSS")),
                "account.coinWallets.BTC: missing");
        assertFieldError(workspace("{}", inverse("BTCUSD_PERP", "BINANCE_COINM", 0, 60_000, 0, ONE_TIER), ""),
                "markets[0].contract.contractSize: must be a positive number");
        assertFieldError(workspace("{}", inverse("BTCUSD_PERP", "BINANCE", 100, 60_000, 0, ONE_TIER), ""),
                "markets[0].convention: BINANCE is for linear contracts");
        assertFieldError(workspace("{\"BTC\": -1}", btcusd, ""), "account.coinWallets.BTC:");
    }
}
