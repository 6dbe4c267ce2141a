package com.perprisk.engine.tier;

/**
 * A bracket as the user or a file gives it, before the venue's convention fills in what may be left out:
 * {@code mmr} may be {@code null} for Hyperliquid (it is 1 / (2 × maxLeverage)), and {@code maintenanceAmount}
 * may be {@code null} anywhere (it is then derived by the recursion).
 */
public record TierSpec(double floor, double cap, double maxLeverage, Double mmr, Double maintenanceAmount) {

    public static TierSpec of(double floor, double cap, double maxLeverage, double mmr, double maintenanceAmount) {
        return new TierSpec(floor, cap, maxLeverage, mmr, maintenanceAmount);
    }

    public static TierSpec derived(double floor, double cap, double maxLeverage, double mmr) {
        return new TierSpec(floor, cap, maxLeverage, mmr, null);
    }
}
