package com.perprisk.engine.risk;

/**
 * Account figures for the cross pool (isolated positions are outside it).
 *
 * @param walletBalance     cross wallet balance (WB)
 * @param unrealizedPnl     Σ uPnL of cross positions at mark
 * @param marginBalance     WB + Σ uPnL
 * @param initialMargin     Σ initial margin of cross positions (N_entry / leverage)
 * @param maintenanceMargin Σ maintenance margin of cross positions
 * @param marginRatio       maintenance requirement / margin balance; 1 means liquidation; {@code null} when the
 *                          margin balance is ≤ 0 with positions open, or there is nothing to measure
 * @param availableBalance  max(0, margin balance − initial margin): what can still open positions or be withdrawn
 */
public record AccountRisk(double walletBalance, double unrealizedPnl, double marginBalance, double initialMargin,
                          double maintenanceMargin, Double marginRatio, double availableBalance) {
}
