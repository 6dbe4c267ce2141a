package com.perprisk.engine.probability;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.Numbers;
import com.perprisk.engine.liquidation.LiquidationSolver;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;

/**
 * Sizing helpers: how big a position may be for a chosen liquidation risk or a chosen loss at a stop.
 * Liquidation prices come from the exact solver; probabilities from the closed-form touch probability.
 */
public final class Sizing {
    private static final int ITERATIONS = 100;

    private Sizing() {
    }

    /**
     * A sizing answer.
     *
     * @param value            the largest size (base units) or leverage found
     * @param liquidationPrice the liquidation price at that value, or null
     * @param probability      touch probability at that value
     * @param bounded          false when the constraint never binds (e.g. no liquidation up to the table's limit)
     */
    public record Answer(double value, Double liquidationPrice, double probability, boolean bounded) {
    }

    /**
     * The largest size of the position whose liquidation-touch probability stays at or below {@code level}, holding
     * the margin behind it fixed (its isolated margin, or the cross wallet), by bisection: a larger size with the same
     * margin brings the liquidation price nearer, so the probability rises with size.
     *
     * @param years horizon in years (hours / 8760)
     */
    public static Answer largestSize(Portfolio portfolio, String positionId, double annualVol, double drift,
                                     double years, double level) {
        checkLevel(level);
        Position base = find(portfolio, positionId);
        double spot = portfolio.requireMarket(base.symbol()).markPrice();
        Position fixedMargin = base.isIsolated()
                ? base.withIsolatedMargin(base.isolatedMarginBalance() - base.extraMargin(), base.extraMargin())
                : base;
        double lo = 0;
        double hi = base.size();
        // grow the bracket until the probability exceeds the level (or the size is absurd)
        double cap = base.size() * 1e9;
        while (probability(portfolio, fixedMargin.withSize(hi), spot, annualVol, drift, years) <= level) {
            lo = hi;
            hi *= 2;
            if (hi > cap) {
                Position p = fixedMargin.withSize(lo);
                return new Answer(lo, lp(portfolio, p), probability(portfolio, p, spot, annualVol, drift, years),
                        false);
            }
        }
        for (int i = 0; i < ITERATIONS && hi - lo > 1e-12 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (probability(portfolio, fixedMargin.withSize(mid), spot, annualVol, drift, years) <= level) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Position p = fixedMargin.withSize(lo);
        return new Answer(lo, lo > 0 ? lp(portfolio, p) : null,
                lo > 0 ? probability(portfolio, p, spot, annualVol, drift, years) : 0, true);
    }

    /**
     * The largest leverage of an isolated position (margin = Q × EP / L, size fixed) whose touch probability stays at
     * or below {@code level}, between 1x and the max leverage of the entry notional's bracket. A cross position's
     * liquidation price does not depend on its leverage, so it is refused.
     */
    public static Answer largestLeverage(Portfolio portfolio, String positionId, double annualVol, double drift,
                                         double years, double level) {
        checkLevel(level);
        Position base = find(portfolio, positionId);
        if (!base.isIsolated()) {
            throw new EngineException(positionId + " is cross: its leverage does not move its liquidation price (the"
                    + " whole cross balance backs it); size it with the largest size instead");
        }
        var market = portfolio.requireMarket(base.symbol());
        double spot = market.markPrice();
        double maxLev = market.maxLeverage(base.entryNotional());
        Position atOne = withLeverage(base, 1);
        if (probability(portfolio, atOne, spot, annualVol, drift, years) > level) {
            throw new EngineException("even at 1x the probability of liquidation is above "
                    + Numbers.plain(level * 100) + "%");
        }
        Position atMax = withLeverage(base, maxLev);
        if (probability(portfolio, atMax, spot, annualVol, drift, years) <= level) {
            return new Answer(maxLev, lp(portfolio, atMax), probability(portfolio, atMax, spot, annualVol, drift,
                    years), false);
        }
        double lo = 1;
        double hi = maxLev;
        for (int i = 0; i < ITERATIONS && hi - lo > 1e-12 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (probability(portfolio, withLeverage(base, mid), spot, annualVol, drift, years) <= level) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Position p = withLeverage(base, lo);
        return new Answer(lo, lp(portfolio, p), probability(portfolio, p, spot, annualVol, drift, years), true);
    }

    /**
     * The largest size whose loss at a stop stays within a budget: loss = Q × |stop − EP| + fees, with the taker fee
     * paid on opening and on closing, fees = fee × Q × (EP + stop). So Q = budget / (|stop − EP| + fee × (EP + stop)).
     *
     * @param side       long or short
     * @param entryPrice EP
     * @param stopPrice  the stop: below the entry for a long, above it for a short
     * @param maxLoss    the loss budget in quote currency
     * @param takerFee   taker fee rate (0 for none)
     */
    public static double largestSizeForLoss(Side side, double entryPrice, double stopPrice, double maxLoss,
                                            double takerFee) {
        positive("entry price", entryPrice);
        positive("stop price", stopPrice);
        nonNegative("loss budget", maxLoss);
        nonNegative("taker fee", takerFee);
        if (side == Side.LONG ? stopPrice >= entryPrice : stopPrice <= entryPrice) {
            throw new EngineException("a stop for a " + side.name().toLowerCase() + " must be "
                    + (side == Side.LONG ? "below" : "above") + " the entry price " + Numbers.plain(entryPrice)
                    + ", got " + Numbers.plain(stopPrice));
        }
        // loss per unit = |stop − EP| + fee × (EP + stop);  Q = budget / loss per unit
        double perUnit = Math.abs(stopPrice - entryPrice) + takerFee * (entryPrice + stopPrice);
        return maxLoss / perUnit;
    }

    /** Loss at a stop: Q × |stop − EP| + fee × Q × (EP + stop). */
    public static double lossAtStop(double size, double entryPrice, double stopPrice, double takerFee) {
        nonNegative("size", size);
        // loss = Q × |stop − EP| + fee × Q × (EP + stop)
        return size * Math.abs(stopPrice - entryPrice) + takerFee * size * (entryPrice + stopPrice);
    }

    private static Position withLeverage(Position base, double leverage) {
        return new Position(base.id(), base.symbol(), base.side(), base.size(), base.entryPrice(), leverage,
                MarginMode.ISOLATED, null, base.extraMargin());
    }

    private static double probability(Portfolio portfolio, Position p, double spot, double vol, double drift,
                                      double years) {
        return BarrierProbability.touch(p.side(), spot, lp(portfolio, p), vol, drift, years);
    }

    private static Double lp(Portfolio portfolio, Position p) {
        Portfolio replaced = portfolio.withPositions(portfolio.positions().stream()
                .map(q -> q.id().equals(p.id()) ? p : q).toList());
        return LiquidationSolver.liquidationPrice(replaced, p.id()).price();
    }

    private static Position find(Portfolio portfolio, String id) {
        return portfolio.positions().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new EngineException("unknown position " + id));
    }

    private static void checkLevel(double level) {
        finite("probability level", level);
        if (level <= 0 || level >= 1) {
            throw new EngineException("the probability level must be between 0 and 1 (exclusive), got "
                    + Numbers.plain(level));
        }
    }
}
