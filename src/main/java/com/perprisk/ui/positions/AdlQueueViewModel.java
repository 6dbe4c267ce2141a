package com.perprisk.ui.positions;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.adl.AdlQueue;
import com.perprisk.engine.simulation.Population;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.workspace.WorkspaceViewModel;

import java.util.ArrayList;
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
    private Portfolio cachedFor;
    private List<Position> cachedPopulation = List.of();
    private String cachedText = "";

    public AdlQueueViewModel(WorkspaceViewModel vm) {
        this.vm = vm;
        this.context = vm.context();
        // an invalidation listener: a recalculation with equal results (another population) still re-ranks
        context.riskProperty().addListener(o -> refresh());
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

    private void refresh() {
        Portfolio shown = context.getPortfolio();
        Portfolio entered = context.enteredPortfolioProperty().get();
        if (context.getRisk() == null || shown == null || entered == null) {
            context.adlStandingsProperty().set(Map.of());
            return;
        }
        List<Position> population = population(entered);
        context.adlPopulationProperty().set(cachedText);
        context.adlStandingsProperty().set(AdlQueue.rank(shown, population));
    }

    /** The counterparties, generated from the entered marks (they hold still while a scenario moves the marks). */
    private List<Position> population(Portfolio entered) {
        Object spec = spec();
        if (Objects.equals(spec, cachedSpec) && cachedFor != null && cachedFor.markets().equals(entered.markets())) {
            return cachedPopulation;
        }
        cachedSpec = spec;
        cachedFor = entered;
        List<Position> listed = spec instanceof List<?> l ? listed(l, entered) : null;
        if (listed != null) {
            cachedPopulation = listed;
            cachedText = "the workspace's " + listed.size() + " listed counterparties";
        } else {
            boolean own = spec instanceof Map<?, ?>;
            long seed = seed();
            int perSide = Math.max(0, Math.min(100_000, perSide()));
            cachedPopulation = Population.generate(entered, seed, perSide).positions();
            cachedText = (own ? "the workspace's counterparties: " : "assumed: ") + perSide
                    + " per market and side, seed " + seed + " (notional log-uniform 1,000–2,000,000, entry ±10% of"
                    + " the mark, leverage 1× to min(50×, the first bracket's))";
        }
        return cachedPopulation;
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
