package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code simulate}, {@code compare} and {@code probability} on the bundled coin-margined sample: a USDT cross pool, a
 * BTC cross pool and an isolated ETH inverse short. Amounts of inverse positions are in their settle coin and say so.
 */
class CliInverseSimulationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SAMPLE = "resources/workspaces/coin-margined-mix.perprisk.json";

    private static JsonNode run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, e);
        assertFalse(e.contains("\tat "), e);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void simulateNamesTheAssetOfEveryEventAndKeepsEachCoinsBooks() throws Exception {
        JsonNode r = run("simulate", SAMPLE, "--seed", "4", "--steps", "400", "--volatility", "1.5",
                "--correlation", "1", "--slippage", "0.002", "--liquidation-fee", "0.004");
        Set<String> types = new java.util.HashSet<>();
        List<String> coinLiquidations = new ArrayList<>();
        for (JsonNode e : r.path("events")) {
            types.add(e.path("type").asText());
            String symbol = e.path("symbol").asText(null);
            String asset = e.path("asset").asText();
            if ("BTCUSD_PERP".equals(symbol)) {
                assertEquals("BTC", asset, e.toString());
            } else if ("ETHUSD_PERP".equals(symbol)) {
                assertEquals("ETH", asset, e.toString());
            } else if ("BTCUSDT".equals(symbol)) {
                assertEquals("USDT", asset, e.toString());
            } else {
                assertTrue(Set.of("USDT", "BTC", "ETH").contains(asset), e.toString());
            }
            if (e.path("type").asText().equals("FUNDING") && "BTCUSD_PERP".equals(symbol)) {
                // −side × N(mark) × F for 300 contracts of 100 USD, long
                double mark = e.path("markPrice").asDouble();
                assertEquals(-30_000 / mark * e.path("rate").asDouble() * e.path("settlements").asLong(),
                        e.path("payment").asDouble(), 1e-15);
            }
            if (e.path("type").asText().equals("LIQUIDATION") && !"BTCUSDT".equals(symbol)) {
                coinLiquidations.add(symbol);
                assertEquals(Math.rint(e.path("quantity").asDouble()), e.path("quantity").asDouble(), 1e-9);
            }
        }
        assertTrue(types.contains("FUNDING"), types.toString());
        assertFalse(coinLiquidations.isEmpty(), "the wild path liquidates a coin pool");
        JsonNode coins = r.path("coinPools");
        assertTrue(coins.has("BTC") || coins.has("ETH"), r.path("coinPools").toString());
        for (JsonNode c : coins) {
            JsonNode l = c.path("ledger");
            double imbalance = l.path("traderLoss").asDouble() + l.path("adlCollected").asDouble()
                    + l.path("uncoveredLoss").asDouble() - l.path("fundChange").asDouble() - l.path("fees").asDouble();
            assertEquals(0, imbalance, 1e-9);
        }
        // the final state is calc's output of the workspace at the end, pools by asset
        assertTrue(r.path("final").path("pools").isArray(), r.path("final").toString());
    }

    @Test
    void compareSetsTheInverseVenuesSideBySide() throws Exception {
        JsonNode r = run("compare", SAMPLE);
        List<String> names = new ArrayList<>();
        r.path("conventions").fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("BINANCE_COINM", "BYBIT_INVERSE", "BITMEX"), names);
        assertEquals("BTC", r.path("marginAssets").path("btc-long").asText());
        assertEquals("ETH", r.path("marginAssets").path("eth-short").asText());
        assertEquals("USDT", r.path("marginAssets").path("usdt").asText());
        // funding per day in ETH for the isolated short: +N(mark) × F × 3 at 0.01% per 8 h
        assertEquals(5_000 / 3_100.0 * 0.0001 * 3, r.path("fundingPerDay").path("BINANCE_COINM")
                .path("eth-short").asDouble(), 1e-12);
    }

    @Test
    void probabilityNamesEachPositionsAsset() throws Exception {
        JsonNode r = run("probability", SAMPLE, "--volatility", "0.8", "--horizon-hours", "240", "--paths", "2000",
                "--seed", "3");
        for (JsonNode p : r.path("positions")) {
            String id = p.path("id").asText();
            assertEquals(id.startsWith("usdt") ? "USDT" : id.startsWith("btc") ? "BTC" : "ETH",
                    p.path("marginAsset").asText());
            double mc = p.path("probabilityMonteCarlo").asDouble();
            double closed = p.path("probabilityClosedForm").asDouble();
            // one leg per pool: the Monte Carlo and the barrier formula agree within the noise and the step
            assertEquals(closed, mc, 4 * p.path("standardError").asDouble() + 0.02, id);
        }
    }
}
