package com.perprisk.engine;

/**
 * dYdX v4 liquidity-tier margin parameters (domain reference §6). dYdX has no brackets: one initial margin fraction
 * (IMF), scaled up with the market's open interest for opening, and maintenance = IMF × maintenance fraction.
 *
 * @param initialMarginFraction base IMF, e.g. 0.05 for the Large-Cap tier
 * @param maintenanceFraction   share of the IMF kept as maintenance, e.g. 0.6
 * @param openInterestNotional  the market's open interest in quote currency
 * @param oiLowerCap            open interest at and below which the base IMF applies
 * @param oiUpperCap            open interest at and above which IMF is 100%; 0 turns scaling off
 */
public record DydxMargin(double initialMarginFraction, double maintenanceFraction, double openInterestNotional,
                         double oiLowerCap, double oiUpperCap) {

    public static DydxMargin of(double initialMarginFraction, double maintenanceFraction) {
        return new DydxMargin(initialMarginFraction, maintenanceFraction, 0, 0, 0);
    }

    /** MMF = IMF × maintenance fraction (base IMF, not the open-interest-scaled one). */
    public double maintenanceMarginFraction() {
        return initialMarginFraction * maintenanceFraction;
    }

    /**
     * IMF after open-interest scaling, as dYdX's {@code GetAdjustedInitialMarginPpm}: an upper cap of 0 turns scaling
     * off; base IMF at or below the lower cap, 100% at or above the upper cap (so equal caps are a step), and between
     * them IMF + (1 − IMF) × (OI − lower) / (upper − lower).
     */
    public double effectiveInitialMarginFraction() {
        if (oiUpperCap <= 0 || openInterestNotional <= oiLowerCap) {
            return initialMarginFraction;
        }
        if (openInterestNotional >= oiUpperCap) {
            return 1.0;
        }
        double share = (openInterestNotional - oiLowerCap) / (oiUpperCap - oiLowerCap);
        return initialMarginFraction + (1.0 - initialMarginFraction) * share;
    }

    /** Highest leverage at the current open interest: 1 / effective IMF. */
    public double maxLeverage() {
        return 1.0 / effectiveInitialMarginFraction();
    }
}
