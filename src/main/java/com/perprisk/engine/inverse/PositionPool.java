package com.perprisk.engine.inverse;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.liquidation.SolvedPrice;

/**
 * The pool behind a position as a function of its market's mark price P, whatever its contract: a linear
 * {@link MarginPool} (amounts in the quote asset) or an inverse {@link CoinPool} (amounts in the settle coin), with the
 * solver that fits it. What charts and sweeps use so that they need not ask which kind a position is.
 */
public interface PositionPool {

    /** The pool of a position: a {@link CoinPool} for an inverse contract, else its {@link MarginPool}. */
    static PositionPool of(Portfolio portfolio, String positionId) {
        String symbol = portfolio.positions().stream().filter(p -> p.id().equals(positionId)).findFirst()
                .map(p -> p.symbol()).orElse(null);
        Market m = symbol == null ? null : portfolio.market(symbol).orElse(null);
        if (m != null && m.isInverse()) {
            return CoinPool.of(portfolio, positionId);
        }
        return linear(MarginPool.of(portfolio, positionId), m == null ? "USDT" : m.marginAsset());
    }

    /** A linear pool seen through this interface. */
    static PositionPool linear(MarginPool pool, String asset) {
        return new PositionPool() {
            @Override
            public String asset() {
                return asset;
            }

            @Override
            public double markPrice() {
                return pool.markPrice();
            }

            @Override
            public double marginBalance(double price) {
                return pool.marginBalance(price);
            }

            @Override
            public double requirement(double price, Requirement kind) {
                return pool.requirement(price, kind);
            }

            @Override
            public SolvedPrice solve(Requirement kind) {
                return LiquidationSolver.solve(pool, kind);
            }
        };
    }

    /** The asset the pool's amounts are in. */
    String asset();

    /** The mark price of the position's market. */
    double markPrice();

    /** Margin balance at mark price P. */
    double marginBalance(double price);

    /** The requirement of a kind at mark price P. */
    double requirement(double price, Requirement kind);

    /** Maintenance requirement at mark price P. */
    default double requirement(double price) {
        return requirement(price, Requirement.MAINTENANCE);
    }

    /** Margin ratio at P: requirement / margin balance; null when the balance is ≤ 0. */
    default Double marginRatio(double price) {
        return MarginPool.ratio(requirement(price), marginBalance(price));
    }

    /** The price where the balance meets the requirement of a kind. */
    SolvedPrice solve(Requirement kind);
}
