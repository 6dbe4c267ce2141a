package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code "coinInsuranceFunds": {"BTC": …}}: each coin pool's insurance fund at the start of {@code simulate}, in the
 * coin, beside the linear pool's {@code insuranceFund}; calc ignores it, bad values name their field.
 */
class CoinInsuranceFundTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLE = Path.of("resources/workspaces/coin-margined-mix.perprisk.json");

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[]{Integer.toString(status), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)};
    }

    private static Path withFunds(Path dir, String name, Object funds) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(SAMPLE.toFile());
        root.set("coinInsuranceFunds", JSON.valueToTree(funds));
        Path p = dir.resolve(name);
        JSON.writeValue(p.toFile(), root);
        return p;
    }

    @Test
    @DisplayName("A BTC fund of 5 starts the BTC pool's fund at 5: it pays the liquidation's deficit that without it goes to ADL")
    void theCoinPoolStartsWithItsFund(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("crash.csv");
        Files.writeString(csv, GoldenOutputTest.crashPath(SAMPLE));
        String[] without = run("simulate", SAMPLE.toString(), "--path", csv.toString(), "--liquidation-fee", "0.004");
        Path ws = withFunds(dir, "funded.perprisk.json", java.util.Map.of("BTC", 5));
        String[] with = run("simulate", ws.toString(), "--path", csv.toString(), "--liquidation-fee", "0.004");
        assertEquals("0", with[0], with[2]);
        JsonNode a = JSON.readTree(without[1]).get("coinPools").get("BTC");
        JsonNode b = JSON.readTree(with[1]).get("coinPools").get("BTC");
        assertEquals(5 + b.get("ledger").get("fundChange").asDouble(), b.get("insuranceFund").asDouble(), 1e-12);
        // the liquidation of btc-long leaves a deficit: without a fund it is taken by ADL or left uncovered; with
        // 5 BTC in the fund, the fund pays it
        double deficit = -b.get("ledger").get("fundChange").asDouble();
        assertTrue(deficit > 0, "a deficit: " + deficit);
        assertEquals(0, a.get("insuranceFund").asDouble());
        assertEquals(deficit, a.get("ledger").get("adlCollected").asDouble()
                + a.get("ledger").get("uncoveredLoss").asDouble(), 1e-12);
        assertEquals(0, b.get("ledger").get("adlCollected").asDouble() + b.get("ledger").get("uncoveredLoss")
                .asDouble(), 1e-15);
        assertTrue(JSON.readTree(with[1]).get("events").size() > 0);
        // the linear pool's fund is its own
        assertEquals(JSON.readTree(without[1]).get("insuranceFund"), JSON.readTree(with[1]).get("insuranceFund"));
        // calc does not read it
        assertEquals(run("calc", SAMPLE.toString())[1], run("calc", ws.toString())[1]);
    }

    @Test
    @DisplayName("A negative fund is an error at its field; a coin without a pool is a warning")
    void badValuesNameTheirField(@TempDir Path dir) throws Exception {
        String[] bad = run("simulate", withFunds(dir, "bad.perprisk.json", java.util.Map.of("BTC", -1)).toString(),
                "--seed", "1", "--steps", "10", "--volatility", "0.5");
        assertEquals("1", bad[0]);
        assertTrue(bad[2].startsWith("coinInsuranceFunds.BTC: must be a number ≥ 0"), bad[2]);
        String[] other = run("simulate", withFunds(dir, "sol.perprisk.json", java.util.Map.of("SOL", 3)).toString(),
                "--seed", "1", "--steps", "10", "--volatility", "0.5");
        assertEquals("0", other[0], other[2]);
        assertTrue(other[2].contains("warning: coinInsuranceFunds.SOL: ignored: no inverse market settles in SOL"),
                other[2]);
    }
}
