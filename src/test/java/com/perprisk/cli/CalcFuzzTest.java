package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.io.PresetCatalog;
import com.perprisk.io.Samples;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded mutations of the bundled samples (a field removed, nulled, zeroed, negated, given the wrong type, or set to
 * an extreme) run through {@code calc -}: every run ends with status 0 or 1, one line per problem, never a stack
 * trace, and a successful run prints JSON without NaN or Infinity.
 */
class CalcFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void mutatedSamplesNeverCrashCalc() throws Exception {
        List<String> names = Samples.list().stream().map(Samples.Sample::name).toList();
        List<JsonNode> originals = new ArrayList<>();
        for (String n : names) {
            originals.add(JSON.readTree(PresetCatalog.class.getResourceAsStream("/workspaces/" + n + ".perprisk.json")));
        }
        int ok = 0;
        int invalid = 0;
        for (long seed = 1; seed <= Long.getLong("perprisk.fuzz.runs", 300); seed++) {
            Random r = new Random(seed);
            JsonNode doc = originals.get(r.nextInt(originals.size())).deepCopy();
            int mutations = 1 + r.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                mutate(doc, r);
            }
            String input = JSON.writeValueAsString(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Cli.run(new String[] {"calc", "-", "--explain"},
                    new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String e = err.toString(StandardCharsets.UTF_8);
            String o = out.toString(StandardCharsets.UTF_8);
            String context = "seed " + seed + " status " + status + "\nstderr: " + e + "\ninput: " + input;
            assertTrue(status == 0 || status == 1, context);
            assertFalse(e.contains("Exception") || e.contains("\tat "), context);
            if (status == 0) {
                ok++;
                JSON.readTree(o);
                assertFalse(o.contains("NaN") || o.contains("Infinity"), context);
            } else {
                invalid++;
                assertFalse(e.isBlank(), context);
                assertTrue(o.isEmpty(), context);
            }
        }
        assertTrue(ok >= 10 && invalid >= 50, "both outcomes exercised: ok " + ok + ", invalid " + invalid);
    }

    /** Figures that are a number whenever calc exits 0 (docs/workspace-format.md, "Figures that always exist"). */
    static final List<String> ACCOUNT_MUST_EXIST = List.of("walletBalance", "unrealizedPnl", "marginBalance",
            "initialMargin", "maintenanceMargin", "availableBalance");
    static final List<String> POSITION_MUST_EXIST = List.of("notional", "unrealizedPnl", "roe", "initialMargin",
            "maintenanceMargin", "maintenanceMarginRate", "bracket", "adlQuintile", "fundingPerSettlement",
            "fundingOverHorizon");
    static final List<String> MARKET_MUST_EXIST = List.of("premium", "fundingApr");
    /** A problem line names its field: "[error: ][line L[, column C]: ]path: message". */
    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile(
            "(error: )?(line \\d+(, column \\d+)?: )?[A-Za-z]+(\\[\\d+])?(\\.[A-Za-z]+(\\[\\d+])?)*: .+");

