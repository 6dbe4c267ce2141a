package com.perprisk.engine.adl;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;
import com.perprisk.engine.adl.AdlRanking.Entry;
import com.perprisk.engine.adl.AdlRanking.Rank;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdlRankingTest {

    @Test
    void fiveEqualPositionsGetFiveToOneLights() {
        Map<String, Rank> ranks = AdlRanking.rank(List.of(
                new Entry("c", Side.LONG, 3.0, 100),
                new Entry("a", Side.LONG, 5.0, 100),
                new Entry("e", Side.LONG, 1.0, 100),
                new Entry("b", Side.LONG, 4.0, 100),
                new Entry("d", Side.LONG, 2.0, 100)));
        assertEquals(new Rank(1, 5), ranks.get("a"));
        assertEquals(new Rank(2, 4), ranks.get("b"));
        assertEquals(new Rank(3, 3), ranks.get("c"));
        assertEquals(new Rank(4, 2), ranks.get("d"));
        assertEquals(new Rank(5, 1), ranks.get("e"));
        assertEquals(List.of("a", "b", "c", "d", "e"), List.copyOf(ranks.keySet()));
    }

    @Test
    void quintileFollowsNotionalAheadNotHeadcount() {
        // a big top position pushes everyone behind it down: 900 of 1,000 is ahead of b and c
        Map<String, Rank> ranks = AdlRanking.rank(List.of(
                new Entry("a", Side.SHORT, 9.0, 900),
                new Entry("b", Side.SHORT, 8.0, 50),
                new Entry("c", Side.SHORT, 7.0, 50)));
        assertEquals(new Rank(1, 5), ranks.get("a"));
        assertEquals(new Rank(2, 1), ranks.get("b")); // 5 − floor(4.5) = 1
        assertEquals(new Rank(3, 1), ranks.get("c")); // 5 − floor(4.75) = 1
    }

    @Test
    void loneAndTopPositionsHaveFiveLights() {
        assertEquals(new Rank(1, 5), AdlRanking.rank(List.of(new Entry("x", Side.LONG, -0.3, 10))).get("x"));
        assertEquals(new Rank(1, 5), AdlRanking.rank(List.of(new Entry("x", Side.LONG, 0.0, 0))).get("x"));
    }

    @Test
    void longsAndShortsAreRankedSeparately() {
        Map<String, Rank> ranks = AdlRanking.rank(List.of(
                new Entry("L1", Side.LONG, 1.0, 100),
                new Entry("S1", Side.SHORT, 0.5, 100),
                new Entry("L2", Side.LONG, 2.0, 100),
                new Entry("S2", Side.SHORT, 0.1, 300)));
        assertEquals(new Rank(1, 5), ranks.get("L2"));
        assertEquals(new Rank(2, 3), ranks.get("L1")); // 5 − floor(5 × 100/200)
        assertEquals(new Rank(1, 5), ranks.get("S1"));
        assertEquals(new Rank(2, 4), ranks.get("S2")); // 5 − floor(5 × 100/400)
    }

    @Test
    void tiesGoToTheLargerNotionalThenTheId() {
        Map<String, Rank> ranks = AdlRanking.rank(List.of(
                new Entry("b", Side.LONG, 1.0, 100),
                new Entry("a", Side.LONG, 1.0, 100),
                new Entry("z", Side.LONG, 1.0, 200)));
        assertEquals(1, ranks.get("z").position());
        assertEquals(2, ranks.get("a").position());
        assertEquals(3, ranks.get("b").position());
    }

    @Test
    void positionsWithoutAScoreRankLastWithOneLight() {
        Map<String, Rank> ranks = AdlRanking.rank(List.of(
                new Entry("none", Side.LONG, null, 10_000),
                new Entry("low", Side.LONG, -5.0, 1),
                new Entry("high", Side.LONG, 3.0, 1)));
        assertEquals(new Rank(3, 1), ranks.get("none"));
        assertEquals(new Rank(1, 5), ranks.get("high"));
        assertEquals(new Rank(2, 5), ranks.get("low")); // only 1 of 10,002 ahead
    }

    @Test
    void badInputsThrow() {
        assertThrows(EngineException.class, () -> AdlRanking.rank(List.of(
                new Entry("a", Side.LONG, 1.0, 1), new Entry("a", Side.SHORT, 1.0, 1))));
        assertThrows(EngineException.class, () -> new Entry("a", Side.LONG, Double.NaN, 1));
        assertThrows(EngineException.class, () -> new Entry("a", Side.LONG, 1.0, -1));
        assertThrows(EngineException.class, () -> new Entry(null, Side.LONG, 1.0, 1));
        assertThrows(EngineException.class, () -> new Entry("a", null, 1.0, 1));
        assertThrows(EngineException.class, () -> AdlRanking.rank(null));
        assertTrue(AdlRanking.rank(List.of()).isEmpty());
    }

    @Test
    void quintilesStayInRangeAndNeverRiseAlongTheQueue() {
        for (int seed = 0; seed < 500; seed++) {
            Random r = new Random(seed);
            int n = 1 + r.nextInt(30);
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Double score = r.nextInt(10) == 0 ? null : (double) (r.nextInt(20) - 5);
                entries.add(new Entry("p" + i, r.nextBoolean() ? Side.LONG : Side.SHORT, score,
                        r.nextInt(5) == 0 ? 0 : r.nextDouble() * 1e6));
            }
            Map<String, Rank> ranks = AdlRanking.rank(entries);
            assertEquals(n, ranks.size(), "seed " + seed);
            for (Side side : Side.values()) {
                List<Entry> queue = new ArrayList<>(entries.stream().filter(e -> e.side() == side).toList());
                queue.sort(Comparator.comparingInt(e -> ranks.get(e.id()).position()));
                int previousLights = 5;
                Double previousScore = null;
                for (int i = 0; i < queue.size(); i++) {
                    Entry e = queue.get(i);
                    Rank rank = ranks.get(e.id());
                    assertEquals(i + 1, rank.position(), "seed " + seed + ": positions 1..n per side");
                    assertTrue(rank.quintile() >= 1 && rank.quintile() <= 5, "seed " + seed);
                    assertTrue(rank.quintile() <= previousLights, "seed " + seed + ": lights rose along the queue");
                    if (i == 0 && e.score() != null) {
                        assertEquals(5, rank.quintile(), "seed " + seed + ": the top position has 5 lights");
                    }
                    if (i > 0 && e.score() != null) {
                        assertTrue(previousScore != null && previousScore >= e.score(), "seed " + seed);
                    }
                    previousLights = rank.quintile();
                    previousScore = e.score();
                }
            }
        }
    }
}
