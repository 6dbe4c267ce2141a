package com.perprisk.engine.pricing;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Numbers;

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
 *   <li>Drop stale feeds (older than {@link Rules#maxAgeSeconds}) and feeds with no volume.</li>
 *   <li>Take the median price of the fresh feeds.</li>
 *   <li>Drop every feed whose |price − median| / median exceeds {@link Rules#maxDeviation}.</li>
 *   <li>With at least {@link Rules#minSources} feeds left, index = Σ price × volume / Σ volume; else throw.</li>
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

    /**
     * How strict the index is.
     *
     * @param maxDeviation  largest |price − median| / median kept (0.03 = 3%)
     * @param maxAgeSeconds oldest feed kept, in seconds ({@code Double.POSITIVE_INFINITY}: no staleness check)
     * @param minSources    fewest feeds the index may be computed from
     */
    public record Rules(double maxDeviation, double maxAgeSeconds, int minSources) {
        public Rules {
            nonNegative("maximum deviation", maxDeviation);
            if (Double.isNaN(maxAgeSeconds) || maxAgeSeconds <= 0) {
                throw new EngineException("maximum feed age must be above 0 s, got " + Numbers.plain(maxAgeSeconds));
            }
            if (minSources < 1) {
                throw new EngineException("at least 1 source must be required, got " + minSources);
            }
        }
    }

    /**
     * The index and how it was reached.
     *
     * @param price   the volume-weighted average of the feeds used
     * @param used    the feeds in the average, in input order
     * @param dropped one sentence per dropped feed saying why: stale and empty feeds first, then the deviating
     *                ones, each group in input order
     */
    public record IndexResult(double price, List<Source> used, List<String> dropped) {
        public IndexResult {
            used = List.copyOf(used);
            dropped = List.copyOf(dropped);
        }
    }

    /** Computes the index from the feeds under the rules; throws when too few feeds survive the checks. */
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

        List<String> dropped = new ArrayList<>();
        List<Source> fresh = new ArrayList<>();
        for (Source s : sources) {
            if (s.ageSeconds() > rules.maxAgeSeconds()) {
                dropped.add(s.name() + ": stale, " + grouped(s.ageSeconds()) + " s old (limit "
                        + grouped(rules.maxAgeSeconds()) + " s)");
            } else if (s.volume() == 0) {
                dropped.add(s.name() + ": no volume, so no weight");
            } else {
                fresh.add(s);
            }
        }
        requireEnough(fresh.size(), sources.size(), rules, dropped);

        double median = median(fresh);
        List<Source> used = new ArrayList<>();
        for (Source s : fresh) {
            // deviation = |price − median| / median
            double deviation = Math.abs(s.price() - median) / median;
            if (deviation > rules.maxDeviation()) {
                dropped.add(s.name() + ": " + percent(deviation) + " from the median " + grouped(median)
                        + " exceeds " + percent(rules.maxDeviation()));
            } else {
                used.add(s);
            }
        }
        requireEnough(used.size(), sources.size(), rules, dropped);

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
        return new IndexResult(index, used, dropped);
    }

    private static void requireEnough(int remaining, int given, Rules rules, List<String> dropped) {
        if (remaining < rules.minSources()) {
            throw new EngineException("only " + remaining + " of " + given + " sources remain, "
                    + rules.minSources() + " needed" + (dropped.isEmpty() ? "" : " (" + String.join("; ", dropped)
                    + ")"));
        }
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
