package com.perprisk.engine.simulation;

import com.perprisk.engine.Market;

import java.util.Map;

/**
 * A settle coin's pool is simulated as the linear pool it is in x = 1 / P ({@link SettleGroups}); its events come out
 * in x and are read back here: prices are reciprocals again, sizes are contracts (face value / contract size), sides
 * are the position's own, the funding rate is the market's. Amounts (PnL, margins, fees, the fund) are already in the
 * coin and stay as they are; the pool's events name the coin.
 */
final class ReciprocalEvents {
    private ReciprocalEvents() {
    }

    /** The event of a coin pool's run, in the market's prices and contracts. */
    static SimulationEvent back(SimulationEvent e, String asset, Map<String, Market> markets) {
        if (e instanceof SimulationEvent.Funding f) {
            // the run pays −side' × Q' × x × (−F) = −side × N(P) × F: the market's rate is −F'
            return new SimulationEvent.Funding(f.step(), f.timeHours(), f.positionId(), f.symbol(), -f.rate() + 0.0,
                    f.settlements(), flip(f.markPrice()), f.payment(), f.intoIsolated(), f.balanceAfter());
        }
        if (e instanceof SimulationEvent.MarginCall c) {
            return new SimulationEvent.MarginCall(c.step(), c.timeHours(), c.positionId(), c.symbol(), c.cross(),
                    c.marginRatio(), c.marginBalance(), c.maintenanceRequirement(), asset);
        }
        if (e instanceof SimulationEvent.PartialLiquidation p) {
            double cs = contractSize(markets, p.symbol());
            return new SimulationEvent.PartialLiquidation(p.step(), p.timeHours(), p.positionId(), p.symbol(),
                    p.reason(), p.quantity() / cs, flip(p.fillPrice()), flip(p.markPrice()), p.realizedPnl(), p.fee(),
                    p.remainingSize() / cs, p.marginRatioBefore(), p.isolated(), p.balanceAfter(),
                    p.marginRatioAfter());
        }
        if (e instanceof SimulationEvent.Liquidation l) {
            double cs = contractSize(markets, l.symbol());
            return new SimulationEvent.Liquidation(l.step(), l.timeHours(), l.positionId(), l.symbol(),
                    l.quantity() / cs, l.side().opposite(), flip(l.fillPrice()), flip(l.markPrice()),
                    flipOrNull(l.liquidationPrice()), flipOrNull(l.bankruptcyPrice()), l.marginBalanceAtFill(),
                    l.cross());
        }
        if (e instanceof SimulationEvent.InsuranceFund f) {
            return new SimulationEvent.InsuranceFund(f.step(), f.timeHours(), f.positionId(), f.symbol(), f.surplus(),
                    f.deficit(), f.coveredByFund(), f.leftForAdl(), f.fees(), f.returnedToTrader(), f.fundBefore(),
                    f.fundAfter(), asset);
        }
        if (e instanceof SimulationEvent.Adl a) {
            double cs = contractSize(markets, a.symbol());
            return new SimulationEvent.Adl(a.step(), a.timeHours(), a.positionId(), a.symbol(), a.counterparty(),
                    a.counterpartySide().opposite(), a.rank(), a.adlScore(), a.quantity() / cs, flip(a.price()),
                    a.amount(), a.remainingSize() / cs);
        }
        return e; // an ADL shortfall: an amount in the coin
    }

    private static double contractSize(Map<String, Market> markets, String symbol) {
        return markets.get(symbol).contract().contractSize();
    }

    /** P = 1 / x. */
    static double flip(double x) {
        return 1 / x;
    }

    /** A price of x read back in P; none stays none, and a root at x ≤ 0 is no price. */
    private static Double flipOrNull(Double x) {
        return x == null || !(x > 0) ? null : 1 / x;
    }
}
