package com.perprisk.engine.adl;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.liquidation.Leg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each of the user's positions stands in its venue's ADL queue: one queue per contract (market) and side,
 * holding every trader's position there, the user's and a stated population of other traders'. Only profitable
 * positions are in line; a losing or break-even position is at the back of the queue and lights nothing.
 */
public final class AdlQueue {
    private AdlQueue() {
    }

    /**
     * A position's standing.
     *
     * @param symbol    the contract whose queue it is in
     * @param side      the side of the queue (longs are deleveraged against a bankrupt short, and the reverse)
     * @param score     its ADL score ({@link AdlScore#positionScore}), or null when undefined
     * @param inLine    true when it is profitable (uPnL > 0): only then can ADL close it
     * @param place     1 = first in line, counting the population; the queue's size when not in line
     * @param queueSize positions in this contract's queue on this side, the user's and the population's
     * @param lights    0–5: 5 − floor(5 × notional ahead / the side's notional) when in line, else 0
     */
    public record Standing(String symbol, Side side, Double score, boolean inLine, int place, int queueSize,
                           int lights) {
    }

    /**
     * Ranks the user's positions against a population of other traders' positions, per contract and side, at the
     * portfolio's marks.
     *
     * @param portfolio  the user's positions and the markets' marks and tier tables
     * @param population other traders' positions (symbols of the portfolio's markets; others are ignored)
     * @return standing by the user's position id, in the portfolio's order
     */
    public static Map<String, Standing> rank(Portfolio portfolio, List<Position> population) {
        Map<String, Standing> out = new LinkedHashMap<>();
        // each queue's positions, in list order, found in one pass (not one pass over everyone per queue)
        Map<String, List<Position>> users = byQueue(portfolio.positions());
        Map<String, List<Position>> others = byQueue(population);
        for (Market m : portfolio.markets()) {
            rankIn(m, users, others, out);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The standings in one market's two queues, as {@link #rank} gives them for that market: a caller that knows
     * only one market changed re-ranks that market alone.
     *
     * @param market     the market, at the marks to rank at
     * @param mine       the user's positions in it
     * @param population other traders' positions in it (others are ignored)
     * @return standing by the user's position id, longs first, each side in the order given
     */
    public static Map<String, Standing> rankMarket(Market market, List<Position> mine, List<Position> population) {
        Map<String, Standing> out = new LinkedHashMap<>();
        rankIn(market, byQueue(mine), byQueue(population), out);
        return Collections.unmodifiableMap(out);
    }

    private static void rankIn(Market m, Map<String, List<Position>> users, Map<String, List<Position>> others,
                               Map<String, Standing> out) {
        for (Side side : Side.values()) {
            List<Position> mine = users.getOrDefault(queue(m.symbol(), side), List.of());
            if (mine.isEmpty()) {
                continue;
            }
            List<AdlRanking.Entry> entries = new ArrayList<>();
            Map<String, Double> scores = new LinkedHashMap<>();
            for (Position p : mine) {
                scores.put(p.id(), entry(entries, "you:" + p.id(), p, m));
            }
            for (Position p : others.getOrDefault(queue(m.symbol(), side), List.of())) {
                entry(entries, "cp:" + p.id(), p, m);
            }
            Map<String, AdlRanking.Rank> ranks = AdlRanking.rank(entries);
            for (Position p : mine) {
                AdlRanking.Rank r = ranks.get("you:" + p.id());
                boolean inLine = p.unrealizedPnl(m.markPrice()) > 0;
                out.put(p.id(), new Standing(m.symbol(), side, scores.get(p.id()), inLine,
                        inLine ? r.position() : entries.size(), entries.size(), inLine ? r.quintile() : 0));
            }
        }
    }

    /** The positions of each queue (contract and side), each list in the order given. */
    private static Map<String, List<Position>> byQueue(List<Position> positions) {
        Map<String, List<Position>> out = new java.util.HashMap<>();
        for (Position p : positions) {
            out.computeIfAbsent(queue(p.symbol(), p.side()), k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    private static String queue(String symbol, Side side) {
        return side.name() + ' ' + symbol;
    }

    /** Adds a position's queue entry (a losing one scores nothing: it waits behind every profitable one). */
    private static Double entry(List<AdlRanking.Entry> entries, String id, Position p, Market m) {
        Leg leg = new Leg(p, m);
        double mark = m.markPrice();
        double upnl = leg.unrealizedPnl(mark);
        Double score = AdlScore.positionScore(upnl, p.entryNotional(), leg.maintenanceMargin(mark), p.notionalAt(mark));
        entries.add(new AdlRanking.Entry(id, p.side(), upnl > 0 ? score : null, p.notionalAt(mark)));
        return score;
    }
}
