package com.perprisk.engine.probability;

import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.funding.FundingPayment;
import com.perprisk.engine.inverse.Reciprocal;
import com.perprisk.engine.liquidation.Leg;
import com.perprisk.engine.liquidation.LinearSegment;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.Requirement;

/**
 * A leg as the Monte Carlo inner loop needs it: its market's index in the path arrays, and the engine's own
 * requirement and solver with nothing allocated per step. The surplus lines of a pool made of this leg alone are
 * built once by {@link LiquidationSolver#segments} with zero margin; a margin M only raises every line by M, so
 * re-solving after funding settles is {@link LiquidationSolver#solveShifted}.
 *
 * <p>An inverse leg is held as the linear leg it is in x = 1 / P ({@link Reciprocal}): every method still takes the
 * mark P and answers in the settle coin, and its liquidation price is the reciprocal of the root in x.
 */
class LegModel {
    final int market;
    final int side;
    private final Leg leg;
    private final LinearSegment[] aloneAtZeroMargin;

    LegModel(int market, Position p, Market m) {
        this(market, p.side().sign(), p, m);
    }

    /** @param side the side the position has in price P (its leg may be the opposite one in x = 1 / P) */
    private LegModel(int market, int side, Position p, Market m) {
        this.market = market;
        this.side = side;
        this.leg = new Leg(p, m);
        Position zeroMargin = p.withIsolatedMargin(0.0, 0);
        this.aloneAtZeroMargin = LiquidationSolver.segments(MarginPool.isolated(zeroMargin, m),
                Requirement.MAINTENANCE).toArray(new LinearSegment[0]);
    }

    /** The leg of a position: linear as it is, inverse through x = 1 / P. */
    static LegModel of(int market, Position p, Market m) {
        return m.isInverse() ? new Inverse(market, p, m) : new LegModel(market, p, m);
    }

    /** uPnL = side × Q × (P − EP). */
    double pnl(double price) {
        return leg.unrealizedPnl(price);
    }

    /** Funding settled at P: −side × Q × P × F (+ received, − paid), the engine's one formula. */
    double funding(double price, double rate) {
        return FundingPayment.perSettlement(leg.position().side(), leg.position().size(), price, rate);
    }

    /** Maintenance requirement at P under the market's convention. */
    double requirement(double price) {
        return leg.requirement(price);
    }

    /**
     * Liquidation price of a pool made of this leg alone with the given margin, nearest to {@code mark}; NaN when
     * there is none at a positive price.
     */
    double solveAlone(double margin, double mark) {
        return LiquidationSolver.solveShifted(aloneAtZeroMargin, margin, mark);
    }

    /** An inverse leg: the linear leg in x, read at x = 1 / P; amounts in the settle coin. */
    private static final class Inverse extends LegModel {
        private final com.perprisk.engine.Side own;

        Inverse(int market, Position p, Market m) {
            super(market, p.side().sign(), Reciprocal.position(p, m), Reciprocal.market(m));
            this.own = p.side();
        }

        @Override
        double pnl(double price) {
            // side × C × cs × (1/EP − 1/P) = (−side) × Q' × (x − x_e)
            return super.pnl(1 / price);
        }

        @Override
        double funding(double price, double rate) {
            // −side × N(P) × F with N(P) = Q' × x: the position's own side, not the leg's in x
            return FundingPayment.perSettlement(own, legSize(), 1 / price, rate);
        }

        @Override
        double requirement(double price) {
            return super.requirement(1 / price);
        }

        @Override
        double solveAlone(double margin, double mark) {
            double x = super.solveAlone(margin, 1 / mark);
            return Double.isNaN(x) || !(x > 0) ? Double.NaN : 1 / x;
        }
    }

    /** Size of the leg: Q (for an inverse leg, its face value C × cs). */
    final double legSize() {
        return leg.position().size();
    }
}
