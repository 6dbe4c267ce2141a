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
 * The workspace's optional simulation fields, which calc ignores: {@code "insuranceFund": 1000000} and
 * {@code "counterparties": {"seed": 7, "perSide": 50}} or a list of positions
 * ({@code id, symbol, side, size, entryPrice, leverage}). Problems are reported at their JSON path.
 */
public final class SimulationWorkspace {
    private SimulationWorkspace() {
    }

    public record Extension(double insuranceFund, Population counterparties, List<FieldProblem> problems) {
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
        return new Extension(fund, population, problems);
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
