package com.perprisk.io;

import com.perprisk.io.WorkspaceDocument.AccountDoc;
import com.perprisk.io.WorkspaceDocument.DydxDoc;
import com.perprisk.io.WorkspaceDocument.FundingDoc;
import com.perprisk.io.WorkspaceDocument.FutureDoc;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceCodecTest {

    static Stream<String> sampleNames() throws WorkspaceException {
        return Samples.list().stream().map(Samples.Sample::name);
    }

    // ------------------------------------------------------------------ round trips

    @ParameterizedTest
    @MethodSource("sampleNames")
    void everySampleSurvivesParseWriteParse(String name) throws Exception {
        WorkspaceDocument doc = Samples.open(name);
        String json = WorkspaceCodec.toJson(doc);
        WorkspaceDocument again = WorkspaceCodec.read(json);
        assertEquals(doc, again);
        assertEquals(json, WorkspaceCodec.toJson(again), "writing is deterministic");
    }

    @ParameterizedTest
    @MethodSource("sampleNames")
    void sampleFilesAreWrittenBackByteForByte(String name) throws Exception {
        byte[] original = PresetCatalog.resource("/workspaces/" + name + ".perprisk.json");
        WorkspaceDocument doc = WorkspaceCodec.read(new String(original, StandardCharsets.UTF_8));
        assertEquals(new String(original, StandardCharsets.UTF_8), WorkspaceCodec.toJson(doc));
    }

    @Test
    void unknownFieldsArePreservedEverywhere() throws Exception {
        String json = """
                {
                  "format": "perprisk-workspace", "version": 1, "name": "x",
                  "account": { "walletBalance": 100, "positionMode": "ONE_WAY", "note": "acct" },
                  "markets": [ { "symbol": "BTCUSDT", "convention": "BINANCE", "markPrice": 60000,
                     "tiers": [ { "floor": 0, "maxLeverage": 100, "mmr": 0.005, "label": "t1" } ],
                     "dydx": { "initialMarginFraction": 0.05, "maintenanceFraction": 0.6, "x": [1, 2.50, {"y": null}] },
                     "funding": { "rate": 0.0001, "source": "api" },
                     "future": { "price": 61000, "daysToExpiry": 30, "code": "BTCUSDT_261225" },
                     "color": "#ff0000" } ],
                  "positions": [ { "id": "p1", "symbol": "BTCUSDT", "side": "LONG", "size": 1, "entryPrice": 60000,
                     "leverage": 10, "marginMode": "CROSS", "tags": ["a", "b"], "big": 123456789012345678901234567890 } ],
                  "ui": { "selected": "p1", "zoom": 1.25, "flags": [true, false, null] },
                  "nothing": null
                }
                """;
        WorkspaceDocument doc = WorkspaceCodec.read(json);
        assertEquals("acct", doc.account().extra().get("note"));
        assertEquals("t1", doc.markets().get(0).tiers().get(0).extra().get("label"));
        assertEquals("api", doc.markets().get(0).funding().extra().get("source"));
        assertEquals("BTCUSDT_261225", doc.markets().get(0).future().extra().get("code"));
        assertEquals("#ff0000", doc.markets().get(0).extra().get("color"));
        assertEquals(List.of("a", "b"), doc.positions().get(0).extra().get("tags"));
        assertEquals(new BigDecimal("1.25"), ((Map<?, ?>) doc.extra().get("ui")).get("zoom"));
        assertTrue(doc.extra().containsKey("nothing"));
        assertNull(doc.extra().get("nothing"));

        WorkspaceDocument again = WorkspaceCodec.read(WorkspaceCodec.toJson(doc));
        assertEquals(doc, again);
        String written = WorkspaceCodec.toJson(again);
        assertTrue(written.contains("123456789012345678901234567890"), written);
        assertTrue(written.contains("2.50"), "decimal text kept as written: " + written);
        // known fields first in the documented order, unknown ones after
        assertTrue(written.indexOf("\"positions\"") < written.indexOf("\"ui\""));
        assertTrue(written.indexOf("\"format\"") < written.indexOf("\"version\""));
    }

    @Test
    void leadingByteOrderMarkIsAccepted() throws Exception {
        WorkspaceDocument doc = Samples.demo();
        String json = WorkspaceCodec.toJson(doc);
        assertEquals(doc, WorkspaceCodec.read("\uFEFF" + json));
        byte[] withBom = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
        assertEquals(doc, WorkspaceCodec.read(new ByteArrayInputStream(withBom)));
    }

    @Test
    void nullsAreLeftOutAndOpenCapIsOmitted() throws Exception {
        WorkspaceDocument doc = WorkspaceDocument.of("n", new AccountDoc(1.0, "ONE_WAY"), null,
                List.of(new MarketDoc("BTC", "HYPERLIQUID", 1.0, null, null,
                        List.of(new TierDoc(0.0, null, 40.0, null, null)), null, null, null, null)), List.of());
        String json = WorkspaceCodec.toJson(doc);
        assertFalse(json.contains("null"), json);
        assertFalse(json.contains("cap"), json);
        assertFalse(json.contains("horizonHours"), json);
        assertEquals(doc, WorkspaceCodec.read(json));
    }

    @Test
    void numbersAreWrittenShortAndExact() {
        assertEquals("30000", JsonOut.numberText(30000.0));
        assertEquals("0.0001", JsonOut.numberText(1e-4));
        assertEquals("1535443.01", JsonOut.numberText(1535443.01));
        assertEquals("-2.5", JsonOut.numberText(-2.5));
        assertEquals("1.0E20", JsonOut.numberText(1e20));
        assertNull(JsonOut.numberText(Double.NaN));
    }

    @Test
    void nonFiniteKnownValuesAreRefusedOnWrite() {
        WorkspaceDocument doc = WorkspaceDocument.of("n", new AccountDoc(Double.NaN, "ONE_WAY"), null, List.of(),
                List.of());
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> WorkspaceCodec.toJson(doc));
        assertTrue(e.getMessage().contains("walletBalance"), e.getMessage());
    }

    @Test
    void seededRandomDocumentsRoundTrip() throws Exception {
        for (long seed = 1; seed <= 250; seed++) {
            Random r = new Random(seed);
            WorkspaceDocument doc = randomDocument(r);
            String json = WorkspaceCodec.toJson(doc);
            WorkspaceDocument back = WorkspaceCodec.read(json);
            assertEquals(normalise(doc), back, "seed " + seed + "\n" + json);
            assertEquals(json, WorkspaceCodec.toJson(back), "seed " + seed);
        }
    }

    /** What a written document reads back as: an infinite cap is written as "no cap". */
    private static WorkspaceDocument normalise(WorkspaceDocument d) {
        if (d.markets() == null) {
            return d;
        }
        List<MarketDoc> ms = new ArrayList<>();
        for (MarketDoc m : d.markets()) {
            if (m.tiers() == null) {
                ms.add(m);
                continue;
            }
            List<TierDoc> ts = new ArrayList<>();
            for (TierDoc t : m.tiers()) {
                ts.add(t.cap() != null && t.cap().isInfinite() ? new TierDoc(t.floor(), null, t.maxLeverage(),
                        t.mmr(), t.maintenanceAmount(), t.extra()) : t);
            }
            ms.add(m.withTiers(ts));
        }
        return d.withMarkets(ms);
    }

    static WorkspaceDocument randomDocument(Random r) {
        List<MarketDoc> markets = r.nextInt(8) == 0 ? null : new ArrayList<>();
        if (markets != null) {
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                List<TierDoc> tiers = null;
                if (r.nextBoolean()) {
                    tiers = new ArrayList<>();
                    int k = r.nextInt(4);
                    for (int j = 0; j < k; j++) {
                        tiers.add(new TierDoc(maybe(r), r.nextInt(5) == 0 ? (Double) Double.POSITIVE_INFINITY : maybe(r),
                                maybe(r), maybe(r), maybe(r), extra(r)));
                    }
                }
                DydxDoc dydx = r.nextInt(3) == 0 ? new DydxDoc(maybe(r), maybe(r), maybe(r), maybe(r), maybe(r),
                        extra(r)) : null;
                FundingDoc funding = r.nextBoolean() ? new FundingDoc(maybe(r), maybe(r), extra(r)) : null;
                FutureDoc future = r.nextBoolean() ? new FutureDoc(maybe(r), maybe(r), extra(r)) : null;
                markets.add(new MarketDoc(text(r), text(r), maybe(r), maybe(r), maybe(r), tiers, dydx, funding,
                        future, extra(r)));
            }
        }
        List<PositionDoc> positions = r.nextInt(8) == 0 ? null : new ArrayList<>();
        if (positions != null) {
            int n = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                positions.add(new PositionDoc(text(r), text(r), text(r), maybe(r), maybe(r), maybe(r), text(r),
                        maybe(r), maybe(r), extra(r)));
            }
        }
        AccountDoc account = r.nextInt(6) == 0 ? null : new AccountDoc(maybe(r), text(r), extra(r));
        return new WorkspaceDocument(WorkspaceDocument.FORMAT, 1, text(r), account, maybe(r), markets, positions,
                extra(r));
    }

    private static Double maybe(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> null;
            case 1 -> (double) r.nextInt(1_000_000);
            case 2 -> r.nextDouble();
            case 3 -> -r.nextDouble() * 1e6;
            case 4 -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
            case 5 -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL) * (r.nextBoolean() ? 1 : -1);
            default -> 0.0;
        };
    }

    private static String text(Random r) {
        if (r.nextInt(6) == 0) {
            return null;
        }
        String alphabet = "abcXYZ _-\"\\/\n\té€₿0123456789\u0001";
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static Map<String, Object> extra(Random r) {
        if (r.nextInt(3) != 0) {
            return Map.of();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            m.put("x" + i + text(r), plain(r, 0));
        }
        return m;
    }

    private static Object plain(Random r, int depth) {
        int pick = r.nextInt(depth > 3 ? 5 : 7);
        return switch (pick) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> r.nextInt(1000) - 500;
            case 3 -> new BigDecimal(r.nextInt(100000)).movePointLeft(r.nextInt(6) + 1);
            case 4 -> text(r) == null ? "" : text(r);
            case 5 -> {
                List<Object> list = new ArrayList<>();
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    list.add(plain(r, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    map.put("k" + i, plain(r, depth + 1));
                }
                yield map;
            }
        };
    }

    // ------------------------------------------------------------------ hostile and bad input

    private static WorkspaceException readFails(String json) {
        return assertThrows(WorkspaceException.class, () -> WorkspaceCodec.read(json));
    }

    private static final String HEAD = "{\"format\": \"perprisk-workspace\", \"version\": 1,\n";

    @Test
    void typeErrorsNameLineColumnAndPath() {
        WorkspaceException e = readFails(HEAD + "\"positions\": [{\"id\": \"p1\",\n  \"size\": \"abc\"}]}");
        assertEquals("line 3, column 11: positions[0].size: expected a number, got \"abc\"", e.getMessage());
        assertEquals(WorkspaceException.Kind.INVALID, e.kind());
        assertEquals("positions[0].size", e.path());
        e = readFails(HEAD + "\"account\": [1]}");
        assertTrue(e.getMessage().contains("account: expected an object, got an array"), e.getMessage());
        e = readFails(HEAD + "\"markets\": [{\"symbol\": 5}]}");
        assertTrue(e.getMessage().contains("markets[0].symbol: expected text, got 5"), e.getMessage());
        e = readFails(HEAD + "\"markets\": [{\"tiers\": [{\"floor\": 0}, {\"mmr\": true}]}]}");
        assertTrue(e.getMessage().contains("markets[0].tiers[1].mmr: expected a number, got true"), e.getMessage());
    }

    @Test
    void nanAndInfinityTokensAreRefused() {
        for (String token : List.of("NaN", "Infinity", "-Infinity", "+Infinity")) {
            WorkspaceException e = readFails(HEAD + "\"account\": {\"walletBalance\": " + token + "}}");
            assertTrue(e.getMessage().contains("account.walletBalance"), e.getMessage());
            assertTrue(e.getMessage().contains("NaN and Infinity"), e.getMessage());
            assertTrue(e.getMessage().startsWith("line 2, column "), e.getMessage());
        }
    }

    @Test
    void numbersOutOfDoubleRangeAreRefused() {
        WorkspaceException e = readFails(HEAD + "\"horizonHours\": 1e400}");
        assertTrue(e.getMessage().contains("horizonHours: the number 1E+400 is out of range"), e.getMessage());
        e = readFails(HEAD + "\"horizonHours\": 1" + "0".repeat(150) + "}");
        assertTrue(e.getMessage().contains("more than 100 characters"), e.getMessage());
    }

    @Test
    void malformedTruncatedAndTrailingGarbage() {
        WorkspaceException e = readFails(HEAD + "\"name\": \"x\",, }");
        assertEquals(WorkspaceException.Kind.SYNTAX, e.kind());
        assertTrue(e.getMessage().startsWith("line 2, column "), e.getMessage());
        e = readFails(HEAD + "\"markets\": [{\"symbol\": \"BTC");
        assertTrue(e.getMessage().contains("ends too early"), e.getMessage());
        assertTrue(e.getMessage().contains("markets[0].symbol"), e.getMessage());
        e = readFails(HEAD + "\"name\": \"x\"} {\"more\": 1}");
        assertTrue(e.getMessage().contains("after the end of the JSON document"), e.getMessage());
        e = readFails(HEAD + "\"name\": \"x\"} garbage");
        assertTrue(e.getMessage().contains("after the end of the JSON document"), e.getMessage());
        e = readFails("");
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = readFails(HEAD + "\"name\": \"x\", // comment\n}");
        assertEquals(WorkspaceException.Kind.SYNTAX, e.kind());
        e = readFails(HEAD + "\"markets\": [1, 2,]}");
        assertEquals(WorkspaceException.Kind.SYNTAX, e.kind());
    }

    @Test
    void duplicateKeysAreRefused() {
        WorkspaceException e = readFails(HEAD + "\"account\": {\"walletBalance\": 1,\n \"walletBalance\": 2}}");
        assertTrue(e.getMessage().startsWith("line 3, column 2: account: duplicate key \"walletBalance\""),
                e.getMessage());
    }

    @Test
    void hugeInputIsRefusedBeforeParsing() throws Exception {
        StringBuilder sb = new StringBuilder(HEAD).append("\"name\": \"");
        sb.append("x".repeat((int) WorkspaceCodec.MAX_FILE_BYTES));
        sb.append("\"}");
        String huge = sb.toString();
        WorkspaceException e = readFails(huge);
        assertTrue(e.getMessage().contains("too large") && e.getMessage().contains("16 MB"), e.getMessage());
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        e = assertThrows(WorkspaceException.class, () -> WorkspaceCodec.read(new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().contains("16 MB"), e.getMessage());
    }

    @Test
    void hugeFileIsRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("huge.json");
        try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'{'}), WorkspaceCodec.MAX_FILE_BYTES + 10);
        }
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> WorkspaceCodec.read(f));
        assertTrue(e.getMessage().contains("16 MB"), e.getMessage());
        assertEquals(WorkspaceException.Kind.SYNTAX, e.kind());
    }

    @Test
    void deepNestingIsRefused() {
        WorkspaceException e = readFails("[".repeat(10_000));
        assertTrue(e.getMessage().contains("nested more than 64 levels"), e.getMessage());
        e = readFails(HEAD + "\"ui\": " + "{\"a\":".repeat(200) + "1" + "}".repeat(200) + "}");
        assertTrue(e.getMessage().contains("nested more than 64 levels"), e.getMessage());
    }

    @Test
    void veryLongStringsAreRefused() {
        WorkspaceException e = readFails(HEAD + "\"name\": \"" + "y".repeat(1_000_001) + "\"}");
        assertTrue(e.getMessage().contains("longer than 1000000 characters"), e.getMessage());
        e = readFails(HEAD + "\"" + "k".repeat(20_000) + "\": 1}");
        assertTrue(e.getMessage().contains("field name is longer"), e.getMessage());
    }

    @Test
    void newerVersionHasItsOwnMessage() {
        WorkspaceException e = readFails("{\"format\": \"perprisk-workspace\", \"version\": 3, \"shiny\": {}}");
        assertEquals(WorkspaceException.Kind.VERSION, e.kind());
        assertTrue(e.getMessage().endsWith("this workspace was written by a newer PerpRisk (format version 3); "
                + "this version reads version 2"), e.getMessage());
        e = readFails("{\"format\": \"perprisk-workspace\", \"version\": 0}");
        assertEquals(WorkspaceException.Kind.VERSION, e.kind());
        e = readFails("{\"format\": \"perprisk-workspace\"}");
        assertTrue(e.getMessage().contains("version: missing"), e.getMessage());
        e = readFails("{\"format\": \"perprisk-workspace\", \"version\": \"1\"}");
        assertTrue(e.getMessage().contains("version: expected a whole number"), e.getMessage());
    }

    @Test
    void wrongOrMissingFormatHasItsOwnMessage() {
        WorkspaceException e = readFails("{\"format\": \"perprisk-tier-preset\", \"version\": 1}");
        assertEquals(WorkspaceException.Kind.FORMAT, e.kind());
        assertTrue(e.getMessage().contains("not a PerpRisk workspace: \"format\" is \"perprisk-tier-preset\""),
                e.getMessage());
        e = readFails("{\"version\": 1}");
        assertTrue(e.getMessage().contains("the \"format\" field is missing"), e.getMessage());
        e = readFails("[1, 2]");
        assertEquals(WorkspaceException.Kind.FORMAT, e.kind());
        e = readFails("\"just text\"");
        assertEquals(WorkspaceException.Kind.FORMAT, e.kind());
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path dir) {
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> WorkspaceCodec.read(dir.resolve("nope.json")));
        assertEquals(WorkspaceException.Kind.IO, e.kind());
        assertTrue(e.getMessage().startsWith("file not found"), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> WorkspaceCodec.read(dir));
        assertEquals(WorkspaceException.Kind.IO, e.kind());
    }

    // ------------------------------------------------------------------ atomic writes

    @Test
    void writeThenReadGivesTheSameDocument(@TempDir Path dir) throws Exception {
        WorkspaceDocument doc = Samples.demo();
        Path f = dir.resolve("w.perprisk.json");
        WorkspaceCodec.write(doc, f);
        assertEquals(doc, WorkspaceCodec.read(f));
        WorkspaceCodec.write(doc.withName("second"), f);
        assertEquals("second", WorkspaceCodec.read(f).name());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void failureBeforeTheMoveLeavesTheOldFileAndNoTemp(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("w.perprisk.json");
        WorkspaceCodec.write(Samples.demo(), f);
        byte[] before = Files.readAllBytes(f);
        List<Path> temps = new ArrayList<>();
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> WorkspaceCodec.write(Samples.open("bybit-isolated"), f, temp -> {
                    temps.add(temp);
                    assertTrue(Files.exists(temp));
                    throw new IOException("disk full (simulated)");
                }));
        assertEquals(WorkspaceException.Kind.IO, e.kind());
        assertTrue(e.getMessage().contains("disk full (simulated)") && e.getMessage().contains("unchanged"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(1, temps.size());
        assertFalse(Files.exists(temps.get(0)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void unwritableDocumentLeavesTheOldFileAndNoTemp(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("w.perprisk.json");
        WorkspaceCodec.write(Samples.demo(), f);
        byte[] before = Files.readAllBytes(f);
        WorkspaceDocument bad = Samples.demo().withHorizonHours(Double.POSITIVE_INFINITY);
        assertThrows(WorkspaceException.class, () -> WorkspaceCodec.write(bad, f));
        Map<String, Object> weird = Map.of("thing", new Object());
        WorkspaceDocument bad2 = new WorkspaceDocument(WorkspaceDocument.FORMAT, 1, "x", null, null, List.of(),
                List.of(), weird);
        assertThrows(WorkspaceException.class, () -> WorkspaceCodec.write(bad2, f));
        assertArrayEquals(before, Files.readAllBytes(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void writingIntoAMissingFolderFailsCleanly(@TempDir Path dir) {
        Path f = dir.resolve("no/such/folder/w.json");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> WorkspaceCodec.write(Samples.demo(), f));
        assertEquals(WorkspaceException.Kind.IO, e.kind());
    }
}
