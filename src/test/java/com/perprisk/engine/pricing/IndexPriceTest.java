package com.perprisk.engine.pricing;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.pricing.IndexPrice.IndexResult;
import com.perprisk.engine.pricing.IndexPrice.Rules;
import com.perprisk.engine.pricing.IndexPrice.Source;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexPriceTest {
    private static final Rules RULES = new Rules(0.03, 60, 3);

    @Test
    void seedExampleIsTheVwapOfThreeFeeds() {
        IndexResult r = IndexPrice.compute(List.of(
                Source.fresh("Coinbase", 60_100, 20_000),
                Source.fresh("Binance", 60_150, 30_000),
                Source.fresh("Kraken", 60_050, 15_000)), RULES);
        assertEquals(60_111.54, r.price(), 0.005);
        assertEquals(3_907_250_000.0 / 65_000, r.price(), 1e-9); // Σ p × v / Σ v
        assertEquals(3, r.used().size());
        assertTrue(r.dropped().isEmpty());
    }

    @Test
    void feedTooFarFromTheMedianIsDropped() {
        IndexResult r = IndexPrice.compute(List.of(
                Source.fresh("Coinbase", 60_100, 20_000),
                Source.fresh("Binance", 60_150, 30_000),
                Source.fresh("OKX", 60_050, 10_000),
                Source.fresh("Kraken", 62_143.4, 15_000),
                Source.fresh("Bitstamp", 60_080, 5_000)), RULES);
        assertEquals(List.of("Kraken: 3.4% from the median 60,100 exceeds 3%"), r.dropped());
        assertEquals(List.of("Coinbase", "Binance", "OKX", "Bitstamp"),
                r.used().stream().map(Source::name).toList());
        assertEquals(60_113.85, r.price(), 0.005);
    }

    @Test
    void feedExactlyAtTheThresholdIsKept() {
        IndexResult r = IndexPrice.compute(List.of(
                Source.fresh("A", 100, 1),
                Source.fresh("B", 100, 1),
                Source.fresh("C", 102, 1)), new Rules(0.02, 60, 3));
        assertEquals(3, r.used().size());
        assertEquals(302.0 / 3, r.price(), 1e-12);
    }

    @Test
    void staleFeedIsDroppedBeforeTheMedian() {
        IndexResult r = IndexPrice.compute(List.of(
                Source.fresh("Coinbase", 60_100, 20_000),
                Source.fresh("Binance", 60_150, 30_000),
                Source.fresh("Kraken", 60_050, 15_000),
                new Source("X", 10_000, 1_000_000, 95)), RULES);
        assertEquals(List.of("X: stale, 95 s old (limit 60 s)"), r.dropped());
        assertEquals(60_111.54, r.price(), 0.005);
    }

    @Test
    void zeroVolumeFeedCarriesNoWeight() {
        IndexResult r = IndexPrice.compute(List.of(
                Source.fresh("A", 100, 1),
                Source.fresh("B", 101, 1),
                Source.fresh("C", 102, 1),
                Source.fresh("D", 99, 0)), RULES);
        assertEquals(List.of("D: no volume, so no weight"), r.dropped());
        assertEquals(101.0, r.price(), 1e-12);
    }

    @Test
    void tooFewSourcesLeftThrows() {
        EngineException e = assertThrows(EngineException.class, () -> IndexPrice.compute(List.of(
                Source.fresh("A", 60_000, 1),
                Source.fresh("B", 60_010, 1),
                new Source("C", 60_020, 1, 120),
                new Source("D", 60_030, 1, 300),
                Source.fresh("E", 70_000, 1)), RULES));
        assertTrue(e.getMessage().startsWith("only 2 of 5 sources remain, 3 needed"), e.getMessage());
        assertTrue(e.getMessage().contains("C: stale, 120 s old"), e.getMessage());
        assertTrue(e.getMessage().contains("E: "), e.getMessage());
    }

    @Test
    void allStaleThrowsBeforeTakingAMedian() {
        EngineException e = assertThrows(EngineException.class, () -> IndexPrice.compute(List.of(
                new Source("A", 60_000, 1, 100), new Source("B", 60_000, 1, 100)), new Rules(0.03, 60, 1)));
        assertTrue(e.getMessage().startsWith("only 0 of 2 sources remain, 1 needed"), e.getMessage());
    }

    @Test
    void badInputsThrow() {
        assertThrows(EngineException.class, () -> Source.fresh("A", Double.NaN, 1));
        assertThrows(EngineException.class, () -> Source.fresh("A", 0, 1));
        assertThrows(EngineException.class, () -> Source.fresh("A", 100, -1));
        assertThrows(EngineException.class, () -> Source.fresh(" ", 100, 1));
        assertThrows(EngineException.class, () -> new Source("A", 100, 1, Double.NaN));
        assertThrows(EngineException.class, () -> new Rules(-0.01, 60, 3));
        assertThrows(EngineException.class, () -> new Rules(0.03, 0, 3));
        assertThrows(EngineException.class, () -> new Rules(0.03, 60, 0));
        assertThrows(EngineException.class, () -> IndexPrice.compute(List.of(), RULES));
        assertThrows(EngineException.class, () -> IndexPrice.compute(List.of(
                Source.fresh("A", 100, 1), Source.fresh("A", 100, 1), Source.fresh("B", 100, 1)), RULES));
    }

    @Test
    void noStalenessCheckWithInfiniteAge() {
        IndexResult r = IndexPrice.compute(List.of(new Source("A", 100, 1, 1e9)),
                new Rules(0.03, Double.POSITIVE_INFINITY, 1));
        assertEquals(100.0, r.price(), 0.0);
    }

    @Test
    void groupedNumbersInMessages() {
        assertEquals("60,100", IndexPrice.grouped(60_100));
        assertEquals("60,111.54", IndexPrice.grouped(60_111.538));
        assertEquals("1,234,567.5", IndexPrice.grouped(1_234_567.5));
    }

    @Test
    void indexLiesAmongTheUsedFeedsAndScalesWithPrices() {
        for (int seed = 0; seed < 500; seed++) {
            Random rnd = new Random(seed);
            int n = 3 + rnd.nextInt(5);
            double centre = 100 + rnd.nextDouble() * 100_000;
            List<Source> sources = new ArrayList<>();
            List<Source> doubled = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double p = centre * (1 + (rnd.nextDouble() - 0.5) * 0.05);
                double v = 1 + rnd.nextDouble() * 10_000;
                sources.add(Source.fresh("S" + i, p, v));
                doubled.add(Source.fresh("S" + i, 2 * p, v));
            }
            Rules rules = new Rules(0.02, 60, 1);
            IndexResult r = IndexPrice.compute(sources, rules);
            double min = r.used().stream().mapToDouble(Source::price).min().orElseThrow();
            double max = r.used().stream().mapToDouble(Source::price).max().orElseThrow();
            assertTrue(r.price() >= min - 1e-9 && r.price() <= max + 1e-9, "seed " + seed);
            assertEquals(n, r.used().size() + r.dropped().size(), "seed " + seed);
            IndexResult d = IndexPrice.compute(doubled, rules);
            assertEquals(2 * r.price(), d.price(), 1e-9 * r.price(), "seed " + seed);
            assertEquals(r.used().size(), d.used().size(), "seed " + seed);
        }
    }

    @Test
    void medianMethodTakesTheMiddleFeed() {
        IndexResult r = IndexPrice.compute(List.of(
                Source.fresh("Coinbase", 60_100, 20_000),
                Source.fresh("Binance", 60_150, 30_000),
                Source.fresh("Kraken", 60_050, 15_000)),
                new Rules(0.03, 60, 3, IndexPrice.Method.MEDIAN, IndexPrice.Fallback.ERROR));
        assertEquals(60_100, r.price(), 0.0);
    }

    @Test
    void tooFewLeftFallsBackToTheMedianOfTheFreshFeeds() {
        Rules rules = new Rules(0.01, 60, 3, IndexPrice.Method.VWAP, IndexPrice.Fallback.MEDIAN_OF_FRESH);
        IndexResult r = IndexPrice.compute(List.of(
                Source.fresh("A", 60_000, 1),
                Source.fresh("B", 61_000, 1),
                Source.fresh("C", 63_000, 1),
                new Source("D", 50_000, 1, 300)), rules);
        // the deviation check leaves 1 of 3 fresh feeds (B): the fallback is the median of A, B, C
        assertTrue(r.fellBack());
        assertEquals(61_000, r.price(), 0.0);
        assertEquals(List.of("A", "B", "C"), r.used().stream().map(Source::name).toList());
        assertEquals(List.of("D: stale, 300 s old (limit 60 s)"), r.dropped());
        assertTrue(IndexPrice.explain(List.of(Source.fresh("A", 60_000, 1), Source.fresh("B", 61_000, 1),
                Source.fresh("C", 63_000, 1)), rules).notes().stream().anyMatch(n -> n.contains("falls back")));
    }

    @Test
    void explanationNamesEveryDroppedFeed() {
        var e = IndexPrice.explain(List.of(
                Source.fresh("Coinbase", 60_100, 20_000),
                Source.fresh("Binance", 60_150, 30_000),
                Source.fresh("Kraken", 60_050, 15_000),
                new Source("X", 10_000, 1_000_000, 95)), RULES);
        assertEquals(3_907_250_000.0 / 65_000, e.result(), 1e-9);
        assertTrue(e.notes().contains("Dropped X: stale, 95 s old (limit 60 s)."), e.notes().toString());
        assertEquals("index = (60100 × 20000 + 60150 × 30000 + 60050 × 15000) / (20000 + 30000 + 15000)",
                e.substituted());
    }

    @Test
    void theIndexNeverUsesADroppedSource() {
        for (int seed = 0; seed < 500; seed++) {
            Random rnd = new Random(seed);
            int n = 1 + rnd.nextInt(8);
            List<Source> sources = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double p = 60_000 * (1 + (rnd.nextDouble() - 0.5) * (rnd.nextBoolean() ? 0.02 : 0.3));
                sources.add(new Source("S" + i, p, rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextDouble() * 100,
                        rnd.nextDouble() * 120));
            }
            Rules rules = new Rules(0.03, 60, 1 + rnd.nextInt(3),
                    rnd.nextBoolean() ? IndexPrice.Method.VWAP : IndexPrice.Method.MEDIAN,
                    IndexPrice.Fallback.MEDIAN_OF_FRESH);
            IndexResult r;
            try {
                r = IndexPrice.compute(sources, rules);
            } catch (EngineException e) {
                // only when no feed is fresh
                assertTrue(sources.stream().allMatch(s -> s.ageSeconds() > 60 || (s.volume() == 0
                        && rules.method() == IndexPrice.Method.VWAP)), "seed " + seed);
                continue;
            }
            var droppedNames = r.droppedSources().stream().map(IndexPrice.Dropped::name).toList();
            for (Source u : r.used()) {
                assertTrue(!droppedNames.contains(u.name()), "seed " + seed + ": " + u.name());
                assertTrue(u.ageSeconds() <= 60, "seed " + seed);
            }
            assertEquals(n, r.used().size() + r.droppedSources().size(), "seed " + seed);
            double min = r.used().stream().mapToDouble(Source::price).min().orElseThrow();
            double max = r.used().stream().mapToDouble(Source::price).max().orElseThrow();
            assertTrue(r.price() >= min - 1e-9 && r.price() <= max + 1e-9, "seed " + seed);
        }
    }
}
