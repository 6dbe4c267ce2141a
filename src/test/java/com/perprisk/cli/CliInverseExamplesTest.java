package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.perprisk.io.PresetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Published coin-margined worked examples (docs/inverse-examples.md) through {@code calc}, with the bundled presets
 * where the example names a venue's table.
 */
class CliInverseExamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode calc(Path dir, String workspace) throws Exception {
        Path f = dir.resolve("w.perprisk.json");
        Files.writeString(f, workspace);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(new String[]{"calc", f.toString()}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return JSON.readTree(out.toString(StandardCharsets.UTF_8)).path("positions").get(0);
    }

    /** The tiers of a bundled preset as workspace JSON. */
    private static String tiers(String presetId) throws Exception {
        String text = PresetCatalog.toJson(PresetCatalog.load(presetId));
        return JSON.readTree(text).path("tiers").toString();
    }

    @Test
    void binancesCalculatorOnTheBundledCoinMTable(@TempDir Path dir) throws Exception {
        // dev.binance.vision topic 6292: wallet 101 BTC, long 100,000 BTCUSD_PERP contracts at 45,000, cross:
        // Binance's calculator 33,599.40; at that price the position is ≈ 297.6 BTC (12.5%, 11.605 BTC)
        JsonNode p = calc(dir, """
                { "format": "perprisk-workspace", "version": 2,
                  "account": { "walletBalance": 0, "coinWallets": { "BTC": 101 }, "positionMode": "ONE_WAY" },
                  "markets": [ { "symbol": "BTCUSD_PERP", "convention": "BINANCE_COINM",
                    "contract": { "type": "INVERSE", "contractSize": 100, "settleAsset": "BTC" },
                    "markPrice": 45000, "tiers": %s } ],
                  "positions": [ { "id": "p", "symbol": "BTCUSD_PERP", "side": "LONG", "size": 100000,
                    "entryPrice": 45000, "leverage": 4, "marginMode": "CROSS" } ] }
                """.formatted(tiers("binance-coinm-btcusd-perp-2021-07-27")));
        assertEquals("BTC", p.path("marginAsset").asText());
        double lp = p.path("liquidationPrice").asDouble();
        assertEquals(10_000_000 * 1.125 / (101 + 11.605 + 10_000_000 / 45_000.0), lp, 1e-6);
        assertEquals(33_599.4, Math.floor(lp * 10) / 10, 1e-9); // the calculator shows it cut to the 0.1 tick
    }

    @Test
    void bybitsClassicCrossInverseExample(@TempDir Path dir) throws Exception {
        // Bybit help "How to calculate Liquidation Price (Inverse Contract)": balance 0.5 BTC, long 10,000 BTCUSD at
        // 8,000, MM 0.5% at the entry value, the 0.075% fee to close at the bankruptcy price held in the margin
        JsonNode p = calc(dir, """
                { "format": "perprisk-workspace", "version": 2,
                  "account": { "walletBalance": 0, "coinWallets": { "BTC": 0.5 }, "positionMode": "ONE_WAY" },
                  "markets": [ { "symbol": "BTCUSD", "convention": "BYBIT_INVERSE",
                    "contract": { "type": "INVERSE", "contractSize": 1, "settleAsset": "BTC" },
                    "markPrice": 8000, "takerFeeRate": 0.00075,
                    "tiers": [ { "floor": 0, "cap": 150, "maxLeverage": 100, "mmr": 0.005 } ] } ],
                  "positions": [ { "id": "p", "symbol": "BTCUSD", "side": "LONG", "size": 10000,
                    "entryPrice": 8000, "leverage": 100, "marginMode": "CROSS" } ] }
                """);
        double bp = 1.00075 * 10_000 / (10_000 / 8_000.0 + 0.5); // 5,718.57 published
        double rhs = -(0.5 - 10_000 / 8_000.0 * 0.005 - 10_000 * 0.00075 / bp);
        double formula = 1 / (1 / 8_000.0 - rhs / 10_000); // 5,739.08; published 5,739.50 = rounded up to 0.5
        assertEquals(5_718.57, bp, 0.005);
        assertEquals(formula, p.path("liquidationPrice").asDouble(), 0.01);
        assertEquals(5_739.5, Math.ceil(p.path("liquidationPrice").asDouble() * 2) / 2, 1e-9);
    }
}
