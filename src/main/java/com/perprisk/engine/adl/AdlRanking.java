package com.perprisk.engine.adl;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.present;

/**
 * The ADL queue and its indicator lights. Longs and shorts are ranked separately, by score, highest first; the
 * indicator shows in which fifth of the side's notional a position sits (5 lights: first in line).
 */
public final class AdlRanking {
    /** Tolerance on the quintile boundary so that an exact fifth (0.2, 0.4, …) is not lost to rounding. */
    private static final double BOUNDARY_TOLERANCE = 1e-9;

    private AdlRanking() {
    }

    /**
     * One position in the queue.
     *
     * @param id       unique id of the position
     * @param side     long or short
     * @param score    its ADL score, or {@code null} when undefined (ranks last)
     * @param notional its notional, Q × mark
     */
    public record Entry(String id, Side side, Double score, double notional) {
        public Entry {
            present("position id", id);
            // each message is written only when its check fails (an entry is built per position per report)
            if (side == null) {
                present("side of " + id, side);
            }
            if (score != null && !Double.isFinite(score)) {
                finite("ADL score of " + id, score);
            }
            if (!(notional >= 0) || Double.isInfinite(notional)) {
                nonNegative("notional of " + id, notional);
            }
        }
    }

    /**
     * A position's place in its side's queue.
     *
     * @param position 1 = first to be deleveraged within its side
     * @param quintile 1–5 indicator lights, 5 = the top fifth of the side's notional
     */
    public record Rank(int position, int quintile) {
    }

    /**
     * Ranks each side by score descending; ties go to the larger notional, then the smaller id. Positions without a
     * score come last, with 1 light. For the others,
     * {@code quintile = 5 − floor(5 × notional ranked strictly ahead / total notional of the side)}, clamped to 1..5.
     *
     * @return rank by position id, longs first, each side in queue order
     */
    public static Map<String, Rank> rank(List<Entry> entries) {
        present("ADL entries", entries);
        Set<String> ids = new HashSet<>(entries.size() * 4 / 3 + 1);
        for (Entry e : entries) {
            present("ADL entry", e);
            if (!ids.add(e.id())) {
                throw new EngineException("position " + e.id() + " appears twice in the ADL queue");
            }
        }
        Map<String, Rank> ranks = new LinkedHashMap<>(entries.size() * 4 / 3 + 1);
        for (Side side : Side.values()) {
            List<Entry> queue = new ArrayList<>(entries.stream().filter(e -> e.side() == side).toList());
            queue.sort(QUEUE_ORDER);
            double total = queue.stream().mapToDouble(Entry::notional).sum();
            double ahead = 0;
            for (int i = 0; i < queue.size(); i++) {
                Entry e = queue.get(i);
                int quintile = e.score() == null ? 1 : quintile(ahead, total);
                ranks.put(e.id(), new Rank(i + 1, quintile));
                ahead += e.notional();
            }
        }
        return Collections.unmodifiableMap(ranks);
    }

    /** Queue order: scored before unscored, score descending, notional descending, id ascending. */
    private static final Comparator<Entry> QUEUE_ORDER = (a, b) -> {
        if (a.score() == null || b.score() == null) {
            if (a.score() != b.score()) {
                return a.score() == null ? 1 : -1;
            }
        } else {
            int byScore = Double.compare(b.score(), a.score());
            if (byScore != 0) {
                return byScore;
            }
        }
        int byNotional = Double.compare(b.notional(), a.notional());
        return byNotional != 0 ? byNotional : a.id().compareTo(b.id());
    };

    /** Lights for a position with this much notional ahead of it on its side. */
    private static int quintile(double ahead, double total) {
        if (total <= 0) {
            return 5; // nothing ahead carries any notional
        }
        // quintile = 5 − floor(5 × notional ahead / total notional), clamped to 1..5
        int lights = 5 - (int) Math.floor(5.0 * ahead / total + BOUNDARY_TOLERANCE);
        return Math.max(1, Math.min(5, lights));
    }
}
