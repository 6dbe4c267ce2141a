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
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliSimulationCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Run r = new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        return r;
    }

    /** Domain §3 position (isolated long 10 BTC at 60,000, 10x, extra 5,000), plus a cross ETH short. */
    static String workspace(String extra) {
        return """
                {
                  "format": "perprisk-workspace",
                  "version": 1,
                  "account": { "walletBalance": 20000, "positionMode": "ONE_WAY" },
                  %s
                  "markets": [ {
                    "symbol": "BTCUSDT", "convention": "BINANCE", "markPrice": 60000, "takerFeeRate": 0.0005,
                    "tiers": [ { "floor": 0, "cap": 400000, "maxLeverage": 125, "mmr": 0.005 },
                               { "floor": 400000, "maxLeverage": 50, "mmr": 0.01 } ],
                    "funding": { "rate": 0.0001, "intervalHours": 8 }
                  }, {
                    "symbol": "ETHUSDT", "convention": "BINANCE", "markPrice": 3000,
                    "tiers": [ { "floor": 0, "maxLeverage": 100, "mmr": 0.005 } ]
                  } ],
                  "positions": [
                    { "id": "p", "symbol": "BTCUSDT", "side": "LONG", "size": 10, "entryPrice": 60000, "leverage": 10,
                      "marginMode": "ISOLATED", "extraMargin": 5000 },
                    { "id": "s", "symbol": "ETHUSDT", "side": "SHORT", "size": 20, "entryPrice": 3000, "leverage": 20,
                      "marginMode": "CROSS" }
                  ]
                }
                """.formatted(extra);
    }

    static Path file(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void headlessCommandsAreRecognised() {
        assertTrue(Cli.isHeadlessCommand(new String[]{"simulate"}));
        assertTrue(Cli.isHeadlessCommand(new String[]{"compare"}));
        assertTrue(Cli.isHeadlessCommand(new String[]{"probability"}));
        Run help = run("--help");
        assertTrue(help.out().contains("perprisk simulate"));
        assertEquals(0, run("simulate", "--help").status());
    }

    @Test
    void simulatePrintsEventsAndTheFinalCalcOutputReproducibly(@TempDir Path dir) throws Exception {
        Path ws = file(dir, "w.json", workspace("\"insuranceFund\": 1000000, \"counterparties\": {\"seed\": 7, "
                + "\"perSide\": 20},"));
        Run a = run("simulate", ws.toString(), "--seed", "3", "--steps", "400", "--volatility", "1.5");
        assertEquals(0, a.status(), a.err());
        JsonNode j = a.json();
        assertTrue(j.get("events").isArray());
        List<String> types = new ArrayList<>();
        for (JsonNode e : j.get("events")) {
            assertTrue(e.has("step") && e.has("time") && e.has("type"), e.toString());
            types.add(e.get("type").asText());
        }
        assertTrue(types.contains("FUNDING"), types.toString());
        for (String t : types) {
            assertTrue(List.of("FUNDING", "MARGIN_CALL", "LIQUIDATION", "PARTIAL_LIQUIDATION", "INSURANCE_FUND", "ADL")
                    .contains(t));
        }
        assertTrue(j.get("final").has("account") && j.get("final").has("positions"));
        assertTrue(j.get("ledger").has("fundChange"));
        Run b = run("simulate", ws.toString(), "--seed", "3", "--steps", "400", "--volatility", "1.5");
        assertEquals(a.out(), b.out());
        Run c = run("simulate", ws.toString(), "--seed", "4", "--steps", "400", "--volatility", "1.5");
        assertFalse(a.out().equals(c.out()));
    }

    @Test
    void simulateFromACsvPathWithListedCounterparties(@TempDir Path dir) throws Exception {
        Path ws = file(dir, "w.json", workspace("\"insuranceFund\": 100, \"counterparties\": [ {\"id\": \"c1\", "
                + "\"symbol\": \"BTCUSDT\", \"side\": \"SHORT\", \"size\": 50, \"entryPrice\": 70000, \"leverage\": 10}"
                + " ],"));
        Path csv = file(dir, "p.csv", "timestamp,symbol,mark\n2024-01-01T00:00:00Z,BTCUSDT,60000\n"
                + "2024-01-01T01:00:00Z,BTCUSDT,50000\n");
        Run r = run("simulate", ws.toString(), "--path", csv.toString());
        assertEquals(0, r.status(), r.err());
        List<String> types = new ArrayList<>();
        r.json().get("events").forEach(e -> types.add(e.get("type").asText()));
        assertTrue(types.containsAll(List.of("LIQUIDATION", "INSURANCE_FUND", "ADL")), types.toString());
        JsonNode adl = null;
        for (JsonNode e : r.json().get("events")) {
            if (e.get("type").asText().equals("ADL")) {
                adl = e;
            }
        }
        assertEquals("c1", adl.get("counterparty").asText());
        // the isolated long is gone from the final calc output
        JsonNode positions = r.json().get("final").get("positions");
        positions.forEach(p -> assertFalse(p.get("id").asText().equals("p")));
    }

    @Test
    void simulateErrorRules(@TempDir Path dir) throws Exception {
        Path ws = file(dir, "w.json", workspace(""));
        assertEquals(2, run("simulate", ws.toString(), "--seed", "1", "--steps", "10").status());
        Run bad = run("simulate", ws.toString(), "--seed", "1", "--steps", "10", "--volatility", "x");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--volatility must be a number"), bad.err());
        assertEquals(2, run("simulate", ws.toString(), "--frobnicate", "1").status());
        assertEquals(2, run("simulate").status());
        assertEquals(3, run("simulate", dir.resolve("missing.json").toString(), "--seed", "1", "--steps", "10",
                "--volatility", "0.8").status());
        Path fund = file(dir, "f.json", workspace("\"insuranceFund\": -5,"));
        Run f = run("simulate", fund.toString(), "--seed", "1", "--steps", "10", "--volatility", "0.8");
        assertEquals(1, f.status());
        assertTrue(f.err().startsWith("insuranceFund: "), f.err());
        Path cps = file(dir, "c.json", workspace("\"counterparties\": [ {\"id\": \"c\", \"symbol\": \"BTCUSDT\","
                + " \"side\": \"UP\", \"size\": 1, \"entryPrice\": 1} ],"));
        Run c = run("simulate", cps.toString(), "--seed", "1", "--steps", "10", "--volatility", "0.8");
        assertEquals(1, c.status());
        assertTrue(c.err().contains("counterparties[0].side: "), c.err());
        Path csv = file(dir, "p.csv", "1700000000,BTCUSDT,60000\n1700003600,BTCUSDT,nope\n");
        Run p = run("simulate", ws.toString(), "--path", csv.toString());
        assertEquals(1, p.status());
        assertTrue(p.err().contains("p.csv: line 2: mark \"nope\" is not a number"), p.err());
        assertEquals(3, run("simulate", ws.toString(), "--path", dir.resolve("none.csv").toString()).status());
        Path invalid = file(dir, "i.json", "{\"format\": \"perprisk-workspace\", \"version\": 1, \"account\": "
                + "{\"walletBalance\": \"lots\"}}");
        assertEquals(1, run("simulate", invalid.toString(), "--seed", "1", "--steps", "10", "--volatility", "0.8")
                .status());
    }

    @Test
    void compareShowsEveryConventionAndAttributesTheDifference(@TempDir Path dir) throws Exception {
        Path ws = file(dir, "w.json", workspace(""));
        Run r = run("compare", ws.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode j = r.json();
        for (String c : List.of("BINANCE", "BYBIT", "OKX", "HYPERLIQUID", "DYDX")) {
            assertTrue(j.get("conventions").has(c), c);
            assertTrue(j.get("conventions").get(c).has("positions"));
        }
        JsonNode binance = null;
        for (JsonNode p : j.get("conventions").get("BINANCE").get("positions")) {
            if (p.get("id").asText().equals("p")) {
                binance = p;
            }
        }
        assertEquals(53_838.38, binance.get("liquidationPrice").asDouble(), 0.005);
        boolean found = false;
        for (JsonNode d : j.get("differences")) {
            if (d.get("positionId").asText().equals("p") && d.get("quantity").asText().equals("liquidationPrice")
                    && d.get("conventionA").asText().equals("BINANCE") && d.get("conventionB").asText().equals("BYBIT")) {
                assertEquals("MM at entry vs at P", d.get("cause").asText());
                assertEquals(53_900, d.get("valueB").asDouble(), 1e-6);
                found = true;
            }
        }
        assertTrue(found, r.out());
        assertEquals(2, run("compare").status());
        assertEquals(2, run("compare", ws.toString(), "--explain").status());
        assertEquals(3, run("compare", dir.resolve("nope.json").toString()).status());
    }

    @Test
    void probabilityPrintsClosedFormAndMonteCarlo(@TempDir Path dir) throws Exception {
        Path ws = file(dir, "w.json", workspace(""));
        Run r = run("probability", ws.toString(), "--volatility", "0.8", "--horizon-hours", "168", "--paths", "4000",
                "--seed", "5");
        assertEquals(0, r.status(), r.err());
        JsonNode ps = r.json().get("positions");
        assertEquals(2, ps.size());
        for (JsonNode p : ps) {
            for (String k : List.of("id", "liquidationPrice", "probabilityClosedForm", "probabilityMonteCarlo",
                    "standardError")) {
                assertTrue(p.has(k), k);
            }
            double cf = p.get("probabilityClosedForm").asDouble();
            double mc = p.get("probabilityMonteCarlo").asDouble();
            double se = Math.max(p.get("standardError").asDouble(), 0.005);
            // funding is small here (0.01% per 8 h), so MC stays within a few standard errors of the closed form
            assertTrue(Math.abs(cf - mc) < 5 * se, p.toString());
        }
        assertEquals(r.out(), run("probability", ws.toString(), "--volatility", "0.8", "--horizon-hours", "168",
                "--paths", "4000", "--seed", "5").out());
        assertEquals(2, run("probability", ws.toString(), "--volatility", "0.8").status());
        assertEquals(2, run("probability", ws.toString(), "--volatility", "0.8", "--horizon-hours", "24", "--paths",
                "many").status());
        assertEquals(2, run("probability", ws.toString(), "--volatility", "0.8", "--horizon-hours", "24", "--paths",
                "0").status());
        Run neg = run("probability", ws.toString(), "--volatility", "-1", "--horizon-hours", "24");
        assertEquals(1, neg.status());
        assertTrue(neg.err().startsWith("error: volatility"), neg.err());
        assertEquals(3, run("probability", dir.resolve("x.json").toString(), "--volatility", "0.8",
                "--horizon-hours", "24").status());
    }
}
