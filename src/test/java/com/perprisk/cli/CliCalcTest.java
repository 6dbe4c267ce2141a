package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.perprisk.io.PresetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliCalcTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private static Run run(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    /** Copies a bundled sample to a real file, so that calc reads it the way a user's file is read. */
    private static Path sample(Path dir, String name) throws Exception {
        Path f = dir.resolve(name + ".perprisk.json");
        Files.write(f, PresetCatalog.class.getResourceAsStream("/workspaces/" + name + ".perprisk.json").readAllBytes());
        return f;
    }

    private static void assertNoStackTrace(Run r) {
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("at com."), r.err());
        assertFalse(r.err().contains("at java."), r.err());
    }

    @Test
    void binanceFaqCrossExample(@TempDir Path dir) throws Exception {
        Run r = run("calc", sample(dir, "binance-faq-cross").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        assertEquals(26_316.89, r.position("btc").get("liquidationPrice").asDouble(), 0.005);
        assertEquals(1_153.26, r.position("eth").get("liquidationPrice").asDouble(), 0.005);
    }

    @Test
    void isolatedAndBybitExamples(@TempDir Path dir) throws Exception {
        Run r = run("calc", sample(dir, "isolated-long-60k").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(54_271.36, r.position("long").get("liquidationPrice").asDouble(), 0.005);
        r = run("calc", sample(dir, "bybit-isolated").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(19_700, r.position("long").get("liquidationPrice").asDouble(), 0.005);
        r = run("calc", sample(dir, "bybit-vs-mark").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(53_900, r.position("at-entry").get("liquidationPrice").asDouble(), 0.005);
        assertEquals(53_838.38, r.position("at-price").get("liquidationPrice").asDouble(), 0.005);
    }

    @Test
    void hedgeLegsShareOneLiquidationPrice(@TempDir Path dir) throws Exception {
        // balance P − 48,000 = requirement (2P × 0.5% − 50) + (P × 0.4%)  →  P = 47,950 / 0.986
        Run r = run("calc", sample(dir, "hedge-cross").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(47_950 / 0.986, r.position("long-leg").get("liquidationPrice").asDouble(), 1e-6);
        assertEquals(47_950 / 0.986, r.position("short-leg").get("liquidationPrice").asDouble(), 1e-6);
        assertEquals(48_000, r.position("short-leg").get("bankruptcyPrice").asDouble(), 1e-6);
    }

    @Test
    void outputHasExactlyTheDocumentedKeysInOrder(@TempDir Path dir) throws Exception {
        Run r = run("calc", sample(dir, "demo").toString());
        assertEquals(0, r.status(), r.err());
        JsonNode root = r.json();
        assertEquals(List.of("account", "positions", "markets", "warnings"), names(root));
        assertEquals(List.of("walletBalance", "unrealizedPnl", "marginBalance", "initialMargin", "maintenanceMargin",
                "marginRatio", "availableBalance"), names(root.get("account")));
        assertEquals(3, root.get("positions").size());
        for (JsonNode p : root.get("positions")) {
            assertEquals(List.of("id", "symbol", "side", "marginMode", "notional", "unrealizedPnl", "roe",
                    "initialMargin", "maintenanceMargin", "maintenanceMarginRate", "bracket", "margin",
                    "liquidationPrice", "bankruptcyPrice", "distanceToLiquidation", "marginRatio", "adlScore", "adlQuintile",
                    "fundingPerSettlement", "fundingOverHorizon"), names(p));
            assertTrue(p.get("notional").isNumber());
            assertTrue(p.get("bracket").isInt());
            assertTrue(p.get("margin").isNumber(), "the margin backing the position, as the results CSV has it");
        }
        assertEquals(3, root.get("markets").size());
        for (JsonNode m : root.get("markets")) {
            assertEquals(List.of("symbol", "premium", "fundingApr", "fundingApy", "basis", "basisRate",
                    "annualizedBasis"), names(m));
        }
        assertTrue(root.get("markets").get(0).get("basis").isNumber(), "BTC has a dated future");
        assertTrue(root.get("markets").get(1).get("basis").isNull(), "ETH has none");
        assertTrue(root.get("warnings").isArray());
        assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
    }

    @Test
    void explainAddsSubstitutedFormulas(@TempDir Path dir) throws Exception {
        Run r = run("calc", sample(dir, "binance-faq-cross").toString(), "--explain");
        assertEquals(0, r.status(), r.err());
        JsonNode root = r.json();
        JsonNode acc = root.get("account").get("explanations");
        assertTrue(acc.isObject() && acc.size() > 0, r.out());
        JsonNode ex = r.position("btc").get("explanations");
        JsonNode lp = ex.get("liquidationPrice");
        assertEquals(List.of("quantity", "formula", "terms", "substituted", "result", "notes"), names(lp));
        assertTrue(lp.get("terms").size() > 0);
        assertEquals(List.of("symbol", "name", "value", "unit"), names(lp.get("terms").get(0)));
        assertNotEquals(lp.get("formula").asText(), lp.get("substituted").asText());
        assertTrue(lp.get("substituted").asText().matches(".*\\d.*"), lp.get("substituted").asText());
        assertEquals(r.position("btc").get("liquidationPrice").asDouble(), lp.get("result").asDouble(), 1e-6);
        Run plain = run("calc", sample(dir, "binance-faq-cross").toString());
        assertFalse(plain.out().contains("explanations"));
    }

    @Test
    void badWorkspaceExitsOneWithFieldPathLines(@TempDir Path dir) throws Exception {
        Path f = sample(dir, "binance-faq-cross");
        String text = Files.readString(f).replace("\"leverage\": 20", "\"leverage\": 150")
                .replace("\"size\": 3683.979", "\"size\": -3683.979");
        Files.writeString(f, text);
        Run r = run("calc", f.toString());
        assertEquals(1, r.status());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(List.of("positions[0].leverage: 150 exceeds the bracket's max leverage 20",
                "positions[1].size: must be positive, got -3683.979"), lines);
        assertNoStackTrace(r);
    }

    @Test
    void syntaxErrorsExitOneWithLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("w.json");
        Files.writeString(f, "{\"format\": \"perprisk-workspace\", \"version\": 1,\n \"positions\": [{\"size\": NaN}]}");
        Run r = run("calc", f.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: line 2, column "), r.err());
        assertTrue(r.err().contains("positions[0].size"), r.err());
        assertNoStackTrace(r);
        Files.writeString(f, "{\"format\": \"perprisk-workspace\", \"version\": 7}");
        r = run("calc", f.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("newer PerpRisk (format version 7)"), r.err());
    }

    @Test
    void warningsGoToStderrWithoutFailing(@TempDir Path dir) throws Exception {
        Path f = sample(dir, "binance-faq-cross");
        Files.writeString(f, Files.readString(f).replace("\"marginMode\": \"CROSS\"\n    },",
                "\"marginMode\": \"CROSS\",\n      \"extraMargin\": 100\n    },"));
        Run r = run("calc", f.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().startsWith("warning: positions[0].extraMargin: ignored"), r.err());
        assertEquals("positions[0].extraMargin: ignored: margin can only be added to an ISOLATED position",
                r.json().get("warnings").get(0).asText());
    }

    @Test
    void tierWarningsAreReportedOnceAtTheirPath(@TempDir Path dir) throws Exception {
        Path f = sample(dir, "binance-faq-cross");
        Files.writeString(f, Files.readString(f).replaceFirst("\"maintenanceAmount\": 50\n",
                "\"maintenanceAmount\": 55\n"));
        Run r = run("calc", f.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("warning: markets[0].tiers[1].maintenanceAmount: maintenance amount 55"),
                r.err());
        assertEquals(1, r.json().get("warnings").size());
    }

    @Test
    void missingFileExitsThree(@TempDir Path dir) {
        Run r = run("calc", dir.resolve("nope.json").toString());
        assertEquals(3, r.status());
        assertTrue(r.err().startsWith("error: file not found"), r.err());
        assertNoStackTrace(r);
        r = run("calc", dir.toString());
        assertEquals(3, r.status());
    }

    @Test
    void usageErrorsExitTwo() {
        Run r = run("calc", "x.json", "--frobnicate");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("unknown option --frobnicate"), r.err());
        assertTrue(r.err().contains("usage: perprisk calc"), r.err());
        assertEquals(2, run("calc").status());
        assertEquals(2, run("calc", "--explain").status());
        assertEquals(2, run("calc", "a.json", "b.json").status());
    }

    @Test
    void readsStandardInputForDash() throws Exception {
        InputStream in = PresetCatalog.class.getResourceAsStream("/workspaces/bybit-isolated.perprisk.json");
        Run r = run(in, "calc", "-");
        assertEquals(0, r.status(), r.err());
        assertEquals(19_700, r.position("long").get("liquidationPrice").asDouble(), 0.005);
    }

    @Test
    void helpAndVersionStillWork() {
        Run r = run("--version");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("PerpRisk "));
        r = run("--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("calc WORKSPACE.json"));
        assertTrue(Cli.isHeadlessCommand(new String[] {"calc", "x"}));
        // a workspace that exists opens in the app; a name that is neither a command nor a file is a usage error
        assertFalse(Cli.isHeadlessCommand(new String[] {"pom.xml"}));
        assertTrue(Cli.isHeadlessCommand(new String[] {"x.json"}));
    }

    @Test
    void hostileInputNeverProducesAStackTrace(@TempDir Path dir) throws Exception {
        List<String> inputs = List.of("", "[", "[".repeat(10_000), "{\"format\": 5}", "null", "{}",
                "{\"format\": \"perprisk-workspace\", \"version\": 1, \"markets\": [null], \"positions\": [7]}",
                "{\"format\": \"perprisk-workspace\", \"version\": 1, \"account\": {\"walletBalance\": 1e999}}",
                "{\"format\": \"perprisk-workspace\", \"version\": 1, \"markets\": [{\"tiers\": [{}]}],"
                        + " \"positions\": [{}], \"account\": {}}");
        for (String input : inputs) {
            Path f = dir.resolve("h.json");
            Files.writeString(f, input);
            Run r = run("calc", f.toString());
            assertEquals(1, r.status(), input + " → " + r.err());
            assertFalse(r.err().isBlank());
            assertNoStackTrace(r);
        }
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = n.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }
}
