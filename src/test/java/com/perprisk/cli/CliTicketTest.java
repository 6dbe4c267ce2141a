package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
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

/** {@code ticket}: every flag, the venue calculators' worked examples, and every refusal with its exit status. */
class CliTicketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Binance BTCUSDT 2024 brackets (caps from the next floor), no fee; p1 long 0.5 at 58,000 10x cross. */
    static final String WORKSPACE = """
            {"format": "perprisk-workspace", "version": 1, "name": "ticket test",
             "account": {"walletBalance": 10000, "positionMode": "%s"}, "horizonHours": 720,
             "markets": [
              {"symbol": "BTCUSDT", "convention": "BINANCE", "markPrice": 60000, "takerFeeRate": 0,
               "funding": {"rate": 0.0001, "intervalHours": 8},
               "tiers": [
                {"floor": 0, "cap": 50000, "maxLeverage": 125, "mmr": 0.004},
                {"floor": 50000, "cap": 600000, "maxLeverage": 100, "mmr": 0.005},
                {"floor": 600000, "cap": 3000000, "maxLeverage": 75, "mmr": 0.0065},
                {"floor": 3000000, "cap": 12000000, "maxLeverage": 50, "mmr": 0.01},
                {"floor": 12000000, "cap": 70000000, "maxLeverage": 25, "mmr": 0.02},
                {"floor": 70000000, "cap": 100000000, "maxLeverage": 20, "mmr": 0.025},
                {"floor": 100000000, "cap": 230000000, "maxLeverage": 10, "mmr": 0.05}]},
              {"symbol": "ETHUSDT", "convention": "BINANCE", "markPrice": 3000, "takerFeeRate": 0.0005,
               "tiers": [{"floor": 0, "maxLeverage": 100, "mmr": 0.005}]}],
             "positions": [
              {"id": "p1", "symbol": "BTCUSDT", "side": "LONG", "size": 0.5, "entryPrice": 58000, "leverage": 10,
               "marginMode": "CROSS"}]}
            """;

    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private Path file;
    private Path hedge;

    @BeforeEach
    void write(@TempDir Path dir) throws Exception {
        file = dir.resolve("t.perprisk.json");
        Files.writeString(file, WORKSPACE.formatted("ONE_WAY"));
        hedge = dir.resolve("h.perprisk.json");
        Files.writeString(hedge, WORKSPACE.formatted("HEDGE"));
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run ticket(String... flags) {
        List<String> a = new ArrayList<>(List.of("ticket", file.toString()));
        a.addAll(List.of(flags));
        return run(a.toArray(new String[0]));
    }

    private static List<String> names(JsonNode o) {
        List<String> n = new ArrayList<>();
        o.fieldNames().forEachRemaining(n::add);
        return n;
    }

    private static void refused(Run r, int status, String startsWith) {
        assertEquals(status, r.status(), r.err());
        assertTrue(r.err().startsWith(startsWith), r.err());
        assertEquals("", r.out());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    @DisplayName("One JSON object with the documented keys; before is calc's account and positions")
    void outputShape() throws Exception {
        Run r = ticket("--symbol", "ETHUSDT", "--side", "LONG", "--leverage", "10", "--size", "2");
        assertEquals(0, r.status(), r.err());
        JsonNode j = r.json();
        assertEquals(List.of("order", "maxOpen", "atExit", "targetPrice", "averageEntry", "effect", "positionId",
                "before", "after"), names(j));
        assertEquals(List.of("size", "notional", "initialMargin", "liquidationPrice", "bankruptcyPrice"),
                names(j.get("order")));
        assertEquals(List.of("size", "notional", "initialMargin"), names(j.get("maxOpen")));
        assertTrue(j.get("atExit").isNull());
        assertTrue(j.get("targetPrice").isNull());
        assertTrue(j.get("averageEntry").isNull());
        assertEquals("OPEN", j.get("effect").asText());
        assertEquals(List.of("account", "positions"), names(j.get("before")));
        JsonNode calc = JSON.readTree(run("calc", file.toString()).out());
        assertEquals(calc.get("account"), j.get("before").get("account"));
        assertEquals(calc.get("positions"), j.get("before").get("positions"));
        assertEquals(2, j.get("after").get("positions").size());
        assertEquals(6_000, j.get("order").get("notional").asDouble(), 1e-9);
        assertEquals(600, j.get("order").get("initialMargin").asDouble(), 1e-9);
        assertEquals(600, j.get("after").get("account").get("initialMargin").asDouble()
                - j.get("before").get("account").get("initialMargin").asDouble(), 1e-9);
    }

    @Test
    @DisplayName("Binance calculator examples through ticket: target price for an ROE, PnL and ROE at an exit")
    void targetPriceAndExit() throws Exception {
        JsonNode j = ticket("--symbol", "BTCUSDT", "--side", "SHORT", "--leverage", "20", "--size", "0.1",
                "--add-to", "p1", "--exit", "1").json();
        // a short against p1 with --add-to reduces it: the remaining 0.4 keep their entry
        assertEquals(58_000, j.get("averageEntry").asDouble(), 1e-9);
        assertEquals("REDUCE", j.get("effect").asText());
        Path empty = file.resolveSibling("e.perprisk.json");
        Files.writeString(empty, WORKSPACE.formatted("ONE_WAY").replaceAll("\"positions\": \\[[^]]*]",
                "\"positions\": []"));
        Run r = run("ticket", empty.toString(), "--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "10",
                "--size", "1", "--entry", "60000", "--target-roe", "0.5", "--exit", "66000");
        assertEquals(0, r.status(), r.err());
        j = r.json();
        assertEquals(63_000, j.get("targetPrice").asDouble(), 1e-9); // 60,000 × (1 + 0.5 / 10)
        assertEquals(6_000, j.get("atExit").get("pnl").asDouble(), 1e-9);
        assertEquals(1.0, j.get("atExit").get("roe").asDouble(), 1e-12);
        j = run("ticket", empty.toString(), "--symbol", "BTCUSDT", "--side", "SHORT", "--leverage", "10", "--size",
                "1", "--target-roe", "0.5").json();
        assertEquals(57_000, j.get("targetPrice").asDouble(), 1e-9); // 60,000 × (1 − 0.5 / 10)
        j = run("ticket", empty.toString(), "--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "10", "--size",
                "2", "--target-pnl", "3000").json();
        assertEquals(61_500, j.get("targetPrice").asDouble(), 1e-9);
    }

    @Test
    @DisplayName("Max open under the tier table: 100x is allowed up to the 600,000 cap, less what p1 holds")
    void maxOpen() throws Exception {
        JsonNode j = ticket("--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "20", "--size", "0.01").json();
        // available = 10,000 + 0.5 × 2,000 − 2,900 = 8,100; at 20x: 162,000 notional
        assertEquals(162_000, j.get("maxOpen").get("notional").asDouble(), 1e-6);
        assertEquals(2.7, j.get("maxOpen").get("size").asDouble(), 1e-9);
        assertEquals(8_100, j.get("maxOpen").get("initialMargin").asDouble(), 1e-6);
        String big = WORKSPACE.formatted("ONE_WAY").replace("\"walletBalance\": 10000", "\"walletBalance\": 1000000");
        Files.writeString(file, big);
        j = ticket("--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "100", "--size", "0.01").json();
        // p1 holds 29,000 of entry notional: 600,000 − 29,000 is left at 100x
        assertEquals(571_000, j.get("maxOpen").get("notional").asDouble(), 1e-6);
    }

    @Test
    @DisplayName("--add-to merges at the size-weighted entry: 'what if I add 2 more at 58,000'")
    void addTo() throws Exception {
        JsonNode j = ticket("--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "10", "--size", "1.5",
                "--entry", "62000", "--add-to", "p1").json();
        assertEquals((0.5 * 58_000 + 1.5 * 62_000) / 2, j.get("averageEntry").asDouble(), 1e-9);
        assertEquals("ADD", j.get("effect").asText());
        assertEquals("p1", j.get("positionId").asText());
        JsonNode after = j.get("after").get("positions");
        assertEquals(1, after.size());
        assertEquals(2 * 60_000, after.get(0).get("notional").asDouble(), 1e-9);
        // the same order without --add-to merges the same way (a one-way account holds one BTCUSDT position)
        assertEquals(j, ticket("--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "10", "--size", "1.5",
                "--entry", "62000").json());
    }

    @Test
    @DisplayName("--notional and --margin give the size; --mode ISOLATED takes the margin out of the cross wallet")
    void amountsAndMode() throws Exception {
        JsonNode j = ticket("--symbol", "ETHUSDT", "--side", "SHORT", "--leverage", "5", "--notional", "9000",
                "--mode", "ISOLATED").json();
        assertEquals(3, j.get("order").get("size").asDouble(), 1e-12);
        assertEquals(1_800, j.get("order").get("initialMargin").asDouble(), 1e-9);
        assertEquals(8_200, j.get("after").get("account").get("walletBalance").asDouble(), 1e-9);
        assertEquals("ISOLATED", j.get("after").get("positions").get(1).get("marginMode").asText());
        // isolated short, no fee in the requirement: BP = EP × (1 + 1 / L)
        assertEquals(3_600, j.get("order").get("bankruptcyPrice").asDouble(), 1e-9);
        j = ticket("--symbol", "ETHUSDT", "--side", "LONG", "--leverage", "10", "--margin", "300").json();
        assertEquals(1, j.get("order").get("size").asDouble(), 1e-12); // 300 × 10 / 3,000
    }

    @Test
    @DisplayName("--fee-rate and --stop with --loss-budget: the size for a stop, fees included")
    void stopSizing() throws Exception {
        JsonNode j = ticket("--symbol", "ETHUSDT", "--side", "LONG", "--leverage", "10", "--size", "1",
                "--fee-rate", "0.001", "--stop", "2900", "--loss-budget", "500").json();
        // loss per ETH = 100 + 0.001 × (3,000 + 2,900) = 105.9
        assertEquals(500 / 105.9, j.get("stopSize").asDouble(), 1e-12);
        // the fee rate enters max open: 8,100 / (300 + 3) per ETH
        assertEquals(8_100 / 303.0, j.get("maxOpen").get("size").asDouble(), 1e-9);
    }

    @Test
    @DisplayName("A one-way account refuses an order against its position unless --add-to names it")
    void oneWayFlipRefused() throws Exception {
        refused(ticket("--symbol", "BTCUSDT", "--side", "SHORT", "--leverage", "10", "--size", "1"), 1,
                "--side: a short order would reduce or flip p1");
        JsonNode j = ticket("--symbol", "BTCUSDT", "--side", "SHORT", "--leverage", "10", "--size", "1",
                "--add-to", "p1").json();
        assertEquals("FLIP", j.get("effect").asText());
        JsonNode after = j.get("after").get("positions").get(0);
        assertEquals("SHORT", after.get("side").asText());
        // realized: 0.5 × (60,000 − 58,000) = 1,000 into the wallet
        assertEquals(11_000, j.get("after").get("account").get("walletBalance").asDouble(), 1e-9);
        // hedge mode: the short is a leg of its own
        Run h = run("ticket", hedge.toString(), "--symbol", "BTCUSDT", "--side", "SHORT", "--leverage", "10",
                "--size", "1");
        assertEquals(0, h.status(), h.err());
        assertEquals(2, h.json().get("after").get("positions").size());
    }

    @Test
    @DisplayName("Refusals: one line naming the flag, exit 1 for the workspace's, 2 for the command line's, 3 unreadable")
    void refusals() {
        String[] base = {"--side", "LONG", "--leverage", "10", "--size", "1"};
        refused(ticket(concat(new String[]{"--symbol", "XRPUSDT"}, base)), 1, "--symbol: unknown market XRPUSDT");
        refused(ticket("--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "150", "--size", "1"), 1,
                "--leverage: leverage 150 exceeds");
        refused(ticket("--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "110", "--size", "1"), 1,
                "--leverage: leverage 110 exceeds the max leverage 100");
        refused(ticket("--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "0.5", "--size", "1"), 1,
                "--leverage: leverage must be a number ≥ 1");
        refused(ticket("--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "10", "--size", "-1"), 1, "--size:");
        refused(ticket("--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "10", "--notional", "0"), 1,
                "--notional:");
        refused(ticket("--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "10", "--margin", "-5"), 1,
                "--margin:");
        refused(ticket("--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "10", "--size", "1", "--entry", "0"), 1,
                "--entry:");
        refused(ticket(concat(new String[]{"--symbol", "BTCUSDT", "--add-to", "p9"}, base)), 1,
                "--add-to: no position p9");
        refused(ticket(concat(new String[]{"--symbol", "ETHUSDT", "--add-to", "p1"}, base)), 1,
                "--add-to: p1 is a BTCUSDT position");
        refused(ticket(concat(new String[]{"--symbol", "BTCUSDT", "--mode", "ISOLATED"}, base)), 1,
                "--mode: p1 is cross");
        refused(ticket(concat(new String[]{"--symbol", "BTCUSDT", "--exit", "-1"}, base)), 1, "--exit:");
        refused(ticket(concat(new String[]{"--symbol", "ETHUSDT", "--target-roe", "30"}, new String[]{"--side",
                "SHORT", "--leverage", "10", "--size", "1"})), 1, "--target-roe: an ROE of 30 at 10x cannot be reached");
        refused(ticket(concat(new String[]{"--symbol", "ETHUSDT", "--fee-rate", "2"}, base)), 1, "--fee-rate:");
        refused(ticket(concat(new String[]{"--symbol", "ETHUSDT", "--stop", "3100", "--loss-budget", "10"}, base)),
                1, "--stop: a stop for a long must be below");

        refused(ticket("--side", "LONG", "--leverage", "10", "--size", "1"), 2, "ticket: missing --symbol");
        refused(ticket("--symbol", "BTCUSDT", "--leverage", "10", "--size", "1"), 2, "ticket: missing --side");
        refused(ticket("--symbol", "BTCUSDT", "--side", "UP", "--leverage", "10", "--size", "1"), 2,
                "ticket: --side must be LONG or SHORT");
        refused(ticket("--symbol", "BTCUSDT", "--side", "LONG", "--size", "1"), 2, "ticket: missing --leverage");
        refused(ticket("--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "ten", "--size", "1"), 2,
                "ticket: --leverage must be a number");
        refused(ticket("--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "10"), 2,
                "ticket: give one of --size, --notional, --margin");
        refused(ticket("--symbol", "BTCUSDT", "--side", "LONG", "--leverage", "10", "--size", "1", "--margin", "5"), 2,
                "ticket: give one of --size, --notional, --margin, not --size and --margin");
        refused(ticket(concat(new String[]{"--symbol", "BTCUSDT", "--mode", "PORTFOLIO"}, base)), 2,
                "ticket: --mode must be CROSS or ISOLATED");
        refused(ticket(concat(new String[]{"--symbol", "BTCUSDT", "--target-roe", "0.5", "--target-pnl", "10"},
                base)), 2, "ticket: give --target-roe or --target-pnl, not both");
        refused(ticket(concat(new String[]{"--symbol", "BTCUSDT", "--stop", "50000"}, base)), 2,
                "ticket: --stop and --loss-budget go together");
        refused(ticket(concat(new String[]{"--symbol", "BTCUSDT", "--colour", "red"}, base)), 2,
                "ticket: unknown option --colour");
        refused(run("ticket", "--symbol", "BTCUSDT"), 2, "ticket: missing the workspace file");
        refused(run(concat(new String[]{"ticket", file.resolveSibling("missing.json").toString(), "--symbol",
                "BTCUSDT"}, base)), 3, "error:");
    }

    @Test
    @DisplayName("An invalid workspace exits 1 with calc's field-named lines; --help prints the usage")
    void invalidWorkspaceAndHelp() throws Exception {
        Files.writeString(file, WORKSPACE.formatted("ONE_WAY").replace("\"leverage\": 10,", "\"leverage\": 150,"));
        Run r = ticket("--symbol", "ETHUSDT", "--side", "LONG", "--leverage", "10", "--size", "1");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("positions[0].leverage:"), r.err());
        Run h = run("ticket", "--help");
        assertEquals(0, h.status());
        assertTrue(h.out().startsWith("usage: perprisk ticket WORKSPACE.json --symbol SYM"), h.out());
        assertTrue(Cli.usage().contains("perprisk ticket WORKSPACE.json"));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
