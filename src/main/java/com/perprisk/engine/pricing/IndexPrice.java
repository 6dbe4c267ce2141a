package com.perprisk.engine.pricing;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Numbers;
import com.perprisk.engine.explain.Term;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;
import static com.perprisk.engine.EngineInputs.present;

/**
 * Index price: the volume-weighted average of spot prices from several venues, after dropping the feeds that are
 * stale or too far from the median (domain reference §7).
 *
 * <ol>
 *   <li>Drop stale feeds (older than {@link Rules#maxAgeSeconds}) and, for a VWAP, feeds with no volume.</li>
 *   <li>Take the median price of the fresh feeds.</li>
 *   <li>Drop every feed whose |price − median| / median exceeds {@link Rules#maxDeviation}.</li>
 *   <li>With at least {@link Rules#minSources} feeds left, index = Σ price × volume / Σ volume (or their median);
 *   with fewer, the {@link Fallback}: fail, or the median of every fresh feed.</li>
 * </ol>
 */
public final class IndexPrice {
    private IndexPrice() {
    }

    /**
     * One constituent feed.
     *
     * @param name       the spot venue, e.g. "Coinbase"
     * @param price      its last price
     * @param volume     its weight, usually the traded volume
     * @param ageSeconds seconds since the feed last updated
     */
    public record Source(String name, double price, double volume, double ageSeconds) {
        public Source {
            present("source name", name);
            if (name.isBlank()) {
                throw new EngineException("a source needs a name");
            }
            positive(name + " price", price);
            nonNegative(name + " volume", volume);
            nonNegative(name + " age", ageSeconds);
        }

        /** A feed that has just updated. */
        public static Source fresh(String name, double price, double volume) {
            return new Source(name, price, volume, 0);
        }
    }

    /** How the surviving feeds are combined. */
    public enum Method {
        /** Σ price × volume / Σ volume. */
        VWAP,
        /** The middle price of the surviving feeds (mean of the two middle ones for an even count). */
        MEDIAN
    }

    /** What happens when fewer than {@link Rules#minSources} feeds survive the checks. */
    public enum Fallback {
        /** No index: the computation fails with the reasons. */
        ERROR,
        /** The median of every fresh feed (stale and empty ones still out), ignoring the deviation check. */
        MEDIAN_OF_FRESH
    }

    /**
     * How strict the index is.
     *
     * @param maxDeviation  largest |price − median| / median kept (0.03 = 3%)
     * @param maxAgeSeconds oldest feed kept, in seconds ({@code Double.POSITIVE_INFINITY}: no staleness check)
     * @param minSources    fewest feeds the index may be computed from
     * @param method        VWAP or median of the feeds kept
     * @param fallback      what to do when fewer than {@code minSources} feeds are kept
     */
    public record Rules(double maxDeviation, double maxAgeSeconds, int minSources, Method method, Fallback fallback) {
        public Rules {
            nonNegative("maximum deviation", maxDeviation);
            if (Double.isNaN(maxAgeSeconds) || maxAgeSeconds <= 0) {
                throw new EngineException("maximum feed age must be above 0 s, got " + Numbers.plain(maxAgeSeconds));
            }
            if (minSources < 1) {
                throw new EngineException("at least 1 source must be required, got " + minSources);
            }
            present("index method", method);
            present("index fallback", fallback);
        }

        /** VWAP, failing when too few feeds are kept. */
        public Rules(double maxDeviation, double maxAgeSeconds, int minSources) {
            this(maxDeviation, maxAgeSeconds, minSources, Method.VWAP, Fallback.ERROR);
        }
    }

    /** A feed left out of the index and why, in a sentence. */
    public record Dropped(String name, String reason) {
        @Override
        public String toString() {
            return name + ": " + reason;
        }
    }

    /**
     * The index and how it was reached.
     *
     * @param price          the VWAP or median of the feeds used
     * @param used           the feeds in the index, in input order
     * @param droppedSources each dropped feed with the reason: stale and empty feeds first, then the deviating ones,
     *                       each group in input order
     * @param median         median of the fresh feeds, the centre of the deviation check
     * @param fellBack       whether too few feeds survived and the fallback (median of the fresh feeds) was used
     */
    public record IndexResult(double price, List<Source> used, List<Dropped> droppedSources, double median,
                              boolean fellBack) {
        public IndexResult {
            used = List.copyOf(used);
            droppedSources = List.copyOf(droppedSources);
        }

        /** One sentence per dropped feed: "name: reason". */
        public List<String> dropped() {
            return droppedSources.stream().map(Dropped::toString).toList();
        }
    }

