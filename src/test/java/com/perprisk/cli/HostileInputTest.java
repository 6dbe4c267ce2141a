package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.io.PresetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14 items 1–6: numbers the parser or the engine cannot hold, and the command line, through every command. */
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each headless command with the options it needs to run on the demo. */
    static final List<String[]> COMMANDS = List.of(
            new String[] {"calc", "-"},
            new String[] {"simulate", "-", "--seed", "1", "--steps", "5", "--volatility", "0.5"},
            new String[] {"compare", "-"},
            new String[] {"probability", "-", "--volatility", "0.5", "--horizon-hours", "24", "--paths", "50"});

    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    static Run run(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String demoText() throws Exception {
        return new String(PresetCatalog.class.getResourceAsStream("/workspaces/demo.perprisk.json").readAllBytes(),
                StandardCharsets.UTF_8);
    }

    static String demo(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(demoText());
        edit.accept(root);
        return JSON.writeValueAsString(root);
    }

    static ObjectNode market(ObjectNode root, int i) {
        return (ObjectNode) root.get("markets").get(i);
    }

    static ObjectNode position(ObjectNode root, int i) {
        return (ObjectNode) root.get("positions").get(i);
    }

    static void assertNoStackTrace(Run r) {
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("at com."),
                r.err());
    }

    /** Refused by every command with exit 1 and the field named, on one line. */
    static void refusedEverywhere(String input, String path) {
        for (String[] c : COMMANDS) {
            Run r = run(input, c);
            assertEquals(1, r.status(), c[0] + ": " + r.err());
            assertTrue(r.err().contains(path), c[0] + " names " + path + ": " + r.err());
            assertNoStackTrace(r);
            assertTrue(r.out().isEmpty(), r.out());
        }
    }

    // ------------------------------------------------------------------ 1. exponents beyond double range

    @Test
    void exponentsBeyondDoubleRangeAreAnInvalidFieldInEveryCommand() throws Exception {
        String wallet = demoText().replace("\"walletBalance\": 30000", "\"walletBalance\": 1e9999999999");
        refusedEverywhere(wallet, "account.walletBalance");
        Run r = run(wallet, "calc", "-");
        assertFalse(r.err().contains("BigDecimal") || r.err().contains("deserialized"), r.err());
        assertTrue(r.err().contains("out of range"), r.err());
        String size = demoText().replace("\"size\": 0.5", "\"size\": 1E+2147483648");
        refusedEverywhere(size, "positions[0].size");
        String tiny = demoText().replace("\"size\": 0.5", "\"size\": 1e-9999999999");
        refusedEverywhere(tiny, "positions[0].size");
    }

    // ------------------------------------------------------------------ 2. maintenance amounts off the recursion

    @Test
    void aMaintenanceMarginBelowZeroInItsBracketIsAnErrorAtTheTier() throws Exception {
        String huge = demo(root -> ((ObjectNode) market(root, 0).get("tiers").get(1)).put("maintenanceAmount", 1e300));
        refusedEverywhere(huge, "markets[0].tiers[1].maintenanceAmount");
        String negative = demo(root -> ((ObjectNode) market(root, 0).get("tiers").get(0))
                .put("maintenanceAmount", -1e9));
        refusedEverywhere(negative, "markets[0].tiers[0].maintenanceAmount");
        // a small disagreement with the recursion (50 → 60) stays a warning
        String small = demo(root -> ((ObjectNode) market(root, 0).get("tiers").get(1)).put("maintenanceAmount", 60));
        Run r = run(small, "calc", "-");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("warning: markets[0].tiers[1].maintenanceAmount"), r.err());
    }

    // ------------------------------------------------------------------ 3. extreme accepted inputs

    @Test
    void extremeInputsAreRefusedAtTheirFieldWithTheirRange() throws Exception {
        refusedEverywhere(demo(root -> position(root, 0).put("leverage", 1e-320)), "positions[0].leverage");
        refusedEverywhere(demo(root -> position(root, 0).put("leverage", 0.5)), "positions[0].leverage");
        refusedEverywhere(demo(root -> market(root, 0).put("indexPrice", 1e-320)), "markets[0].indexPrice");
        refusedEverywhere(demo(root -> position(root, 0).put("entryPrice", 5e-324)), "positions[0].entryPrice");
        refusedEverywhere(demo(root -> market(root, 0).put("markPrice", 1e300)), "markets[0].markPrice");
        refusedEverywhere(demo(root -> position(root, 1).put("size", 1e300)), "positions[1].size");
        refusedEverywhere(demo(root -> ((ObjectNode) market(root, 0).get("tiers").get(0)).put("mmr", 1e-320)),
                "markets[0].tiers[0].mmr");
        String dydx = demo(root -> {
            ObjectNode m = market(root, 2);
            m.put("convention", "DYDX");
            m.remove("tiers");
            m.putObject("dydx").put("initialMarginFraction", 0.05).put("maintenanceFraction", 1e-320);
        });
        refusedEverywhere(dydx, "markets[2].dydx.maintenanceFraction");
        Run r = run(demo(root -> position(root, 0).put("leverage", 0.5)), "calc", "-");
        assertTrue(r.err().contains("at least 1"), r.err());
    }

    // ------------------------------------------------------------------ 4. one figure that cannot be computed

    @Test
    void anOverflowingFundingApyIsNullWithAWarningAndTheRestStands() throws Exception {
        String input = demo(root -> ((ObjectNode) market(root, 2).get("funding")).put("rate", 0.1)
                .put("intervalHours", 1));
        Run r = run(input, "calc", "-");
        assertEquals(0, r.status(), r.err());
        JsonNode sol = r.json().get("markets").get(2);
        assertTrue(sol.get("fundingApy").isNull(), r.out());
        assertTrue(sol.get("fundingApr").isNumber(), r.out());
        assertTrue(r.json().get("positions").get(0).get("liquidationPrice").isNumber(), r.out());
        String warnings = r.json().get("warnings").toString();
        assertTrue(warnings.contains("SOL") && warnings.contains("funding APY"), warnings);
        for (String[] c : COMMANDS) {
            Run each = run(input, c);
            assertEquals(0, each.status(), c[0] + ": " + each.err());
        }
    }

    @Test
    void aTinyDaysToExpiryGivesANullAnnualizedBasisWithAWarning() throws Exception {
        Run r = run(demo(root -> ((ObjectNode) market(root, 0).get("future")).put("daysToExpiry", 1e-320)),
                "calc", "-");
        assertEquals(0, r.status(), r.err());
        JsonNode btc = r.json().get("markets").get(0);
        assertTrue(btc.get("annualizedBasis").isNull(), r.out());
        assertTrue(btc.get("basis").isNumber(), r.out());
        assertTrue(r.json().get("warnings").toString().contains("annualized basis"), r.out());
    }

    @Test
    void theSmallestMaintenanceRateSurvivesAMovingMark() throws Exception {
        // the smallest accepted MMR on every bracket of ETH; simulate moves the mark far from entry
        String input = demo(root -> {
            for (JsonNode t : market(root, 1).get("tiers")) {
                ((ObjectNode) t).put("mmr", 1e-6).remove("maintenanceAmount");
            }
        });
        for (String[] c : COMMANDS) {
            Run r = run(input, c);
            assertEquals(0, r.status(), c[0] + ": " + r.err());
            assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
        }
        Run r = run(input, "simulate", "-", "--seed", "7", "--steps", "200", "--volatility", "3");
        assertEquals(0, r.status(), r.err());
        String subnormal = demo(root -> ((ObjectNode) market(root, 1).get("tiers").get(0)).put("mmr", 1e-310));
        refusedEverywhere(subnormal, "markets[1].tiers[0].mmr");
    }

    // ------------------------------------------------------------------ 5. the same judgement everywhere

    @Test
    void aTinyFundingIntervalIsRefusedByEveryCommand() throws Exception {
        refusedEverywhere(demo(root -> ((ObjectNode) market(root, 0).get("funding")).put("intervalHours", 1e-9)),
                "markets[0].funding.intervalHours");
    }

    @Test
    void dydxOpenInterestCapsAreJudgedAsDydxDoes() throws Exception {
        java.util.function.BiFunction<Double, Double, String> sol = (lower, upper) -> {
            try {
                return demo(root -> {
                    ObjectNode m = market(root, 2);
                    m.put("convention", "DYDX");
                    m.remove("tiers");
                    m.putObject("dydx").put("initialMarginFraction", 0.05).put("maintenanceFraction", 0.6)
                            .put("openInterestNotional", 6e6).put("oiLowerCap", lower).put("oiUpperCap", upper);
                });
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        // equal non-zero caps below the open interest: IMF 100%, so 5x is above the max leverage 1
        Run r = run(sol.apply(5e6, 5e6), "calc", "-");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("positions[2].leverage: 5 exceeds the bracket's max leverage 1"), r.err());
        // caps above the open interest: the base IMF, 20x allowed
        r = run(sol.apply(7e6, 7e6), "calc", "-");
        assertEquals(0, r.status(), r.err());
        // a lower cap with an upper cap of 0 is refused, as dYdX refuses lower > upper
        refusedEverywhere(sol.apply(5e6, 0.0), "markets[2].dydx.oiLowerCap");
    }

    @Test
    void aControlCharacterInAValueNeverSplitsAProblemOverTwoLines() throws Exception {
        Run r = run(demo(root -> position(root, 0).put("side", "LO\nNG\u0007")), "calc", "-");
        assertEquals(1, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("positions[0].side") && r.err().contains("\\n"), r.err());
        r = run(demo(root -> position(root, 0).put("symbol", "BTC\r\nUSDT")), "calc", "-");
        assertEquals(1, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        r = run(demo(root -> root.put("unknownField\n", 1).put("format", "x\ny")), "calc", "-");
        assertEquals(1, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void parserMessagesSpeakTheWorkspaceLanguage() throws Exception {
        Run r = run(demoText().replace("\"name\": \"Demo", "\"name\": \"De\u0001mo"), "calc", "-");
        assertEquals(1, r.status(), r.err());
        assertFalse(r.err().contains("JsonReadFeature") || r.err().contains("enable"), r.err());
        assertTrue(r.err().startsWith("error: line 4, column "), r.err());
        assertTrue(r.err().contains("name"), r.err());
        r = run(demoText().replace("\"walletBalance\": 30000", "\"walletBalance\": 030000"), "calc", "-");
        assertEquals(1, r.status(), r.err());
        assertFalse(r.err().contains("JsonReadFeature") || r.err().contains("enable"), r.err());
        assertTrue(r.err().contains("account.walletBalance"), r.err());
        r = run(demoText().replace("\"walletBalance\": 30000", "\"walletBalance\": +30000"), "calc", "-");
        assertEquals(1, r.status(), r.err());
        assertFalse(r.err().contains("JsonReadFeature") || r.err().contains("enable"), r.err());
        assertTrue(r.err().contains("account.walletBalance") && r.err().contains("plus sign"), r.err());
        r = run(demoText().replace("\"name\": \"Demo", "'name': \"Demo"), "calc", "-");
        assertEquals(1, r.status(), r.err());
        assertFalse(r.err().contains("JsonReadFeature") || r.err().contains("enable"), r.err());
    }

    // ------------------------------------------------------------------ 6. the command line

    @Test
    void anUnknownCommandIsAUsageError(@TempDir Path dir) throws Exception {
        for (String typo : List.of("cacl", "fetchh", "simualte")) {
            assertTrue(Cli.isHeadlessCommand(new String[] {typo, "demo.json"}), typo);
            Run r = run("", typo, "demo.json");
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().startsWith("unknown command " + typo) || r.err().startsWith("unknown command \""
                    + typo), r.err());
            assertTrue(r.err().contains("see --help"), r.err());
        }
        Path file = dir.resolve("cacl");
        Files.writeString(file, demoText());
        assertFalse(Cli.isHeadlessCommand(new String[] {file.toString()}), "an existing file opens in the app");
        assertFalse(Cli.isHeadlessCommand(new String[0]));
        assertFalse(Cli.isHeadlessCommand(new String[] {"--screenshot", "x.png"}));
        assertFalse(Cli.isHeadlessCommand(new String[] {"--dark"}));
        assertTrue(Cli.isHeadlessCommand(new String[] {"--bogus"}), "an unknown option is a usage error");
    }
}
