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

    private final WorkspaceViewModel vm;
    private final RiskContext context;
    private Object cachedSpec;
    /** The entered markets the population was generated for (null: none yet). */
    private List<Market> cachedMarkets;
    /** The listed population in use, or null when it is generated. */
    private List<Position> cachedListed;
    private Map<String, List<Position>> cachedPopulation = Map.of();
    private String cachedText = "";
    private Map<String, RankedMarket> rankedBySymbol = Map.of();
    private int rankedMarkets;
    private int generatedMarkets;

    public AdlQueueViewModel(WorkspaceViewModel vm) {
        this.vm = vm;
        this.context = vm.context();
        // an invalidation listener: every new report re-ranks (the markets it leaves alone come from the cache)
        context.riskProperty().addListener(o -> refresh());
        // another population with the same inputs leaves the report as it was (the same object): re-rank anyway
        vm.documentProperty().addListener((o, a, b) -> {
            if (!Objects.equals(spec(), cachedSpec)) {
                refresh();
            }
        });
        refresh();
    }

    /** Seed and count per side of the generated population: the workspace's, or the assumption. */
    public long seed() {
        return spec() instanceof Map<?, ?> m && m.get("seed") instanceof Number n ? n.longValue() : ASSUMED_SEED;
    }

    public int perSide() {
        return spec() instanceof Map<?, ?> m && m.get("perSide") instanceof Number n ? n.intValue()
                : ASSUMED_PER_SIDE;
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
        Portfolio shown = context.getPortfolio();
        Portfolio entered = context.enteredPortfolioProperty().get();
        if (context.getRisk() == null || shown == null || entered == null) {
            context.adlStandingsProperty().set(Map.of());
            return;
        }
        Map<String, List<Position>> population = population(entered);
        context.adlPopulationProperty().set(cachedText);
        // each market's queues are ranked again only when its marks, its positions or its counterparties changed
        Map<String, List<Position>> mine = new HashMap<>();
        for (Position p : shown.positions()) {
            mine.computeIfAbsent(p.symbol(), k -> new ArrayList<>()).add(p);
        }
        Map<String, AdlQueue.Standing> out = new LinkedHashMap<>();
        Map<String, RankedMarket> ranked = new HashMap<>();
        for (Market m : shown.markets()) {
            List<Position> own = mine.get(m.symbol());
            if (own == null) {
                continue;
            }
            List<Position> others = population.getOrDefault(m.symbol(), List.of());
            RankedMarket before = rankedBySymbol.get(m.symbol());
            RankedMarket now = before != null && before.others == others && before.market.equals(m)
                    && before.mine.equals(own) ? before
                    : new RankedMarket(m, own, others, AdlQueue.rankMarket(m, own, others));
            if (now != before) {
                rankedMarkets++;
            }
            ranked.put(m.symbol(), now);
            out.putAll(now.standings);
        }
        rankedBySymbol = ranked;
        context.adlStandingsProperty().set(Collections.unmodifiableMap(out));
    }

    /** One market's standings and what they were ranked from (the counterparties compared by identity). */
    private record RankedMarket(Market market, List<Position> mine, List<Position> others,
                                Map<String, AdlQueue.Standing> standings) {
    }

    /**
     * The counterparties by market symbol, generated from the entered marks (they hold still while a scenario moves
     * the marks). After an edit of some markets only those markets' counterparties are generated again, the same to
     * the bit as generating all of them ({@link Population#generateMarket}).
     */
    private Map<String, List<Position>> population(Portfolio entered) {
        Object spec = spec();
        List<Market> markets = entered.markets();
        if (Objects.equals(spec, cachedSpec) && markets.equals(cachedMarkets)) {
            return cachedPopulation;
        }
        List<Position> listed = spec instanceof List<?> l ? listed(l, entered) : null;
        boolean own = spec instanceof Map<?, ?>;
        long seed = seed();
        int perSide = Math.max(0, Math.min(100_000, perSide()));
        if (listed != null) {
            cachedPopulation = bySymbol(listed);
            cachedText = "the workspace's " + listed.size() + " listed counterparties";
        } else if (cachedMarkets != null && Objects.equals(spec, cachedSpec) && cachedListed == null
                && sameDraws(markets, cachedMarkets)) {
            Map<String, List<Position>> next = new HashMap<>(cachedPopulation);
            for (int k = 0; k < markets.size(); k++) {
                if (!markets.get(k).equals(cachedMarkets.get(k))) {
                    next.put(markets.get(k).symbol(), Population.generateMarket(entered, k, seed, perSide));
                    generatedMarkets++;
                }
            }
            cachedPopulation = next;
        } else {
            cachedPopulation = bySymbol(Population.generate(entered, seed, perSide).positions());
            generatedMarkets += markets.size();
            cachedText = (own ? "the workspace's counterparties: " : "assumed: ") + perSide
                    + " per market and side, seed " + seed + " (notional log-uniform 1,000–2,000,000, entry ±10% of"
                    + " the mark, leverage 1× to min(50×, the first bracket's))";
        }
        cachedListed = listed;
        cachedSpec = spec;
        cachedMarkets = markets;
        return cachedPopulation;
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
