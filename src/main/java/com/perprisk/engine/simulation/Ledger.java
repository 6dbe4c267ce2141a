package com.perprisk.engine.simulation;

/**
 * Where the money of the liquidations went. Conservation:
 * {@code traderLoss + adlCollected + uncoveredLoss = fundChange + fees}: what the trader forfeits at the fills
 * (negative when the loss went beyond the margin), plus what ADL took from counterparties, plus any loss nobody
 * covered, is the change of the insurance fund plus the fees.
 *
 * @param traderLoss      Σ margin balance at the fill less what was handed back (dYdX), plus slice fees
 * @param fundChange      fund at the end − fund at the start
 * @param fees            liquidation fees (full liquidations and slices)
 * @param adlCollected    Σ amounts taken from counterparties by ADL
 * @param uncoveredLoss   deficit left when the counterparties ran out
 * @param fundingToTrader Σ funding received (+) or paid (−) by the trader
 */
public record Ledger(double traderLoss, double fundChange, double fees, double adlCollected, double uncoveredLoss,
                     double fundingToTrader) {
    /** traderLoss + adlCollected + uncoveredLoss − fundChange − fees: 0 up to rounding. */
    public double imbalance() {
        return traderLoss + adlCollected + uncoveredLoss - fundChange - fees;
    }
}