    /**
     * Issue 14's input classes, seeded: exponents beyond double range, maintenance amounts off the recursion,
     * subnormal and extreme values, side figures that overflow, control characters in text. Every run of every
     * command: no exit 4, no stack trace, no NaN or Infinity, no null in a must-exist figure with exit 0, and every
     * rejection names its field.
     */
    @Test
    void issue14InputClassesKeepEveryPromise() throws Exception {
        List<String> names = Samples.list().stream().map(Samples.Sample::name).toList();
        List<JsonNode> originals = new ArrayList<>();
        for (String n : names) {
            originals.add(JSON.readTree(PresetCatalog.class.getResourceAsStream("/workspaces/" + n + ".perprisk.json")));
        }
        int ok = 0;
        int invalid = 0;
        Random r = new Random(20261201L);
        for (int run = 0; run < 300; run++) {
            JsonNode doc = originals.get(r.nextInt(originals.size())).deepCopy();
            String input = hostile(doc, r);
            String[] args = switch (run % 8) {
                case 1 -> new String[] {"simulate", "-", "--seed", "3", "--steps", "20", "--volatility", "1.5"};
                case 3 -> new String[] {"compare", "-"};
                case 5 -> new String[] {"probability", "-", "--volatility", "0.8", "--horizon-hours", "48", "--paths",
                        "20"};
                default -> new String[] {"calc", "-"};
            };
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Cli.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String e = err.toString(StandardCharsets.UTF_8);
            String o = out.toString(StandardCharsets.UTF_8);
            String context = "run " + run + " " + args[0] + " status " + status + "\nstderr: " + e + "\ninput: "
                    + (input.length() > 3000 ? input.substring(0, 3000) + "…" : input);
            assertTrue(status == 0 || status == 1, context);
            assertFalse(e.contains("Exception") || e.contains("\tat ") || e.contains("JsonReadFeature"), context);
            assertFalse(o.contains("NaN") || o.contains("Infinity"), context);
            if (status == 0) {
                ok++;
                JsonNode result = JSON.readTree(o);
                if (args[0].equals("calc")) {
                    assertMustExist(result, context);
                }
            } else {
                invalid++;
                assertTrue(o.isEmpty(), context);
                List<String> errors = e.lines().filter(l -> !l.startsWith("warning: ")).toList();
                assertFalse(errors.isEmpty(), context);
                for (String line : errors) {
                    assertTrue(NAMED.matcher(line).matches(), "names its field: " + line + "\n" + context);
                }
            }
        }
        assertTrue(ok >= 30 && invalid >= 80, "both outcomes exercised: ok " + ok + ", invalid " + invalid);
    }

    private static void assertMustExist(JsonNode result, String context) {
        for (String k : ACCOUNT_MUST_EXIST) {
            assertTrue(result.get("account").get(k).isNumber(), "account." + k + "\n" + context);
        }
        for (JsonNode p : result.get("positions")) {
            for (String k : POSITION_MUST_EXIST) {
                assertTrue(p.get(k).isNumber(), p.get("id") + "." + k + "\n" + context);
            }
        }
        for (JsonNode m : result.get("markets")) {
            for (String k : MARKET_MUST_EXIST) {
                assertTrue(m.get(k).isNumber(), m.get("symbol") + "." + k + "\n" + context);
            }
        }
        String warnings = result.get("warnings").toString();
        for (JsonNode m : result.get("markets")) {
            if (m.get("fundingApy").isNull()) {
                assertTrue(warnings.contains("funding APY"), "a null side figure has its warning\n" + context);
            }
        }
    }