    /** Computes the index from the feeds under the rules; throws when too few feeds survive and there is no fallback. */
    public static IndexResult compute(List<Source> sources, Rules rules) {
        present("index sources", sources);
        present("index rules", rules);
        if (sources.isEmpty()) {
            throw new EngineException("no index sources given");
        }
        Set<String> names = new HashSet<>();
        for (Source s : sources) {
            present("index source", s);
            if (!names.add(s.name())) {
                throw new EngineException(s.name() + " is listed twice among the index sources");
            }
        }

        List<Dropped> dropped = new ArrayList<>();
        List<Source> fresh = new ArrayList<>();
        for (Source s : sources) {
            if (s.ageSeconds() > rules.maxAgeSeconds()) {
                dropped.add(new Dropped(s.name(), "stale, " + grouped(s.ageSeconds()) + " s old (limit "
                        + grouped(rules.maxAgeSeconds()) + " s)"));
            } else if (s.volume() == 0 && rules.method() == Method.VWAP) {
                dropped.add(new Dropped(s.name(), "no volume, so no weight"));
            } else {
                fresh.add(s);
            }
        }
        if (fresh.isEmpty() || (fresh.size() < rules.minSources() && rules.fallback() == Fallback.ERROR)) {
            throw tooFew(fresh.size(), sources.size(), rules, dropped);
        }

        double median = median(fresh);
        List<Source> used = new ArrayList<>();
        List<Dropped> deviating = new ArrayList<>();
        for (Source s : fresh) {
            // deviation = |price − median| / median
            double deviation = Math.abs(s.price() - median) / median;
            if (deviation > rules.maxDeviation()) {
                deviating.add(new Dropped(s.name(), percent(deviation) + " from the median " + grouped(median)
                        + " exceeds " + percent(rules.maxDeviation())));
            } else {
                used.add(s);
            }
        }
        if (used.size() < rules.minSources()) {
            if (rules.fallback() == Fallback.ERROR) {
                List<Dropped> all = new ArrayList<>(dropped);
                all.addAll(deviating);
                throw tooFew(used.size(), sources.size(), rules, all);
            }
            // fallback: index = median of every fresh feed
            return new IndexResult(median, fresh, dropped, median, true);
        }
        dropped.addAll(deviating);
        return new IndexResult(combine(used, rules.method()), used, dropped, median, false);
    }

    /** VWAP or median of the feeds kept. */
    private static double combine(List<Source> used, Method method) {
        if (method == Method.MEDIAN) {
            return median(used);
        }
        double weighted = 0;
        double volume = 0;
        for (Source s : used) {
            weighted += s.price() * s.volume();
            volume += s.volume();
        }
        // index = Σ price × volume / Σ volume
        double index = weighted / volume;
        if (!Double.isFinite(index)) {
            throw new EngineException("the volumes are too large to weight the index");
        }
        return index;
    }

    private static EngineException tooFew(int remaining, int given, Rules rules, List<Dropped> dropped) {
        return new EngineException("only " + remaining + " of " + given + " sources remain, "
                + rules.minSources() + " needed" + (dropped.isEmpty() ? "" : " (" + String.join("; ",
                dropped.stream().map(Dropped::toString).toList()) + ")"));
    }

    /** The working behind {@link #compute}: which feeds were used, which dropped and why. */
    public static Explanation explain(List<Source> sources, Rules rules) {
        IndexResult r = compute(sources, rules);
        List<Term> terms = new ArrayList<>();
        StringBuilder num = new StringBuilder();
        StringBuilder den = new StringBuilder();
        for (Source s : r.used()) {
            terms.add(new Term("p(" + s.name() + ")", s.name() + " price", s.price(), "quote"));
            if (rules.method() == Method.VWAP && !r.fellBack()) {
                terms.add(new Term("v(" + s.name() + ")", s.name() + " volume", s.volume(), "base"));
                num.append(num.isEmpty() ? "" : " + ").append(Numbers.term(s.price())).append(" × ")
                        .append(Numbers.term(s.volume()));
                den.append(den.isEmpty() ? "" : " + ").append(Numbers.term(s.volume()));
            } else {
                num.append(num.isEmpty() ? "" : ", ").append(Numbers.term(s.price()));
            }
        }
        boolean vwap = rules.method() == Method.VWAP && !r.fellBack();
        String formula = vwap ? "index = Σ price × volume / Σ volume" : "index = median(prices)";
        String substituted = vwap ? "index = (" + num + ") / (" + den + ")" : "index = median(" + num + ")";
        List<String> notes = new ArrayList<>();
        notes.add("Feeds older than " + grouped(rules.maxAgeSeconds()) + " s are stale; feeds more than "
                + percent(rules.maxDeviation()) + " from the median " + grouped(r.median()) + " are outliers.");
        for (Dropped d : r.droppedSources()) {
            notes.add("Dropped " + d.name() + ": " + d.reason() + ".");
        }
        if (r.fellBack()) {
            notes.add("Fewer than " + rules.minSources() + " feeds passed the deviation check, so the index falls back"
                    + " to the median of every fresh feed.");
        }
        notes.add("Used " + r.used().size() + " of " + sources.size() + " feeds.");
        return new Explanation("Index price", formula, terms, substituted, r.price(), notes);
    }

    /** Median of the prices: the middle one, or the mean of the two middle ones for an even count. */
    private static double median(List<Source> sources) {
        double[] prices = sources.stream().mapToDouble(Source::price).sorted().toArray();
        int mid = prices.length / 2;
        // median = middle price, or (lower middle + upper middle) / 2
        return prices.length % 2 == 1 ? prices[mid] : (prices[mid - 1] + prices[mid]) / 2;
    }

    /** 60100 → "60,100"; 60111.538 → "60,111.54". */
    static String grouped(double value) {
        if (Double.isInfinite(value)) {
            return Numbers.plain(value);
        }
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** 0.0339 → "3.39%". */
    private static String percent(double fraction) {
        return grouped(fraction * 100) + "%";
    }
}
