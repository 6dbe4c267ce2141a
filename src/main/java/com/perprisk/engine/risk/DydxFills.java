package com.perprisk.engine.risk;

import com.perprisk.engine.Convention;
import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.dydx.DydxLiquidation;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Numbers;
import com.perprisk.engine.explain.Term;
import com.perprisk.engine.liquidation.MarginPool;

import java.util.List;
import java.util.Map;

/**
 * The hook from {@link RiskEngine} into dYdX's liquidation details for DYDX positions, from the totals of the pool a
 * position is in (TNC = the pool's margin balance, TMMR = its maintenance requirement, both at the mark): the fillable
 * price, and the bankruptcy price as dYdX defines it for one position of several.
 */
final class DydxFills {
    private DydxFills() {
    }

    /** The fillable price of a DYDX position at the current mark, or null for other conventions. */
    static Double fillablePrice(MarginPool pool, Position p, Market m, double positionMaintenance) {
        double mark = m.markPrice();
        return fillablePrice(pool.marginBalance(mark), pool.requirement(mark), p, m, positionMaintenance);
    }

    /**
     * {@link #fillablePrice(MarginPool, Position, Market, double)} from the pool's margin balance (TNC) and maintenance
     * requirement (TMMR) at the mark.
     */
    static Double fillablePrice(double tnc, double tmmr, Position p, Market m, double positionMaintenance) {
        if (m.convention() != Convention.DYDX || m.dydx() == null || p.size() == 0) {
            return null;
        }
        double mark = m.markPrice();
        if (tmmr <= 0) {
            return null;
        }
        double signed = p.side().sign() * p.size();
        DydxLiquidation.Config c = m.dydx().liquidation();
        return DydxLiquidation.fillablePrice(tnc, tmmr, signed, mark, positionMaintenance, c);
    }

    /** The working behind {@link #fillablePrice}, for a position that has one. */
    static Explanation explainFillablePrice(MarginPool pool, Position p, Market m, double positionMaintenance) {
        double mark = m.markPrice();
        return DydxLiquidation.explainFillablePrice(pool.marginBalance(mark), pool.requirement(mark),
                p.side().sign() * p.size(), mark, positionMaintenance, m.dydx().liquidation());
    }

    /**
     * A DYDX position's bankruptcy price as dYdX defines it for one position of a multi-position account: closing it
     * must bring in −ΔNNV − TNC × |ΔMMR| / TMMR, so the account's collateral is shared among the positions by their
     * maintenance margin; per base unit (PNNV − TNC × PMMR / TMMR) / PS. Other conventions, or no positive price: the
     * solver's price as given.
     */
    static Double bankruptcyPrice(MarginPool pool, Position p, Market m, double positionMaintenance, Double solved,
                                  Map<ExplainKey, Explanation> explanations) {
        double mark = m.markPrice();
        return bankruptcyPrice(pool.marginBalance(mark), pool.requirement(mark), hedged(pool, p), p, m,
                positionMaintenance, solved, explanations);
    }

    /** Whether the pool holds a leg of the other side in the position's market (hedge mode). */
    static boolean hedged(MarginPool pool, Position p) {
        return pool.legs().stream().anyMatch(l -> l.position() != p && l.position().symbol().equals(p.symbol())
                && l.position().side() != p.side());
    }

    /**
     * {@link #bankruptcyPrice(MarginPool, Position, Market, double, Double, Map)} from the pool's margin balance
     * (TNC) and maintenance requirement (TMMR) at the mark, and whether it is {@link #hedged}.
     */
    static Double bankruptcyPrice(double tnc, double tmmr, boolean hedged, Position p, Market m,
                                  double positionMaintenance, Double solved,
                                  Map<ExplainKey, Explanation> explanations) {
        if (m.convention() != Convention.DYDX || m.dydx() == null || p.size() == 0) {
            return solved;
        }
        // a dYdX subaccount nets a market to one position: hedge-mode legs keep the solver's price
        if (hedged) {
            return solved;
        }
        double mark = m.markPrice();
        if (tmmr <= 0) {
            return solved;
        }
        double signed = p.side().sign() * p.size();
        // BP = (PNNV − TNC × PMMR / TMMR) / PS
        double price = (signed * mark - tnc * positionMaintenance / tmmr) / signed;
        if (!(price > 0)) {
            return solved;
        }
        if (explanations != null) {
            explanations.put(ExplainKey.BANKRUPTCY_PRICE, new Explanation("Bankruptcy price (dYdX)",
                    "BP = (PNNV − TNC × PMMR / TMMR) / PS", List.of(
                    new Term("PS", "position size", signed, "base"),
                    new Term("PNNV", "position net notional", signed * mark, "quote"),
                    new Term("TNC", "total net collateral", tnc, "quote"),
                    new Term("PMMR", "position maintenance margin", positionMaintenance, "quote"),
                    new Term("TMMR", "total maintenance margin", tmmr, "quote")),
                    "BP = (" + Numbers.term(signed * mark) + " − " + Numbers.term(tnc) + " × "
                            + Numbers.plain(positionMaintenance) + " / " + Numbers.plain(tmmr) + ") / "
                            + Numbers.term(signed), price, List.of(
                    "dYdX's definition (x/clob GetBankruptcyPriceInQuoteQuantums for a full close): closing this"
                            + " position at BP leaves the account's collateral shared among its positions by"
                            + " maintenance margin, so the insurance fund pays nothing.",
                    "With one position this is where the margin balance reaches 0; with several, this position is"
                            + " charged only its share PMMR / TMMR of the collateral.")));
        }
        return price;
    }
}
