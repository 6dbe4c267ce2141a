package com.perprisk.engine.waterfall;

/**
 * Where the money goes when a liquidated position is closed (domain reference §4). All amounts are in the quote
 * currency and none is negative. The trader's margin is gone at the bankruptcy price; these amounts are what
 * happens beyond it.
 *
 * @param traderLoss       of the margin balance left at the fill (a surplus), the part the trader does not get
 *                         back; 0 when the fill is worse than bankruptcy, since a trader never loses more than
 *                         the margin
 * @param surplusToFund    what the insurance fund receives from the surplus
 * @param deficit          side × Q × (BP − fill) when the fill is worse than bankruptcy, else 0
 * @param coveredByFund    the part of the deficit the insurance fund pays
 * @param leftForAdl       the part of the deficit the fund cannot pay: taken from opposite positions by ADL
 * @param fundAfter        insurance fund balance after the liquidation (fees not included)
 * @param fees             liquidation fee taken out of the surplus, reported apart from the fund
 * @param returnedToTrader the part of the surplus handed back to the trader (dYdX), else 0
 */
public record WaterfallResult(double traderLoss, double surplusToFund, double deficit, double coveredByFund,
                              double leftForAdl, double fundAfter, double fees, double returnedToTrader) {

    /** Change of the insurance fund: surplus received − deficit paid. */
    public double fundChange() {
        // Δfund = surplus to fund − covered by fund
        return surplusToFund - coveredByFund;
    }

    /** The closing PnL measured from bankruptcy, side × Q × (fill − BP), rebuilt from its parts. */
    public double pnlBeyondBankruptcy() {
        // side × Q × (fill − BP) = trader loss + returned to trader − deficit
        return traderLoss + returnedToTrader - deficit;
    }

    /** Whether ADL has to close opposite positions. */
    public boolean needsAdl() {
        return leftForAdl > 0;
    }
}
