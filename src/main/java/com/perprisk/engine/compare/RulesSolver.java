package com.perprisk.engine.compare;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The liquidation equation {@code marginBalance(P) = requirement(P)} of a position's pool (domain §2) under
 * {@link MarginRules} chosen per market, so that a single factor can be switched. Same pool as
 * {@link com.perprisk.engine.liquidation.MarginPool}; same exact method as the engine's solver: the surplus is linear
 * between bracket cuts, so each segment is solved exactly and the root nearest the mark is the answer.
 */
public final class RulesSolver {
    private RulesSolver() {
    }

    /** The pool's surplus as a function of its market's price, other markets frozen at their marks. */
    public record Pool(double fixedBalance, double fixedRequirement, List<Position> legs, MarginRules rules,
                       double mark) {
        public double surplus(double price) {
            double s = fixedBalance - fixedRequirement;
            for (Position leg : legs) {
                // + side × Q × (P − EP) − requirement(P)
                s += leg.unrealizedPnl(price) - rules.requirement(leg, price);
            }
            return s;
        }
    }

    public static Pool pool(Portfolio portfolio, String positionId, Function<Market, MarginRules> rules) {
        Position target = portfolio.positions().stream().filter(p -> p.id().equals(positionId)).findFirst()
                .orElseThrow(() -> new EngineException("unknown position " + positionId));
        Market market = portfolio.requireMarket(target.symbol());
        if (target.isIsolated()) {
            return new Pool(target.isolatedMarginBalance(), 0, List.of(target), rules.apply(market),
                    market.markPrice());
        }
        double balance = portfolio.account().walletBalance();
        double requirement = 0;
        List<Position> legs = new ArrayList<>();
        for (Position p : portfolio.positions()) {
            if (p.isIsolated()) {
                continue;
            }
            if (p.symbol().equals(target.symbol())) {
                legs.add(p);
            } else {
                Market m = portfolio.requireMarket(p.symbol());
                balance += p.unrealizedPnl(m.markPrice());
                requirement += rules.apply(m).requirement(p, m.markPrice());
            }
        }
        return new Pool(balance, requirement, legs, rules.apply(market), market.markPrice());
    }

    /** Liquidation price under the rules, or null when no positive price solves the equation. */
    public static Double liquidationPrice(Portfolio portfolio, String positionId, Function<Market, MarginRules> rules) {
        return solve(pool(portfolio, positionId, rules));
    }

    public static Double solve(Pool pool) {
        double[] cuts = cuts(pool);
        double mark = pool.mark();
        Double best = null;
        double from = 0;
        double prevRight = Double.NaN;
        for (int i = 0; i <= cuts.length; i++) {
            double to = i < cuts.length ? cuts[i] : Double.POSITIVE_INFINITY;
            if (!(to > from)) {
                continue;
            }
            // two points inside the segment define its line f(P) = a + b × P
            double span = Double.isInfinite(to) ? Math.max(Math.max(from, mark), 1.0) : to - from;
            double x1 = Double.isInfinite(to) ? from + span : from + span / 3;
            double x2 = Double.isInfinite(to) ? from + 2 * span : from + 2 * span / 3;
            double f1 = pool.surplus(x1);
            double f2 = pool.surplus(x2);
            double slope = (f2 - f1) / (x2 - x1);
            double intercept = f1 - slope * x1;
            double left = intercept + slope * from;
            if (i > 0 && ((prevRight > 0 && left < 0) || (prevRight < 0 && left > 0))) {
                best = nearer(best, from, mark);
            }
            if (slope != 0) {
                double z = -intercept / slope;
                if (z > 0 && z >= from * (1 - 1e-12) && z <= to * (1 + 1e-12)) {
                    best = nearer(best, Math.min(Math.max(z, from), to), mark);
                }
            }
            prevRight = Double.isInfinite(to) ? Double.NaN : intercept + slope * to;
            from = to;
        }
        return best;
    }

    private static Double nearer(Double best, double candidate, double mark) {
        return best == null || Math.abs(candidate - mark) < Math.abs(best - mark) ? candidate : best;
    }

    private static double[] cuts(Pool pool) {
        if (!pool.rules().bracketMoves()) {
            return new double[0];
        }
        double[] floors = pool.rules().table().positiveFloors();
        double[] all = new double[0];
        for (Position leg : pool.legs()) {
            int start = all.length;
            all = Arrays.copyOf(all, start + floors.length);
            for (int k = 0; k < floors.length; k++) {
                // P = floor_k / Q
                all[start + k] = floors[k] / leg.size();
            }
        }
        Arrays.sort(all);
        return Arrays.stream(all).filter(Double::isFinite).distinct().toArray();
    }
}
