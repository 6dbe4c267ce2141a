package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The output of {@code ticket} on every sample and lesson workspace, byte for byte (exit code, standard output,
 * standard error). The linear recordings were made before the ticket learnt inverse contracts (issue 10) and must
 * not change; the coin-margined workspaces' recordings were made with it and checked against the worked examples
 * of {@code CliTicketInverseTest}. Record again with {@code -Dgolden.record=true} only for a change that is meant.
 * The recordings live in {@code src/test/resources/golden/ticket}.
 */
class TicketGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/ticket");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One order per recording: {@code %s} the workspace, {@code %m} its first market with a position (else its first
     * market), {@code %p} the first position on it, {@code %S} / {@code %O} its side / the other side, {@code %q} its
     * size, {@code %h} half and {@code %f} one and a half times its size, {@code %W} / {@code %L} the mark of %m
     * moved 10% in favour of / 5% against %S, {@code %u} / {@code %d} that mark × 1.1 / × 0.95; {@code %n} the first
     * market without a position (else %m) and {@code %U} its mark × 1.05.
     */
    private static final List<String[]> LINEAR = List.of(
            new String[]{"open", "ticket %s --symbol %m --side %S --leverage 10 --size 0.1 --exit %W"
                    + " --target-roe 0.5"},
            new String[]{"isolated", "ticket %s --symbol %n --side SHORT --leverage 5 --margin 1000 --mode ISOLATED"
                    + " --target-pnl 100 --stop %U --loss-budget 200"},
            new String[]{"notional", "ticket %s --symbol %m --side %S --leverage 3 --notional 5000"
                    + " --fee-rate 0.0004 --stop %L --loss-budget 50"},
            new String[]{"add", "ticket %s --symbol %m --side %S --leverage 5 --size %h --add-to %p --exit %u"},
            new String[]{"net", "ticket %s --symbol %m --side %O --leverage 5 --size %h --add-to %p"},
            new String[]{"close", "ticket %s --symbol %m --side %O --leverage 5 --size %q --entry %u --add-to %p"},
            new String[]{"flip", "ticket %s --symbol %m --side %O --leverage 5 --size %f --entry %d --add-to %p"});

    /** Orders on a coin-margined market (size in contracts, money in the settle coin). */
    private static final List<String[]> INVERSE = List.of(
            new String[]{"open", "ticket %s --symbol %m --side %S --leverage 10 --size 100 --exit %W"
                    + " --target-roe 0.5"},
            new String[]{"isolated", "ticket %s --symbol %n --side SHORT --leverage 5 --margin 0.02 --mode ISOLATED"
                    + " --target-pnl 0.001 --stop %U --loss-budget 0.003"},
            new String[]{"notional", "ticket %s --symbol %m --side %S --leverage 3 --notional 0.1"
                    + " --fee-rate 0.0004 --stop %L --loss-budget 0.002"},
            new String[]{"add", "ticket %s --symbol %m --side %S --leverage 5 --size %h --add-to %p --exit %u"},
            new String[]{"net", "ticket %s --symbol %m --side %O --leverage 5 --size %h --add-to %p"},
            new String[]{"close", "ticket %s --symbol %m --side %O --leverage 5 --size %q --entry %u --add-to %p"},
            new String[]{"flip", "ticket %s --symbol %m --side %O --leverage 5 --size %f --entry %d --add-to %p"});

    @TestFactory
    List<DynamicTest> outputIsUnchanged() throws IOException {
        boolean record = Boolean.getBoolean("golden.record");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path ws : GoldenOutputTest.workspaces()) {
            String name = ws.getFileName().toString().replace(".perprisk.json", "");
            JsonNode root = JSON.readTree(ws.toFile());
            for (boolean inverse : new boolean[]{false, true}) {
                JsonNode market = firstMarket(root, inverse);
                if (market == null) {
                    continue;
                }
                for (String[] v : inverse ? INVERSE : LINEAR) {
                    String line = fill(v[1], ws, root, market, inverse);
                    Path file = GOLDEN.resolve(name + "." + (inverse ? "inverse-" : "") + v[0] + ".txt");
                    tests.add(DynamicTest.dynamicTest(name + " " + (inverse ? "inverse " : "") + v[0], () -> {
                        String actual = GoldenOutputTest.run(line.split(" "));
                        if (record) {
                            Files.createDirectories(GOLDEN);
                            Files.writeString(file, line + "\n" + actual);
                        } else {
                            assertEquals(Files.readString(file), line + "\n" + actual, line);
                        }
                    }));
                }
            }
        }
        return tests;
    }

    /** The first linear (or inverse) market of the workspace that has a position, else its first such market. */
    private static JsonNode firstMarket(JsonNode root, boolean inverse) {
        JsonNode first = null;
        for (JsonNode m : root.path("markets")) {
            if ("INVERSE".equals(m.path("contract").path("type").asText()) != inverse) {
                continue;
            }
            first = first == null ? m : first;
            for (JsonNode p : root.path("positions")) {
                if (p.path("symbol").asText().equals(m.path("symbol").asText())) {
                    return m;
                }
            }
        }
        return first;
    }

    private static String fill(String template, Path ws, JsonNode root, JsonNode market, boolean inverse) {
        String symbol = market.path("symbol").asText();
        double mark = market.path("markPrice").asDouble();
        JsonNode pos = null;
        for (JsonNode p : root.path("positions")) {
            if (p.path("symbol").asText().equals(symbol)) {
                pos = p;
                break;
            }
        }
        String side = pos == null ? "LONG" : pos.path("side").asText();
        double size = pos == null ? 1 : pos.path("size").asDouble();
        double half = inverse ? Math.max(1, Math.floor(size / 2)) : size / 2;
        double more = inverse ? Math.floor(size * 1.5) : size * 1.5;
        JsonNode free = market;
        for (JsonNode m : root.path("markets")) {
            if ("INVERSE".equals(m.path("contract").path("type").asText()) != inverse) {
                continue;
            }
            boolean held = false;
            for (JsonNode p : root.path("positions")) {
                held |= p.path("symbol").asText().equals(m.path("symbol").asText());
            }
            if (!held) {
                free = m;
                break;
            }
        }
        boolean isLong = side.equals("LONG");
        return template.replace("%s", ws.toString()).replace("%m", symbol)
                .replace("%n", free.path("symbol").asText())
                .replace("%U", Double.toString(free.path("markPrice").asDouble() * 1.05))
                .replace("%W", Double.toString(mark * (isLong ? 1.1 : 0.9)))
                .replace("%L", Double.toString(mark * (isLong ? 0.95 : 1.05)))
                .replace("%u", Double.toString(mark * 1.1)).replace("%d", Double.toString(mark * 0.95))
                .replace("%p", pos == null ? "none" : pos.path("id").asText()).replace("%S", side)
                .replace("%O", side.equals("LONG") ? "SHORT" : "LONG").replace("%q", Double.toString(size))
                .replace("%h", Double.toString(half)).replace("%f", Double.toString(more));
    }
}
