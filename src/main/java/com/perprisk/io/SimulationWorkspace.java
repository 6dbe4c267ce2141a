package com.perprisk.io;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.simulation.Population;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workspace's optional simulation fields, which calc ignores: {@code "insuranceFund": 1000000} (the linear
 * quote pool's), {@code "coinInsuranceFunds": {"BTC": 25}} (each settle coin's pool's, in the coin, for inverse
 * contracts) and {@code "counterparties": {"seed": 7, "perSide": 50}} or a list of positions
 * ({@code id, symbol, side, size, entryPrice, leverage}). Problems are reported at their JSON path.
 */
public final class SimulationWorkspace {
    private SimulationWorkspace() {
    }

    /**
     * @param insuranceFund      the linear quote pool's insurance fund at the start
     * @param counterparties     the other traders, for ADL
     * @param problems           what is wrong with the fields, at their paths
     * @param coinInsuranceFunds each settle coin's insurance fund at the start, in the coin (absent: 0)
     */
    public record Extension(double insuranceFund, Population counterparties, List<FieldProblem> problems,
                            Map<String, Double> coinInsuranceFunds) {
        public Extension {
            coinInsuranceFunds = coinInsuranceFunds == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(coinInsuranceFunds));
        }

        public Extension(double insuranceFund, Population counterparties, List<FieldProblem> problems) {
            this(insuranceFund, counterparties, problems, Map.of());
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(FieldProblem::isError);
        }
    }

    public static Extension read(Map<String, Object> extra, Portfolio portfolio) {
        List<FieldProblem> problems = new ArrayList<>();
        double fund = 0;
        Object f = extra == null ? null : extra.get("insuranceFund");
        if (f != null) {
            if (f instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0) {
                fund = n.doubleValue();
            } else {
                problems.add(FieldProblem.error("insuranceFund", "must be a number ≥ 0, got " + f));
            }
        }
        Population population = Population.NONE;
        Object c = extra == null ? null : extra.get("counterparties");
        if (c instanceof Map<?, ?> spec) {
            Long seed = whole(spec.get("seed"), "counterparties.seed", problems, 0);
            Long perSide = whole(spec.get("perSide"), "counterparties.perSide", problems, 0);
            for (Object k : spec.keySet()) {
                if (!k.equals("seed") && !k.equals("perSide")) {
                    problems.add(FieldProblem.warning("counterparties." + k, "ignored: a generated population has"
                            + " only seed and perSide"));
                }
            }
            if (seed != null && perSide != null) {
                if (perSide > 100_000) {
                    problems.add(FieldProblem.error("counterparties.perSide", "at most 100000, got " + perSide));
                } else {
                    population = Population.generate(portfolio, seed, perSide.intValue());
                }
            }
        } else if (c instanceof List<?> list) {
            List<Position> ps = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String at = "counterparties[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> m)) {
                    problems.add(FieldProblem.error(at, "expected a position object"));
                    continue;
                }
                Position p = position(m, at, portfolio, problems);
                if (p != null) {
                    ps.add(p);
                }
            }
            if (problems.stream().noneMatch(FieldProblem::isError)) {
                try {
                    population = new Population(ps);
                } catch (EngineException e) {
                    problems.add(FieldProblem.error("counterparties", e.getMessage()));
                }
            }
        } else if (c != null) {
            problems.add(FieldProblem.error("counterparties", "expected {\"seed\": N, \"perSide\": N} or a list of "
                    + "positions"));
        }
        return new Extension(fund, population, problems, coinFunds(extra, portfolio, problems));
    }

    /** {@code "coinInsuranceFunds": {"BTC": 25, …}}: each a number ≥ 0 in the coin; a coin with no pool is ignored. */
    private static Map<String, Double> coinFunds(Map<String, Object> extra, Portfolio portfolio,
                                                 List<FieldProblem> problems) {
        Object f = extra == null ? null : extra.get("coinInsuranceFunds");
        if (f == null) {
            return Map.of();
        }
        if (!(f instanceof Map<?, ?> m)) {
            problems.add(FieldProblem.error("coinInsuranceFunds", "expected an object of coin → fund, e.g."
                    + " {\"BTC\": 25}"));
            return Map.of();
        }
        java.util.Set<String> pools = com.perprisk.engine.inverse.Reciprocal.poolAssets(portfolio);
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (var e : m.entrySet()) {
            String at = "coinInsuranceFunds." + e.getKey();
            if (!(e.getValue() instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < 0) {
                problems.add(FieldProblem.error(at, "must be a number ≥ 0 (in the coin), got " + e.getValue()));
            } else if (!pools.contains(String.valueOf(e.getKey()))) {
                problems.add(FieldProblem.warning(at, "ignored: no inverse market settles in " + e.getKey()
                        + (pools.isEmpty() ? "" : "; the coin pools are " + String.join(", ", pools))));
            } else {
                out.put(String.valueOf(e.getKey()), n.doubleValue());
            }
        }
        return out;
    }

    private static Position position(Map<?, ?> m, String at, Portfolio portfolio, List<FieldProblem> problems) {
        int before = problems.size();
        Object id = m.get("id");
        Object symbol = m.get("symbol");
        Object side = m.get("side");
        if (!(id instanceof String)) {
            problems.add(FieldProblem.error(at + ".id", "a text id is required"));
        }
        if (!(symbol instanceof String s) || portfolio.market(s).isEmpty()) {
            problems.add(FieldProblem.error(at + ".symbol", "must name one of the workspace's markets, got "
                    + symbol));
        }
        if (!"LONG".equals(side) && !"SHORT".equals(side)) {
            problems.add(FieldProblem.error(at + ".side", "must be LONG or SHORT, got " + side));
        }
        double size = positive(m.get("size"), at + ".size", problems);
        double entry = positive(m.get("entryPrice"), at + ".entryPrice", problems);
        Object lev = m.get("leverage");
        double leverage = lev == null ? 1 : positive(lev, at + ".leverage", problems);
        if (problems.size() > before) {
            return null;
        }
        return new Position((String) id, (String) symbol, Side.valueOf((String) side), size, entry, leverage,
                MarginMode.ISOLATED, null, 0);
    }

    private static double positive(Object v, String at, List<FieldProblem> problems) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() > 0) {
            return n.doubleValue();
        }
        problems.add(FieldProblem.error(at, "must be a positive number, got " + v));
        return Double.NaN;
    }

    private static Long whole(Object v, String at, List<FieldProblem> problems, long min) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= min
                && Math.abs(n.doubleValue()) < 9e15) {
            return n.longValue();
        }
        problems.add(FieldProblem.error(at, "must be a whole number ≥ " + min + ", got " + v));
        return null;
    }
}
