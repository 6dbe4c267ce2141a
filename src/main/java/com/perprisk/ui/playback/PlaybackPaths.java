package com.perprisk.ui.playback;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.simulation.PricePath;
import com.perprisk.io.PricePathCsv;
import com.perprisk.ui.format.Formats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/** The playback's path from its source (seeded GBM, an imported CSV, a drawing), and the path in words. */
final class PlaybackPaths {
    private PlaybackPaths() {
    }

    /** The path of a source, starting at the entered portfolio's marks. */
    static PricePath build(PlaybackViewModel.Source source, java.util.function.Supplier<PricePath.GbmSpec> gbm,
                           String csvText, Map<String, ? extends SortedMap<Integer, Double>> drawn, int steps,
                           double stepHours, Portfolio entered) {
        Map<String, Double> start = new LinkedHashMap<>();
        for (Market m : entered.markets()) {
            start.put(m.symbol(), m.markPrice());
        }
        return switch (source) {
            case GBM -> PricePath.gbm(start, gbm.get());
            case CSV -> {
                if (csvText == null) {
                    throw new IllegalStateException("import a CSV price path first (timestamp, symbol, mark[, index,"
                            + " fundingRate])");
                }
                yield PricePathCsv.parse(csvText);
            }
            case DRAWN -> PricePath.drawn(start, drawn, steps, stepHours);
        };
    }

    /** The path in words: "random walk σ 80%, seed 1, 240 × 1 h steps". */
    static String summary(PlaybackViewModel.Source source, Formats f, double volatility, int seed, int steps,
                          double stepHours, double correlation, String csvName) {
        return switch (source) {
            case GBM -> "random walk σ " + f.quantity(volatility * 100, 2) + "%, seed " + seed + ", "
                    + steps + " × " + f.quantity(stepHours, 3) + " h"
                    + (correlation != 0 ? ", correlation " + f.quantity(correlation, 2) : "");
            case CSV -> "CSV " + (csvName == null ? "(none imported)" : csvName);
            case DRAWN -> "drawn by hand, " + steps + " × " + f.quantity(stepHours, 3) + " h";
        };
    }

    static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.2f", v);
    }
}
