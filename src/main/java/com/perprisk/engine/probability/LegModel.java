package com.perprisk.engine.probability;

import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.funding.FundingPayment;
import com.perprisk.engine.liquidation.Leg;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;

/**
 * A leg as the Monte Carlo inner loop needs it: its market's index in the path arrays, and the engine's own
 * requirement and solver with nothing allocated per step. The surplus lines of a pool made of this leg alone with
 * zero margin are built once (on its first solve); a margin M only raises every line by M, so
 * re-solving after funding settles is {@link LiquidationSolver#solveShifted}.
 */
final class LegModel {
    final int market;
    final int side;
    private final Leg leg;
    private final MarginPool aloneAtZeroMargin;

    LegModel(int market, Position p, Market m) {
        this.market = market;
        this.side = p.side().sign();
        this.leg = new Leg(p, m);
        Position zeroMargin = p.withIsolatedMargin(0.0, 0);
        this.aloneAtZeroMargin = MarginPool.isolated(zeroMargin, m);
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
}
