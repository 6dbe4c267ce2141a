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
        checkPerSide(perSide);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Position> out = new ArrayList<>();
        for (Market m : portfolio.markets()) {
            generateIn(m, rng, perSide, out);
        }
        return new Population(out);
    }

    /**
     * The counterparties {@link #generate} puts in the portfolio's market at {@code index}, the same to the bit,
     * without building the other markets' (the random draws before it are skipped): an edit of one market's mark
     * regenerates that market only.
     */
    public static List<Position> generateMarket(Portfolio portfolio, int index, long seed, int perSide) {
        checkPerSide(perSide);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = 0; k < index; k++) {
            long skip = (long) drawsPerCounterparty(portfolio.markets().get(k)) * 2 * perSide;
            for (long i = 0; i < skip; i++) {
                rng.nextLong(); // each nextDouble(origin, bound) of generateIn takes exactly one nextLong
            }
        }
        List<Position> out = new ArrayList<>();
        generateIn(portfolio.markets().get(index), rng, perSide, out);
        return out;
    }

    private static void checkPerSide(int perSide) {
        if (perSide < 0 || perSide > 100_000) {
            throw new EngineException("counterparties per side must be between 0 and 100,000, got " + perSide);
        }
    }

    /**
     * Random numbers {@link #generate} draws per counterparty of a market: notional and entry, and leverage unless it
     * is fixed at 1x. While every market's count stays the same, an edit of one market leaves the others' alone.
     */
    public static int drawsPerCounterparty(Market m) {
        return maxLeverage(m) <= 1 ? 2 : 3;
    }

    /** The generated leverage's upper bound: the smaller of 50x and the first bracket's max leverage. */
    private static double maxLeverage(Market m) {
        return Math.min(50, m.maxLeverage(0));
    }

    /** One market's longs then shorts, drawing from {@code rng} in {@link #drawsPerCounterparty}'s order. */
    private static void generateIn(Market m, SplittableRandom rng, int perSide, List<Position> out) {
        double maxLev = maxLeverage(m);
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