    /** One or two of issue 14's hostile changes to a sample, as JSON text. */
    private static String hostile(JsonNode doc, Random r) throws Exception {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(doc, objects);
        String rawExponent = null;
        for (int k = 0; k < 1 + r.nextInt(2); k++) {
            ObjectNode o = objects.get(r.nextInt(objects.size()));
            List<String> numeric = new ArrayList<>();
            List<String> textual = new ArrayList<>();
            o.fields().forEachRemaining(f -> {
                if (f.getValue().isNumber() && !f.getKey().equals("version")) {
                    numeric.add(f.getKey());
                } else if (f.getValue().isTextual() && !f.getKey().equals("format")) {
                    textual.add(f.getKey());
                }
            });
            switch (r.nextInt(5)) {
                case 0 -> { // an exponent beyond double range, written into the text below
                    if (!numeric.isEmpty()) {
                        String key = numeric.get(r.nextInt(numeric.size()));
                        o.put(key, 424242.4242);
                        rawExponent = List.of("1e9999999999", "1E+2147483648", "-1e-9999999999", "9e999")
                                .get(r.nextInt(4));
                    }
                }
                case 1 -> { // a maintenance amount off the recursion
                    JsonNode markets = doc.get("markets");
                    if (markets != null && markets.size() > 0) {
                        JsonNode tiers = markets.get(r.nextInt(markets.size())).get("tiers");
                        if (tiers != null && tiers.size() > 0 && tiers.get(r.nextInt(tiers.size())) instanceof ObjectNode t) {
                            double base = t.path("maintenanceAmount").asDouble(0);
                            t.put("maintenanceAmount", List.of(1e300, -1e9, base * 1.5 + 10, base + 0.5, -1.0,
                                    base * 1000 + 1e6).get(r.nextInt(6)));
                        }
                    }
                }
                case 2 -> { // subnormal and extreme values
                    if (!numeric.isEmpty()) {
                        o.put(numeric.get(r.nextInt(numeric.size())), List.of(5e-324, 1e-320, Double.MIN_NORMAL,
                                1e-12, 1e-9, 1e12, 1e15, 1e300, Double.MAX_VALUE, -0.0, 0.999999, 1e4)
                                .get(r.nextInt(12)));
                    }
                }
                case 3 -> { // side figures that overflow: fast funding, a future about to expire
                    JsonNode markets = doc.get("markets");
                    if (markets != null && markets.size() > 0
                            && markets.get(r.nextInt(markets.size())) instanceof ObjectNode m) {
                        if (r.nextBoolean()) {
                            m.putObject("funding").put("rate", List.of(0.1, 0.5, 0.9, -0.9, 0.01).get(r.nextInt(5)))
                                    .put("intervalHours", List.of(1.0, 1.0 / 60, 0.5, 1e-9).get(r.nextInt(4)));
                        } else {
                            m.putObject("future").put("price", m.path("markPrice").asDouble(100) * 1.5)
                                    .put("daysToExpiry", List.of(1e-320, 1e-9, 1e-300, 36_500.0, 4e4)
                                            .get(r.nextInt(5)));
                        }
                    }
                }
                default -> { // control characters inside a value
                    if (!textual.isEmpty()) {
                        String key = textual.get(r.nextInt(textual.size()));
                        String v = o.get(key).asText();
                        int at = v.isEmpty() ? 0 : r.nextInt(v.length());
                        String ctrl = List.of("\n", "\r\n", "\u0000", "\u0007", "\t", "\u2028", "\u001b[31m")
                                .get(r.nextInt(7));
                        o.put(key, v.substring(0, at) + ctrl + v.substring(at));
                    }
                }
            }
        }
        String text = JSON.writeValueAsString(doc);
        return rawExponent == null ? text : text.replaceFirst("424242\\.4242", rawExponent);
    }

    private static void collectObjects(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) {
            out.add(o);
        }
        n.forEach(child -> collectObjects(child, out));
    }

    /** Picks a random value inside the document and replaces or removes it. */
    private static void mutate(JsonNode root, Random r) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode c = containers.get(r.nextInt(containers.size()));
        if (c instanceof ObjectNode o && o.size() > 0) {
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            String k = keys.get(r.nextInt(keys.size()));
            if (r.nextInt(5) == 0) {
                o.remove(k);
            } else {
                o.set(k, replacement(o.get(k), r));
            }
        } else if (c instanceof ArrayNode a && a.size() > 0) {
            int i = r.nextInt(a.size());
            if (r.nextInt(4) == 0) {
                a.remove(i);
            } else if (r.nextInt(4) == 0) {
                a.add(a.get(i).deepCopy());
            } else {
                a.set(i, replacement(a.get(i), r));
            }
        }
    }

    private static JsonNode replacement(JsonNode old, Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> F.nullNode();
            case 1 -> F.numberNode(0);
            case 2 -> old.isNumber() ? F.numberNode(-old.asDouble()) : F.numberNode(-1);
            case 3 -> F.textNode("garbage");
            case 4 -> F.numberNode(1e300);
            case 5 -> F.numberNode(1e-300);
            case 6 -> F.booleanNode(true);
            case 7 -> F.objectNode();
            case 8 -> F.arrayNode();
            case 9 -> old.isNumber() ? F.numberNode(old.asDouble() * (0.5 + r.nextDouble())) : F.textNode("LONG");
            case 10 -> F.textNode(List.of("LONG", "SHORT", "CROSS", "ISOLATED", "HEDGE", "ONE_WAY", "BINANCE", "BYBIT",
                    "OKX", "HYPERLIQUID", "DYDX", "BTCUSDT").get(r.nextInt(12)));
            default -> old.isNumber() ? F.numberNode(old.asDouble() * 10) : F.numberNode(r.nextInt(200));
        };
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(child -> collect(child, out));
        }
    }
}
