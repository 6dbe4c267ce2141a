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
            check(id, side, score, notional);
        }
    }

    /** What an entry must be: an id, a side, a finite score or none, a finite notional ≥ 0. */
    private static void check(String id, Side side, Double score, double notional) {
        present("position id", id);
        // each message is written only when its check fails (an entry is checked per position per report)
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

    /**
     * The lights of each entry, in the entries' order: {@code rank(entries).get(id).quintile()} for every entry, found
     * by the same queue order and the same sums, without a map, a record or a boxed score per entry (the report ranks
     * every position on each recalculation). Refuses what {@link #rank} refuses.
     */
    public static int[] quintiles(List<Entry> entries) {
        present("ADL entries", entries);
        int n = entries.size();
        String[] id = new String[n];
        Side[] side = new Side[n];
        Double[] score = new Double[n];
        double[] notional = new double[n];
        for (int i = 0; i < n; i++) {
            Entry e = present("ADL entry", entries.get(i));
            id[i] = e.id();
            side[i] = e.side();
            score[i] = e.score();
            notional[i] = e.notional();
        }
        return quintiles(id, side, score, notional);
    }

    /**
     * {@link #quintiles(List)} of the entries (id[i], side[i], score[i], notional[i]), each checked as an
     * {@link Entry} checks it, in order, then the ids for repeats; the arrays are read, not kept.
     */
    public static int[] quintiles(String[] id, Side[] side, Double[] score, double[] notional) {
        int n = id.length;
        for (int i = 0; i < n; i++) {
            check(id[i], side[i], score[i], notional[i]);
        }
        com.perprisk.engine.NameIndex ids = new com.perprisk.engine.NameIndex(n);
        for (int i = 0; i < n; i++) {
            if (ids.put(id[i], i) >= 0) {
                throw new EngineException("position " + id[i] + " appears twice in the ADL queue");
            }
        }
        Queue q = new Queue(id, side, score, notional);
        int[] lights = new int[n];
        int[] queue = new int[n];
        for (Side each : Side.values()) {
            int size = 0;
            for (int i = 0; i < n; i++) {
                if (q.side[i] == each) {
                    queue[size++] = i;
                }
            }
            q.sort(queue, size);
            double[] notionals = new double[size];
            for (int k = 0; k < size; k++) {
                notionals[k] = q.notional[queue[k]];
            }
            // the side's total as rank sums it (a DoubleStream's compensated sum, in queue order)
            double total = java.util.Arrays.stream(notionals).sum();
            double ahead = 0;
            for (int k = 0; k < size; k++) {
                int i = queue[k];
                lights[i] = q.scored[i] ? quintile(ahead, total) : 1;
                ahead += notionals[k];
            }
        }
        return lights;
    }

    /** The entries' sort keys in primitive arrays, and the queue order over their indices. */
    private static final class Queue {
        final Side[] side;
        final boolean[] scored;
        final double[] notional;
        final String[] id;
        /**
         * Each entry's score and notional as longs ordered as {@link Double#compare} orders the doubles (the bits,
         * with the magnitude bits of a negative number flipped); an entry without a score gets the least key, below
         * every finite score's, so that it ranks after every scored entry.
         */
        private final long[] scoreKey;
        private final long[] notionalKey;
        private int[] scratch = new int[0];

        Queue(String[] id, Side[] side, Double[] score, double[] notional) {
            int n = id.length;
            this.side = side;
            this.id = id;
            this.notional = notional;
            this.scored = new boolean[n];
            this.scoreKey = new long[n];
            this.notionalKey = new long[n];
            for (int i = 0; i < n; i++) {
                scored[i] = score[i] != null;
                scoreKey[i] = scored[i] ? key(score[i]) : Long.MIN_VALUE;
                notionalKey[i] = key(notional[i]);
            }
        }

        /** A double's key: longs compare as {@link Double#compare} compares the doubles. */
        private static long key(double d) {
            long bits = Double.doubleToLongBits(d);
            return bits ^ ((bits >> 63) & Long.MAX_VALUE);
        }

        /**
         * {@link #QUEUE_ORDER} on entries i and j: scored first, then score descending (an unscored pair ties here),
         * notional descending, id ascending.
         */
        int compare(int i, int j) {
            int byScore = Long.compare(scoreKey[j], scoreKey[i]);
            if (byScore != 0) {
                return byScore;
            }
            int byNotional = Long.compare(notionalKey[j], notionalKey[i]);
            return byNotional != 0 ? byNotional : id[i].compareTo(id[j]);
        }

        /** Sorts a[0 … n) into queue order (a merge sort; the order is total, ids being distinct). */
        void sort(int[] a, int n) {
            if (scratch.length < n) {
                scratch = new int[n];
            }
            sort(a, scratch, 0, n);
        }

        private void sort(int[] a, int[] tmp, int from, int to) {
            if (to - from <= 8) {
                for (int i = from + 1; i < to; i++) {
                    int v = a[i];
                    int j = i - 1;
                    while (j >= from && compare(a[j], v) > 0) {
                        a[j + 1] = a[j];
                        j--;
                    }
                    a[j + 1] = v;
                }
                return;
            }
            int mid = (from + to) >>> 1;
            sort(a, tmp, from, mid);
            sort(a, tmp, mid, to);
            if (compare(a[mid - 1], a[mid]) <= 0) {
                return;
            }
            System.arraycopy(a, from, tmp, from, to - from);
            int i = from;
            int j = mid;
            for (int k = from; k < to; k++) {
                a[k] = j >= to || (i < mid && compare(tmp[i], tmp[j]) <= 0) ? tmp[i++] : tmp[j++];
            }
        }
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
