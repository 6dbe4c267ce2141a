package com.perprisk.engine.adl;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;
import com.perprisk.engine.adl.AdlRanking.Entry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The report's lights ({@link AdlRanking#quintiles}) are those of {@link AdlRanking#rank} for every entry: random
 * queues with unscored positions, equal scores (ties broken by notional, then id), equal notionals, zero notionals,
 * −0 and +0 scores, one side empty; and the same refusals with the same messages.
 */
class AdlQuintilesTest {
    @Test
    void sameLightsAsTheRanking() {
        Random r = new Random(17);
        for (int t = 0; t < 3000; t++) {
            int n = r.nextInt(r.nextInt(10) == 0 ? 400 : 30);
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Double score = switch (r.nextInt(8)) {
                    case 0 -> null;
                    case 1 -> 0.0;
                    case 2 -> -0.0;
                    case 3 -> (double) r.nextInt(3);
                    default -> r.nextGaussian() * 10;
                };
                double notional = switch (r.nextInt(6)) {
                    case 0 -> 0;
                    case 1 -> 100;
                    default -> r.nextDouble() * 1e6;
                };
                Side side = r.nextInt(5) == 0 && t % 2 == 0 ? Side.LONG : r.nextBoolean() ? Side.LONG : Side.SHORT;
                entries.add(new Entry("id" + r.nextInt(1_000_000) + "_" + i, side, score, notional));
            }
            Map<String, AdlRanking.Rank> ranks = AdlRanking.rank(entries);
            int[] expected = new int[n];
            for (int i = 0; i < n; i++) {
                expected[i] = ranks.get(entries.get(i).id()).quintile();
            }
            assertArrayEquals(expected, AdlRanking.quintiles(entries), "queue " + t);
        }
    }

    @Test
    void refusesWhatTheRankingRefuses() {
        List<Entry> twice = List.of(new Entry("a", Side.LONG, 1.0, 10), new Entry("b", Side.SHORT, 1.0, 10),
                new Entry("a", Side.SHORT, 2.0, 10));
        assertEquals(assertThrows(EngineException.class, () -> AdlRanking.rank(twice)).getMessage(),
                assertThrows(EngineException.class, () -> AdlRanking.quintiles(twice)).getMessage());
        EngineException badNotional = assertThrows(EngineException.class, () -> new Entry("x", Side.LONG, 1.0,
                Double.POSITIVE_INFINITY));
        assertEquals(badNotional.getMessage(), assertThrows(EngineException.class, () -> AdlRanking.quintiles(
                new String[]{"x"}, new Side[]{Side.LONG}, new Double[]{1.0},
                new double[]{Double.POSITIVE_INFINITY})).getMessage());
        EngineException badScore = assertThrows(EngineException.class, () -> new Entry("y", Side.SHORT, Double.NaN,
                1));
        assertEquals(badScore.getMessage(), assertThrows(EngineException.class, () -> AdlRanking.quintiles(
                new String[]{"y"}, new Side[]{Side.SHORT}, new Double[]{Double.NaN}, new double[]{1})).getMessage());
    }
}
