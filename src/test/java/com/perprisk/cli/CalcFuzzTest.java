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
