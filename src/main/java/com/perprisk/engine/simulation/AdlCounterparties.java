package com.perprisk.engine.simulation;

import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.adl.AdlRanking;
import com.perprisk.engine.adl.AdlScore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ADL in a simulation: the opposite counterparties of a bankrupt position, ranked by the engine's one ADL ranking
 * ({@link AdlScore#entry}, {@link AdlRanking#rank}), are closed at the bankruptcy price, first in line first, until
 * the amount the fund could not pay is collected; what is left when they run out is not covered.
 */
final class AdlCounterparties {
    private AdlCounterparties() {
    }

    /** Closes top-ranked opposite counterparties at the bankruptcy price until {@code amount} is collected. */
    static void cover(SimulationRun run, String positionId, String symbol, Side side, double bankruptcyPrice,
                      double perUnit, double amount) {
        Market m = run.market(symbol);
        List<AdlRanking.Entry> entries = new ArrayList<>();
        Map<String, Position> byId = new LinkedHashMap<>();
        for (Position c : run.cps.positions()) {
            if (!c.symbol().equals(symbol) || c.side() == side) {
                continue;
            }
            entries.add(AdlScore.entry(c, m));
            byId.put(c.id(), c);
        }
        Map<String, AdlRanking.Rank> ranks = AdlRanking.rank(entries);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (AdlRanking.Entry e : entries) {
            scores.put(e.id(), e.score());
        }
        List<String> queue = new ArrayList<>(byId.keySet());
        queue.sort(Comparator.comparingInt(id -> ranks.get(id).position()));
        double remaining = amount;
        for (String id : queue) {
            if (remaining <= amount * 1e-12 || perUnit <= 0) {
                break;
            }
            Position c = byId.get(id);
            // quantity closed at BP = min(size, remaining / per-unit deficit)
            double q = Math.min(c.size(), remaining / perUnit);
            double taken = q * perUnit;
            remaining -= taken;
            run.adlCollected += taken;
            run.cps = run.cps.reduce(id, q);
            run.emit(new SimulationEvent.Adl(run.step, run.time, positionId, symbol, id, c.side(),
                    ranks.get(id).position(), scores.get(id), q, bankruptcyPrice, taken, c.size() - q));
        }
        if (remaining > amount * 1e-12) {
            run.uncovered += remaining;
            run.emit(new SimulationEvent.AdlShortfall(run.step, run.time, positionId, symbol, remaining));
        }
    }
}
