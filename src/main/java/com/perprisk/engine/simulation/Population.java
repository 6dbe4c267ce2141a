package com.perprisk.engine.simulation;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Counterparty positions: other traders outside the user's account. They are only used for ADL (who is closed at
 * the bankruptcy price when the insurance fund cannot cover a deficit) and to show who gets deleveraged.
 */
public record Population(List<Position> positions) {

    public static final Population NONE = new Population(List.of());

    public Population {
        positions = List.copyOf(positions);
        Set<String> ids = new HashSet<>();
        for (Position p : positions) {
            if (!ids.add(p.id())) {
                throw new EngineException("counterparty " + p.id() + " is listed twice");
            }
            if (!(p.size() > 0) || !(p.entryPrice() > 0) || !(p.leverage() > 0)) {
                throw new EngineException("counterparty " + p.id() + " needs a positive size, entry price and "
                        + "leverage");
            }
        }
    }

    /**
     * {@code perSide} longs and as many shorts in every market of the portfolio, from a seed: notional
     * log-uniform between 1,000 and 2,000,000, entry within ±10% of the mark, leverage uniform between 1x and the
     * smaller of 50x and the first bracket's max leverage; isolated, margin = entry notional / leverage. In an inverse
     * market the size is that notional in whole contracts (at least one).
     */
    public static Population generate(Portfolio portfolio, long seed, int perSide) {
        if (perSide < 0 || perSide > 100_000) {
            throw new EngineException("counterparties per side must be between 0 and 100,000, got " + perSide);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Position> out = new ArrayList<>();
        for (Market m : portfolio.markets()) {
            double maxLev = Math.min(50, m.maxLeverage(0));
            for (Side side : Side.values()) {
                for (int i = 1; i <= perSide; i++) {
                    // notional = exp(U(ln 1e3, ln 2e6)); entry = mark × (1 + U(−0.1, 0.1)); leverage = U(1, maxLev)
                    double notional = Math.exp(rng.nextDouble(Math.log(1e3), Math.log(2e6)));
                    double entry = m.markPrice() * (1 + rng.nextDouble(-0.1, 0.1));
                    double lev = maxLev <= 1 ? 1 : rng.nextDouble(1, maxLev);
                    String id = "cp-" + m.symbol() + "-" + (side == Side.LONG ? "L" : "S") + i;
                    // an inverse market counts whole contracts of a fixed value: the notional's worth of them
                    double size = m.isInverse() ? Math.max(1, Math.round(notional / m.contract().contractSize()))
                            : notional / entry;
                    out.add(Position.isolated(id, m.symbol(), side, size, entry, lev));
                }
            }
        }
        return new Population(out);
    }

    /** The same population with one counterparty shrunk by a quantity (removed when nothing is left). */
    Population reduce(String id, double quantity) {
        List<Position> next = new ArrayList<>();
        for (Position p : positions) {
            if (p.id().equals(id)) {
                double left = p.size() - quantity;
                if (left > p.size() * 1e-12) {
                    next.add(p.withSize(left));
                }
            } else {
                next.add(p);
            }
        }
        return new Population(next);
    }
}
