package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code ticket} on coin-margined markets: Binance COIN-M calculator examples through the command, the output's
 * {@code marginAsset} and {@code pools}, refusals naming the flag, and the property that the ticket's {@code after}
 * is calc's output on the workspace with the order written into it, for seeded random inverse orders.
 */
class CliTicketInverseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLE = Path.of("resources/workspaces/coin-margined-mix.perprisk.json");

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
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run ticket(Path ws, String... flags) {
        List<String> a = new ArrayList<>(List.of("ticket", ws.toString()));
        a.addAll(List.of(flags));
        return run(a.toArray(new String[0]));
    }

    @Test
    @DisplayName("Binance COIN-M: 100 contracts BTCUSD_PERP at 60,000, 20x: IM 100 × 100 / 60,000 / 20 BTC; marginAsset BTC")
    void calculatorExampleThroughTicket(@TempDir Path dir) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(SAMPLE.toFile());
        ((ArrayNode) root.get("positions")).removeAll(); // an empty account but for its wallets
        Path ws = dir.resolve("empty.perprisk.json");
        JSON.writeValue(ws.toFile(), root);
        Run r = ticket(ws, "--symbol", "BTCUSD_PERP", "--side", "LONG", "--leverage", "20", "--size", "100",
                "--target-roe", "0.5", "--exit", "66000");
        assertEquals(0, r.status(), r.err());
        JsonNode j = r.json();
        assertEquals("BTC", j.get("marginAsset").asText());
        assertEquals("BTC", j.get("order").get("marginAsset").asText());
        assertEquals(100, j.get("order").get("size").asDouble());
        assertEquals(100.0 * 100 / 60_000, j.get("order").get("notional").asDouble(), 1e-15);
        assertEquals(100.0 * 100 / 60_000 / 20, j.get("order").get("initialMargin").asDouble(), 1e-15);
        assertEquals(60_000 / (1 - 0.5 / 20), j.get("targetPrice").asDouble(), 1e-9); // 61,538.46
        assertEquals(100 * 100 * (1 / 60_000.0 - 1 / 66_000.0), j.get("atExit").get("pnl").asDouble(), 1e-15);
        assertEquals(20 * (1 - 60_000 / 66_000.0), j.get("atExit").get("roe").asDouble(), 1e-12);
        // max open: the BTC pool's 0.25 available at 20x, ⌊0.25 / (100 / 60,000 / 20 + 0.0005 × 100 / 60,000)⌋
        assertEquals(Math.floor(0.25 / (100 / 60_000.0 / 20 + 0.0005 * 100 / 60_000.0)),
                j.get("maxOpen").get("size").asDouble());
        // before and after list every pool, as calc does; the BTC pool's available balance falls by the IM
        JsonNode calc = JSON.readTree(run("calc", ws.toString()).out());
        assertEquals(calc.get("pools"), j.get("before").get("pools"));
        assertEquals(calc.get("account"), j.get("before").get("account"));
        JsonNode btcAfter = pool(j.get("after"), "BTC");
        assertEquals(0.25 - 100.0 * 100 / 60_000 / 20, btcAfter.get("availableBalance").asDouble(), 1e-15);
        assertEquals("BTC", j.get("after").get("positions").get(0).get("marginAsset").asText());
    }

    @Test
    @DisplayName("Refusals name the flag: fractional contracts, less than one contract, a cross order without a coin wallet")
    void refusals(@TempDir Path dir) throws Exception {
        Run frac = ticket(SAMPLE, "--symbol", "BTCUSD_PERP", "--side", "LONG", "--leverage", "20", "--size", "10.5");
        assertEquals(1, frac.status());
        assertTrue(frac.err().startsWith("--size: BTCUSD_PERP trades whole contracts"), frac.err());
        Run tiny = ticket(SAMPLE, "--symbol", "BTCUSD_PERP", "--side", "LONG", "--leverage", "20", "--margin",
                "0.00001");
        assertEquals(1, tiny.status());
        assertTrue(tiny.err().startsWith("--margin: the margin 0.00001 BTC buys less than one contract"), tiny.err());
        ObjectNode root = (ObjectNode) JSON.readTree(SAMPLE.toFile());
        ArrayNode positions = (ArrayNode) root.get("positions");
        positions.remove(2); // eth-short: an ETH order then opens a position
        Path ws = dir.resolve("no-eth.perprisk.json");
        JSON.writeValue(ws.toFile(), root);
        Run cross = ticket(ws, "--symbol", "ETHUSD_PERP", "--side", "LONG", "--leverage", "10", "--size", "10");
        assertEquals(1, cross.status());
        assertTrue(cross.err().startsWith("--mode: a cross ETHUSD_PERP order shares the ETH cross wallet"),
                cross.err());
        for (Run r : List.of(frac, tiny, cross)) {
            assertEquals("", r.out());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
        Run iso = ticket(ws, "--symbol", "ETHUSD_PERP", "--side", "LONG", "--leverage", "10", "--size", "10",
                "--mode", "ISOLATED");
        assertEquals(0, iso.status(), iso.err());
        assertEquals("ETH", iso.json().get("marginAsset").asText());
    }

    @Test
    @DisplayName("Property, 40 seeded inverse orders: ticket's after is calc on the workspace with the order written into it")
    void afterIsCalcOfTheWorkspaceWithTheOrder(@TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(20_261_201);
        int checked = 0;
        for (int i = 0; i < 40; i++) {
            ObjectNode root = (ObjectNode) JSON.readTree(SAMPLE.toFile());
            boolean hedge = random.nextBoolean();
            ((ObjectNode) root.get("account")).put("positionMode", hedge ? "HEDGE" : "ONE_WAY");
            String symbol = random.nextBoolean() ? "BTCUSD_PERP" : "ETHUSD_PERP";
            JsonNode market = market(root, symbol);
            double cs = market.get("contract").get("contractSize").asDouble();
            double mark = market.get("markPrice").asDouble();
            String coin = market.get("contract").get("settleAsset").asText();
            String side = random.nextBoolean() ? "LONG" : "SHORT";
            JsonNode held = null;
            for (JsonNode p : root.get("positions")) {
                if (p.get("symbol").asText().equals(symbol) && (!hedge || p.get("side").asText().equals(side))) {
                    held = p;
                }
            }
            if (held != null && !held.get("side").asText().equals(side)) {
                side = held.get("side").asText(); // one-way: adding on the position's side (netting is its own rule)
            }
            String mode = held != null ? held.get("marginMode").asText()
                    : symbol.startsWith("ETH") || random.nextBoolean() ? "ISOLATED" : "CROSS";
            int leverage = 1 + random.nextInt(held != null ? 5 : 10);
            int contracts = 1 + random.nextInt(400);
            double entry = Math.round(mark * (0.97 + random.nextDouble() * 0.06));
            Path ws = dir.resolve("w" + i + ".perprisk.json");
            JSON.writeValue(ws.toFile(), root);
            Run r = ticket(ws, "--symbol", symbol, "--side", side, "--leverage", Integer.toString(leverage), "--size",
                    Integer.toString(contracts), "--entry", Double.toString(entry), "--mode", mode);
            double im = contracts * cs / entry / leverage;
            JsonNode w = root.get("account").get("coinWallets").get(coin);
            if (mode.equals("ISOLATED") && w != null && im > w.asDouble()) {
                // the isolated margin comes out of the coin wallet: more than it holds is refused at the size
                assertEquals(1, r.status(), "case " + i);
                assertTrue(r.err().startsWith("--size: the order's isolated margin would take the " + coin
                        + " cross wallet from"), "case " + i + ": " + r.err());
                continue;
            }
            assertEquals(0, r.status(), "case " + i + ": " + r.err());
            JsonNode ticket = r.json();

            // the order written into the workspace by hand: a new position, or the held one merged harmonically
            ArrayNode positions = (ArrayNode) root.get("positions");
            ObjectNode wallets = (ObjectNode) root.get("account").get("coinWallets");
            if (held == null) {
                ObjectNode p = positions.addObject();
                p.put("id", "ticket").put("symbol", symbol).put("side", side).put("size", contracts)
                        .put("entryPrice", entry).put("leverage", leverage).put("marginMode", mode);
                if (mode.equals("ISOLATED") && wallets.has(coin)) {
                    wallets.put(coin, wallets.get(coin).asDouble() - contracts * cs / entry / leverage);
                }
            } else {
                ObjectNode p = (ObjectNode) held;
                double c1 = p.get("size").asDouble();
                double e1 = p.get("entryPrice").asDouble();
                double l1 = p.get("leverage").asDouble();
                double c = c1 + contracts;
                // contract-weighted harmonic mean: total contracts over total coin value
                p.put("size", c).put("entryPrice", c / (c1 / e1 + contracts / entry)).put("leverage", leverage);
                if (mode.equals("ISOLATED")) {
                    double posted = p.has("isolatedMargin") ? p.get("isolatedMargin").asDouble()
                            : c1 * cs / e1 / l1;
                    if (l1 != leverage || p.has("isolatedMargin")) {
                        p.put("isolatedMargin", posted + contracts * cs / entry / leverage);
                    }
                    if (wallets.has(coin)) {
                        wallets.put(coin, wallets.get(coin).asDouble() - contracts * cs / entry / leverage);
                    }
                }
            }
            Path withOrder = dir.resolve("w" + i + "-after.perprisk.json");
            JSON.writeValue(withOrder.toFile(), root);
            Run calc = run("calc", withOrder.toString());
            assertEquals(0, calc.status(), calc.err());
            JsonNode expected = calc.json();
            assertNear(expected.get("account"), ticket.get("after").get("account"), "case " + i + " account");
            assertNear(expected.get("pools"), ticket.get("after").get("pools"), "case " + i + " pools");
            assertNear(expected.get("positions"), ticket.get("after").get("positions"), "case " + i + " positions");
            checked++;
        }
        assertTrue(checked >= 30, "checked " + checked);
    }

    private static JsonNode market(JsonNode root, String symbol) {
        for (JsonNode m : root.get("markets")) {
            if (m.get("symbol").asText().equals(symbol)) {
                return m;
            }
        }
        throw new AssertionError(symbol);
    }

    private static JsonNode pool(JsonNode side, String asset) {
        for (JsonNode p : side.get("pools")) {
            if (p.get("asset").asText().equals(asset)) {
                return p;
            }
        }
        throw new AssertionError(asset);
    }

    /** The same JSON, numbers equal to 10⁻⁹ relative (the merged entry is the same mean, summed in another order). */
    private static void assertNear(JsonNode expected, JsonNode actual, String where) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, where);
            return;
        }
        if (expected.isNumber() && actual.isNumber()) {
            double e = expected.asDouble();
            double a = actual.asDouble();
            if (!(Math.abs(e - a) <= 1e-9 * Math.max(1, Math.abs(e)))) {
                fail(where + ": expected " + e + ", got " + a);
            }
            return;
        }
        assertEquals(expected.getNodeType(), actual.getNodeType(), where);
        if (expected.isObject()) {
            List<String> en = new ArrayList<>();
            expected.fieldNames().forEachRemaining(en::add);
            List<String> an = new ArrayList<>();
            actual.fieldNames().forEachRemaining(an::add);
            assertEquals(en, an, where);
            for (String f : en) {
                assertNear(expected.get(f), actual.get(f), where + "." + f);
            }
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), where);
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int k = 0; e.hasNext(); k++) {
                assertNear(e.next(), a.next(), where + "[" + k + "]");
            }
        } else {
            assertEquals(expected, actual, where);
        }
    }
}
