package com.perprisk.ui.positions;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.adl.AdlQueue;
import com.perprisk.engine.simulation.Population;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.workspace.WorkspaceViewModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ranks the positions in their venues' ADL queues (per market and side) against a stated population of other
 * traders, and publishes the standings and the population's description in the {@link RiskContext}. The population
 * is the workspace's own {@code "counterparties"} (the simulation's: {@code {"seed", "perSide"}} or a list) when it
 * has one, else an assumed generated one the user can see and change ({@link #setGenerated}), which is then saved in
 * the workspace as its counterparties.
 */
public final class AdlQueueViewModel {
    /** The assumption when the workspace names no counterparties. */
    public static final long ASSUMED_SEED = 1;
    public static final int ASSUMED_PER_SIDE = 200;
    static final String FIELD = "counterparties";

    /** Above this many markets to rank again (opening a file, a scenario move), the ranking runs off the FX thread. */
    public static final int BULK_MARKETS = 16;

    private final WorkspaceViewModel vm;
    private final RiskContext context;
    /** What the standings shown were ranked from, kept so that the next refresh redoes only what changed. */
    private Ranking ranking = Ranking.NONE;
    /** Counts refresh requests: a ranking finished off the FX thread is shown only if no newer request came. */
    private long requests;
    private int rankedMarkets;
    private int generatedMarkets;

    public AdlQueueViewModel(WorkspaceViewModel vm) {
        this.vm = vm;
        this.context = vm.context();
        // an invalidation listener: every new report re-ranks (the markets it leaves alone come from the cache)
        context.riskProperty().addListener(o -> refresh());
        // another population with the same inputs leaves the report as it was (the same object): re-rank anyway
        vm.documentProperty().addListener((o, a, b) -> {
            if (!Objects.equals(spec(), ranking.spec)) {
                refresh();
            }
        });
        refresh();
    }

    /** The workspace whose positions this ranks. */
    public WorkspaceViewModel workspace() {
        return vm;
    }

    /** Seed and count per side of the generated population: the workspace's, or the assumption. */
    public long seed() {
        return seed(spec());
    }

    public int perSide() {
        return perSide(spec());
    }

    private static long seed(Object spec) {
        return spec instanceof Map<?, ?> m && m.get("seed") instanceof Number n ? n.longValue() : ASSUMED_SEED;
    }

    private static int perSide(Object spec) {
        return spec instanceof Map<?, ?> m && m.get("perSide") instanceof Number n ? n.intValue() : ASSUMED_PER_SIDE;
    }

    /** Replaces the population by a generated one (one undoable edit, saved as the workspace's counterparties). */
    public void setGenerated(long seed, int perSide) {
        if (perSide < 0 || perSide > 100_000) {
            throw new IllegalArgumentException("counterparties per side must be between 0 and 100,000");
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("seed", seed);
        spec.put("perSide", perSide);
        vm.setDocumentField(FIELD, spec);
    }

    private Object spec() {
        return vm.documentExtra().get(FIELD);
    }

    /** Test seam: how many market queues were ranked since the view model was made (unchanged ones are reused). */
    int rankedMarkets() {
        return rankedMarkets;
    }

    /** Test seam: how many markets' counterparties were generated (a full generation counts every market). */
    int generatedMarkets() {
        return generatedMarkets;
    }

    private void refresh() {
        long request = ++requests;
        Portfolio shown = context.getPortfolio();
        Portfolio entered = context.enteredPortfolioProperty().get();
        if (context.getRisk() == null || shown == null || entered == null) {
            context.adlStandingsProperty().set(Map.of());
            return;
        }
        Object spec = spec();
        Ranking before = ranking;
        if (before.marketsToRank(spec, entered, shown) <= BULK_MARKETS) {
            show(Ranking.of(before, spec, entered, shown));
            return;
        }
        // many queues (a file opened, every mark moved): ranked on the worker; no lights rather than stale ones
        context.adlStandingsProperty().set(Map.of());
        vm.files().worker().execute(() -> {
            Ranking after = Ranking.of(before, spec, entered, shown);
            vm.files().owner().execute(() -> {
                if (request == requests) {
                    show(after);
                }
            });
        });
    }

    private void show(Ranking r) {
        ranking = r;
        rankedMarkets += r.rankedNow;
        generatedMarkets += r.generatedNow;
        context.adlPopulationProperty().set(r.text);
        context.adlStandingsProperty().set(r.standings);
    }

    /** One market's standings and what they were ranked from (the counterparties compared by identity). */
    private record RankedMarket(Market market, List<Position> mine, List<Position> others,
                                Map<String, AdlQueue.Standing> standings) {
    }

    /**
     * Standings and what they were ranked from: the population spec, the entered markets the counterparties were
     * generated for, the listed population (null when generated), the counterparties by symbol and each market's
     * queues. Immutable, so that a ranking can run on a worker from the one before it.
     */
    private record Ranking(Object spec, List<Market> markets, List<Position> listed,
                           Map<String, List<Position>> population, String text,
                           Map<String, RankedMarket> bySymbol, Map<String, AdlQueue.Standing> standings,
                           int rankedNow, int generatedNow) {
        static final Ranking NONE = new Ranking(null, null, null, Map.of(), "", Map.of(), Map.of(), 0, 0);

        /** How many markets' queues a ranking from this one would rank again (an upper bound). */
        int marketsToRank(Object spec, Portfolio entered, Portfolio shown) {
            boolean samePopulation = Objects.equals(spec, this.spec) && entered.markets().equals(markets);
            Map<String, List<Position>> mine = mine(shown);
            int n = 0;
            for (Market m : shown.markets()) {
                List<Position> own = mine.get(m.symbol());
                RankedMarket before = bySymbol.get(m.symbol());
                if (own != null && (!samePopulation || before == null || !before.market.equals(m)
                        || !before.mine.equals(own))) {
                    n++;
                }
            }
            return n;
        }

        /** Ranks every market's queues, reusing what {@code before} ranked where nothing it depends on changed. */
        static Ranking of(Ranking before, Object spec, Portfolio entered, Portfolio shown) {
            Counterparties p = counterparties(before, spec, entered);
            // each market's queues are ranked again only when its marks, its positions or its counterparties changed
            Map<String, List<Position>> mine = mine(shown);
            Map<String, AdlQueue.Standing> out = new LinkedHashMap<>();
            Map<String, RankedMarket> ranked = new HashMap<>();
            int rankedNow = 0;
            for (Market m : shown.markets()) {
                List<Position> own = mine.get(m.symbol());
                if (own == null) {
                    continue;
                }
                List<Position> others = p.bySymbol.getOrDefault(m.symbol(), List.of());
                RankedMarket was = before.bySymbol.get(m.symbol());
                RankedMarket now = was != null && was.others == others && was.market.equals(m)
                        && was.mine.equals(own) ? was
                        : new RankedMarket(m, own, others, AdlQueue.rankMarket(m, own, others));
                if (now != was) {
                    rankedNow++;
                }
                ranked.put(m.symbol(), now);
                out.putAll(now.standings);
            }
            return new Ranking(spec, entered.markets(), p.listed, p.bySymbol, p.text, ranked,
                    Collections.unmodifiableMap(out), rankedNow, p.generated);
        }

        private static Map<String, List<Position>> mine(Portfolio shown) {
            Map<String, List<Position>> mine = new HashMap<>();
            for (Position p : shown.positions()) {
                mine.computeIfAbsent(p.symbol(), k -> new ArrayList<>()).add(p);
            }
            return mine;
        }
    }

    /** Counterparties by symbol, the listed ones (or null), their description and how many markets were generated. */
    private record Counterparties(Map<String, List<Position>> bySymbol, List<Position> listed, String text,
                              int generated) {
    }

    /**
     * The counterparties by market symbol, generated from the entered marks (they hold still while a scenario moves
     * the marks). After an edit of some markets only those markets' counterparties are generated again, the same to
     * the bit as generating all of them ({@link com.perprisk.engine.simulation.Population#generateMarket}).
     */
    private static Counterparties counterparties(Ranking before, Object spec, Portfolio entered) {
        List<Market> markets = entered.markets();
        if (Objects.equals(spec, before.spec) && markets.equals(before.markets)) {
            return new Counterparties(before.population, before.listed, before.text, 0);
        }
        List<Position> listed = spec instanceof List<?> l ? listed(l, entered) : null;
        boolean own = spec instanceof Map<?, ?>;
        long seed = seed(spec);
        int perSide = Math.max(0, Math.min(100_000, perSide(spec)));
        if (listed != null) {
            return new Counterparties(bySymbol(listed), listed,
                    "the workspace's " + listed.size() + " listed counterparties", 0);
        }
        if (before.markets != null && Objects.equals(spec, before.spec) && before.listed == null
                && sameDraws(markets, before.markets)) {
            Map<String, List<Position>> next = new HashMap<>(before.population);
            int generated = 0;
            for (int k = 0; k < markets.size(); k++) {
                if (!markets.get(k).equals(before.markets.get(k))) {
                    next.put(markets.get(k).symbol(), Population.generateMarket(
                            entered, k, seed, perSide));
                    generated++;
                }
            }
            return new Counterparties(next, null, before.text, generated);
        }
        return new Counterparties(bySymbol(Population.generate(entered, seed, perSide)
                .positions()), null, (own ? "the workspace's counterparties: " : "assumed: ") + perSide
                + " per market and side, seed " + seed + " (notional log-uniform 1,000–2,000,000, entry ±10% of"
                + " the mark, leverage 1× to min(50×, the first bracket's))", markets.size());
    }

    /** Whether two market lists hold the same symbols in the same order, each drawing as many random numbers. */
    private static boolean sameDraws(List<Market> a, List<Market> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            if (!a.get(k).symbol().equals(b.get(k).symbol())
                    || Population.drawsPerCounterparty(a.get(k)) != Population.drawsPerCounterparty(b.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<Position>> bySymbol(List<Position> positions) {
        Map<String, List<Position>> out = new HashMap<>();
        for (Position p : positions) {
            out.computeIfAbsent(p.symbol(), k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    /** A listed population, or null when an entry cannot be read (the simulation reports it at its field). */
    private static List<Position> listed(List<?> list, Portfolio p) {
        List<Position> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("id") instanceof String id)
                    || !(m.get("symbol") instanceof String symbol) || p.market(symbol).isEmpty()
                    || !(m.get("size") instanceof Number size) || !(m.get("entryPrice") instanceof Number entry)) {
                return null;
            }
            Side side = "SHORT".equals(m.get("side")) ? Side.SHORT : "LONG".equals(m.get("side")) ? Side.LONG : null;
            double lev = m.get("leverage") instanceof Number n ? n.doubleValue() : 1;
            if (side == null || !(size.doubleValue() > 0) || !(entry.doubleValue() > 0) || !(lev > 0)) {
                return null;
            }
            out.add(new Position(id, symbol, side, size.doubleValue(), entry.doubleValue(), lev, MarginMode.ISOLATED,
                    null, 0));
        }
        return out;
    }
}
