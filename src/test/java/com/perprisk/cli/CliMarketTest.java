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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code market LAB.json}: the seed and venue examples through the command, and its error rules. */
class CliMarketTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    static Run market(String doc, String... flags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[2 + flags.length];
        args[0] = "market";
        args[1] = "-";
        System.arraycopy(flags, 0, args, 2, flags.length);
        int status = Cli.run(args, new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String doc(String sections) {
        return "{\"format\": \"perprisk-market\", \"version\": 1" + (sections.isEmpty() ? "" : ", " + sections) + "}";
    }

    @Test
    void seedIndexExample() throws Exception {
        Run r = market(doc("""
                "index": {"sources": [
                  {"name": "Coinbase", "price": 60100, "volume": 20000},
                  {"name": "Binance", "price": 60150, "volume": 30000},
                  {"name": "Kraken", "price": 60050, "volume": 15000},
                  {"name": "Stale", "price": 1000, "volume": 99999, "ageSeconds": 500}],
                  "rules": {"method": "VWAP", "maxDeviation": 0.03, "maxAgeSeconds": 60, "minSources": 3}}"""));
        assertEquals(0, r.status(), r.err());
        JsonNode i = r.json().get("index");
        assertEquals(60_111.54, i.get("price").asDouble(), 0.005);
        assertEquals(3, i.get("used").size());
        assertEquals("Stale", i.get("dropped").get(0).get("name").asText());
        assertTrue(i.get("dropped").get(0).get("reason").asText().startsWith("stale"));
    }

    @Test
    void seedMarkExampleAndTheMarkFromOtherSections() throws Exception {
        Run r = market(doc("""
                "mark": {"method": "FUNDING_BASIS", "indexPrice": 60000, "fundingRate": 0.0001, "hoursToFunding": 2,
                         "intervalHours": 8}"""));
        assertEquals(0, r.status(), r.err());
        assertEquals(60_001.50, r.json().get("mark").get("price").asDouble(), 1e-9);
        // the mark's index from the index section, its impact prices from the book section
        Run m = market(doc("""
                "index": {"sources": [{"name": "A", "price": 100, "volume": 1}]},
                "book": {"bids": [[99, 10]], "asks": [[101, 10]], "impactNotional": 500},
                "mark": {"method": "MEDIAN"}"""));
        assertEquals(0, m.status(), m.err());
        assertEquals(100, m.json().get("mark").get("price").asDouble(), 0.0);
        assertEquals(99, m.json().get("book").get("impactBid").asDouble(), 0.0);
        assertEquals(101, m.json().get("book").get("impactAsk").asDouble(), 0.0);
        assertEquals(100, m.json().get("book").get("impactMid").asDouble(), 0.0);
        Run b = market(doc("""
                "mark": {"method": "BINANCE", "indexPrice": 60000, "fundingRate": 0.0001, "hoursToFunding": 2,
                         "impactBid": 60010, "impactAsk": 60030, "lastPrice": 60100}"""));
        // median(60,001.5, 60,000 + (60,020 − 60,000), 60,100) = 60,020
        assertEquals(60_020, b.json().get("mark").get("price").asDouble(), 1e-9);
    }

    @Test
    void premiumAndRateExamplesOfTheDomainReference() throws Exception {
        // impact bid 10,100 over index 10,000: P = 1%; Hyperliquid F_8h = 0.95%, per hour 0.11875%
        Run r = market(doc("""
                "index": {"sources": [{"name": "A", "price": 10000, "volume": 1}]},
                "book": {"bids": [[10100, 100]], "asks": [[10120, 100]], "impactNotional": 100000},
                "funding": {"method": "HYPERLIQUID"}"""));
        assertEquals(0, r.status(), r.err());
        JsonNode f = r.json().get("funding");
        assertEquals(0.01, f.get("premiumIndex").asDouble(), 1e-12);
        assertEquals(0.0095, f.get("rate").asDouble(), 1e-12);
        assertEquals(0.0011875, f.get("ratePerHour").asDouble(), 1e-12);
        // Binance at the interest: 0.01% per 8 h, APR 10.95%
        Run bn = market(doc("""
                "funding": {"method": "BINANCE", "premiumSamples": [0.0001, 0.0002], "interest": 0.0001, "cap": 0.003,
                            "intervalHours": 8}"""));
        JsonNode g = bn.json().get("funding");
        assertEquals(0.0001, g.get("rate").asDouble(), 0.0);
        assertEquals(0.1095, g.get("apr").asDouble(), 1e-12);
        assertEquals(0.003, g.get("clampBound").asDouble(), 0.0);
        assertTrue(g.get("fundingIndexDelta").isNull());
    }

    @Test
    void dydxFundingFromSamplesAndVotes() throws Exception {
        StringBuilder samples = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            samples.append(i == 0 ? "" : ", ").append("0.15");
        }
        Run r = market(doc("""
                "funding": {"method": "DYDX", "premiumSamples": [%s], "expectedSamples": 60,
                            "initialMarginFraction": 0.2, "maintenanceFraction": 0.9, "clampFactor": 6,
                            "elapsedHours": 1, "oraclePrice": 50000}""".formatted(samples)));
        assertEquals(0, r.status(), r.err());
        JsonNode f = r.json().get("funding");
        assertEquals(0.15, f.get("premiumIndex").asDouble(), 1e-12);
        assertEquals(0.12, f.get("rate").asDouble(), 1e-12);
        assertEquals(0.12, f.get("clampBound").asDouble(), 1e-12);
        assertEquals(0.015, f.get("ratePerHour").asDouble(), 1e-12);
        assertEquals(0.12 / 8 * 50_000, f.get("fundingIndexDelta").asDouble(), 1e-9);
        // votes: each sample the median of its votes padded to minVotesPerSample; 2 samples of 60 expected
        Run v = market(doc("""
                "funding": {"method": "DYDX", "premiumVotes": [[0.001, 0.002, 0.003], [0.003, 0.003, 0.001]],
                            "minVotesPerSample": 3, "defaultFunding": 0.0001,
                            "initialMarginFraction": 0.05, "maintenanceFraction": 0.6}"""));
        assertEquals(0, v.status(), v.err());
        // samples 0.002 and 0.003 padded to 60: 0.005 / 60 = 83.33 ppm → 83 ppm; + 100 ppm default
        assertEquals(0.000083, v.json().get("funding").get("premiumIndex").asDouble(), 1e-12);
        assertEquals(0.000183, v.json().get("funding").get("rate").asDouble(), 1e-12);
        assertEquals(0.12, v.json().get("funding").get("clampBound").asDouble(), 1e-12);
        // a vote beyond ±premiumVoteClampFactor × (IMF − MMF) counts at the bound (dYdX's GetPricePremium clamp):
        // 1 × 2% = 0.02, so the votes 0.5, 0.5, 0.001 make the sample 0.02 (not 0.5): 0.02 / 60 = 333 ppm
        Run c = market(doc("""
                "funding": {"method": "DYDX", "premiumVotes": [[0.5, 0.5, 0.001]], "minVotesPerSample": 3,
                            "premiumVoteClampFactor": 1,
                            "initialMarginFraction": 0.05, "maintenanceFraction": 0.6}"""));
        assertEquals(0, c.status(), c.err());
        assertEquals(0.000333, c.json().get("funding").get("premiumIndex").asDouble(), 1e-12);
        Run bad = market(doc("""
                "funding": {"method": "DYDX", "premiumVotes": [[0.5]], "premiumVoteClampFactor": -1,
                            "initialMarginFraction": 0.05, "maintenanceFraction": 0.6}"""));
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("funding.premiumVoteClampFactor"), bad.err());
    }

    @Test
    void vammTradesAsPerpetualProtocolV1() throws Exception {
        Run r = market(doc("""
                "vamm": {"quoteReserve": 1000, "baseReserve": 100, "tollRatio": 0.1, "spreadRatio": 0.05,
                         "trades": [{"quoteIn": 600}, {"quoteOut": 600}]}"""));
        assertEquals(0, r.status(), r.err());
        JsonNode t = r.json().get("vamm").get("trades");
        assertEquals(37.5, t.get(0).get("baseAmount").asDouble(), 0.0);
        assertEquals(1600, t.get(0).get("quoteReserveAfter").asDouble(), 0.0);
        assertEquals(62.5, t.get(0).get("baseReserveAfter").asDouble(), 0.0);
        assertEquals(25.6, t.get(0).get("priceAfter").asDouble(), 1e-12);
        assertEquals(16, t.get(0).get("averagePrice").asDouble(), 0.0);
        assertEquals(60, t.get(0).get("toll").asDouble(), 1e-12);
        assertEquals(30, t.get(0).get("spread").asDouble(), 1e-12);
        // from 1,600 / 62.5, taking 600 quote out: base in = 100,000 / 1,000 − 62.5 = 37.5, back to the start
        assertEquals(37.5, t.get(1).get("baseAmount").asDouble(), 1e-12);
        assertEquals(1000, t.get(1).get("quoteReserveAfter").asDouble(), 0.0);
        assertEquals(100, t.get(1).get("baseReserveAfter").asDouble(), 0.0);
        // Drift's peg 2: price 2 × 1,000 / 1,000; 100 of quote moves Q by 50, base out = 1,000 − 10⁶ / 1,050
        Run pegged = market(doc("""
                "vamm": {"quoteReserve": 1000, "baseReserve": 1000, "pegMultiplier": 2, "trades": [{"quoteIn": 100}]}                """));
        assertEquals(0, pegged.status(), pegged.err());
        JsonNode p = pegged.json().get("vamm");
        assertEquals(2, p.get("priceBefore").asDouble(), 0.0);
        assertEquals(1000 - 1e6 / 1050, p.get("trades").get(0).get("baseAmount").asDouble(), 1e-12);
        assertEquals(1050, p.get("trades").get(0).get("quoteReserveAfter").asDouble(), 1e-12);
        Run bad = market(doc("""
                "vamm": {"quoteReserve": 1000, "baseReserve": 1000, "pegMultiplier": 0}"""));
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("vamm.pegMultiplier"), bad.err());
    }

    @Test
    void gmxReadmeExamplesThroughThePoolSection() throws Exception {
        Run r = market(doc("""
                "pool": {"longTokenUsd": 1000000, "shortTokenUsd": 1000000, "indexPrice": 5000,
                         "fundingFactor": 0.00002, "fundingExponent": 1, "priceImpactFactor": 0.0000002,
                         "impactExponent": 2,
                         "positions": [{"side": "LONG", "sizeUsd": 150000, "entryPrice": 5000, "collateralUsd": 20000},
                                       {"side": "SHORT", "sizeUsd": 50000, "entryPrice": 5000, "collateralUsd": 20000}],
                         "trades": [{"side": "SHORT", "sizeDeltaUsd": 50000}]}"""));
        assertEquals(0, r.status(), r.err());
        JsonNode p = r.json().get("pool");
        assertEquals(0.00001, p.get("fundingPerSecond").get("long").asDouble(), 1e-15);
        assertEquals(-0.00003, p.get("fundingPerSecond").get("short").asDouble(), 1e-15);
        assertEquals(150_000, p.get("openInterest").get("long").asDouble(), 0.0);
        // the short narrows the imbalance from 100,000 to 50,000: f × (100,000² − 50,000²) = +1,500
        assertEquals(1_500, p.get("trades").get(0).get("priceImpact").asDouble(), 1e-9);
        assertEquals(25, p.get("trades").get(0).get("positionFee").asDouble(), 1e-12);
        assertEquals(2_000_000, p.get("poolValue").asDouble(), 1e-9);
    }

    @Test
    void cascadeShowsBothMarkRules() throws Exception {
        Run r = market(Files.readString(Path.of("resources/lab/tour.perprisk-market.json")));
        assertEquals(0, r.status(), r.err());
        JsonNode c = r.json().get("cascade");
        assertTrue(c.get("bookMid").get("liquidated").asInt() > c.get("indexAnchored").get("liquidated").asInt());
        assertTrue(c.get("bookMid").get("rounds").size() >= 2);
        for (String s : new String[]{"index", "book", "funding", "mark", "vamm", "pool", "cascade", "warnings"}) {
            assertTrue(r.json().has(s), s);
        }
    }

    @Test
    void explainAddsTheWorking() throws Exception {
        Run r = market(doc("""
                "mark": {"method": "FUNDING_BASIS", "indexPrice": 60000, "fundingRate": 0.0001, "hoursToFunding": 2}"""),
                "--explain");
        JsonNode e = r.json().get("mark").get("explanations").get("price");
        assertEquals("MP = index × (1 + F × t / interval)", e.get("formula").asText());
        assertEquals(60_001.5, e.get("result").asDouble(), 1e-9);
        assertFalse(r.out().contains("NaN"));
    }

    @Test
    void badInputNamesTheFieldWithCalcsExitCodes(@TempDir Path dir) throws Exception {
        Run neg = market(doc("\"book\": {\"bids\": [[100, -1]], \"asks\": [[101, 1]], \"impactNotional\": 10}"));
        assertEquals(1, neg.status());
        assertTrue(neg.err().contains("book.bids[0][1]: must be above 0, got −1"), neg.err());
        assertEquals(1, neg.err().lines().count(), neg.err());
        Run thin = market(doc("\"book\": {\"bids\": [[100, 1]], \"asks\": [[101, 1]], \"impactNotional\": 1000}"));
        assertEquals(1, thin.status());
        assertTrue(thin.err().startsWith("error: book: the book is too thin"), thin.err());
        Run method = market(doc("\"funding\": {\"method\": \"OKX\", \"premiumSamples\": [0.001]}"));
        assertEquals(1, method.status());
        assertTrue(method.err().contains("funding.method: expected one of BINANCE, HYPERLIQUID, DYDX"), method.err());
        Run dydx = market(doc("\"funding\": {\"method\": \"DYDX\", \"premiumSamples\": [0.001]}"));
        assertEquals(1, dydx.status());
        assertTrue(dydx.err().contains("funding.initialMarginFraction: missing"), dydx.err());
        Run trade = market(doc("\"vamm\": {\"quoteReserve\": 1, \"baseReserve\": 1, \"trades\": [{\"quoteIn\": 1,"
                + " \"baseOut\": 0.1}]}"));
        assertEquals(1, trade.status());
        assertTrue(trade.err().contains("vamm.trades[0]: give exactly one of"), trade.err());
        Run format = market("{\"format\": \"perprisk-workspace\", \"version\": 1}");
        assertEquals(1, format.status());
        Run newer = market("{\"format\": \"perprisk-market\", \"version\": 2}");
        assertEquals(1, newer.status());
        assertTrue(newer.err().contains("newer"), newer.err());
        Run unknown = market(doc("\"mark\": {\"method\": \"MEDIAN\", \"indexPrice\": 1, \"impactBid\": 1,"
                + " \"impactAsk\": 2, \"colour\": 3}"));
        assertEquals(0, unknown.status());
        assertTrue(unknown.err().contains("warning: mark.colour: unknown field, ignored"), unknown.err());
        Run missingPrice = market(doc("\"mark\": {\"method\": \"MEDIAN\"}"));
        assertEquals(1, missingPrice.status());
        assertTrue(missingPrice.err().contains("mark: indexPrice (or an index section) is missing"),
                missingPrice.err());

        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(3, Cli.run(new String[]{"market", dir.resolve("none.json").toString()}, out, new PrintStream(err)));
        assertEquals(2, Cli.run(new String[]{"market"}, out, new PrintStream(err)));
        assertEquals(2, Cli.run(new String[]{"market", "a.json", "--bogus"}, out, new PrintStream(err)));
        Path file = dir.resolve("lab.json");
        Files.writeString(file, doc("\"mark\": {\"method\": \"FUNDING_BASIS\", \"indexPrice\": 60000,"
                + " \"fundingRate\": 0.0001, \"hoursToFunding\": 2}"));
        ByteArrayOutputStream ok = new ByteArrayOutputStream();
        assertEquals(0, Cli.run(new String[]{"market", file.toString()}, new PrintStream(ok, true,
                StandardCharsets.UTF_8), new PrintStream(err)));
        assertEquals(60_001.5, JSON.readTree(ok.toString(StandardCharsets.UTF_8)).get("mark").get("price").asDouble(),
                1e-9);
    }
}
