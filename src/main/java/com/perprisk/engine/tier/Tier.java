package com.perprisk.engine.tier;

/**
 * One notional bracket of a tier table: notionals in {@code [floor, cap)} may use up to {@code maxLeverage} and
 * keep maintenance margin {@code MM = N × mmr − maintenanceAmount}.
 *
 * @param floor             lowest notional of the bracket (inclusive)
 * @param cap               notional where the next bracket starts (exclusive); +∞ for an open last bracket
 * @param maxLeverage       highest leverage a position of this notional may open with
 * @param mmr               maintenance margin rate
 * @param maintenanceAmount Binance "cum", Bybit and Hyperliquid "deduction": keeps MM continuous at the floor
 */
public record Tier(double floor, double cap, double maxLeverage, double mmr, double maintenanceAmount) {

    /** Maintenance margin of a notional inside this bracket: MM = N × MMR − maintenance amount. */
    public double maintenanceMargin(double notional) {
        return notional * mmr - maintenanceAmount;
    }

    /** Initial margin rate at this bracket's max leverage: IMR = 1 / maxLeverage. */
    public double initialMarginRate() {
        return 1.0 / maxLeverage;
    }

    public boolean contains(double notional) {
        return notional >= floor && notional < cap;
    }
}
