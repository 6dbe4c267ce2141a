package com.perprisk.engine.funding;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Numbers;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;
import static com.perprisk.engine.EngineInputs.result;

/**
 * How a venue sets the funding rate (domain reference §5). All rates are decimals per funding interval
 * (0.0001 = 0.01%) unless a method says otherwise.
 *
 * <pre>
 * premium P = [max(0, impactBid − index) − max(0, index − impactAsk)] / index
 * rate F    = P + clamp(I − P, floor, ceiling)        I = interest per interval
 * </pre>
 */
public final class FundingRate {
    /** The usual clamp on I − P: −0.05% per interval. */
    public static final double DEFAULT_CLAMP_FLOOR = -0.0005;
    /** The usual clamp on I − P: +0.05% per interval. */
    public static final double DEFAULT_CLAMP_CEILING = 0.0005;
    /** Interest per 8 h on most venues: 0.01%. */
    public static final double DEFAULT_INTEREST_8H = 0.0001;
    /** Hyperliquid caps the funding rate at 4% per hour. */
    public static final double HYPERLIQUID_HOURLY_CAP = 0.04;
    /** dYdX caps |F_8h| at this multiple of (IMF − MMF). */
    public static final double DYDX_CAP_MULTIPLE = 6.0;

    private FundingRate() {
    }

    /**
     * Premium index of one sample: how far the impact prices sit outside the index, as a fraction of the index.
     * Zero while index lies between the impact bid and the impact ask. Venues average it over the interval.
     *
     * @param impactBid average fill price of selling the impact notional into the bids
     * @param impactAsk average fill price of buying the impact notional from the asks
     * @param index     index (oracle) price
     */
    public static double premiumIndex(double impactBid, double impactAsk, double index) {
        positive("impact bid", impactBid);
        positive("impact ask", impactAsk);
        positive("index price", index);
        if (impactBid > impactAsk) {
            throw new EngineException("impact bid " + Numbers.plain(impactBid) + " is above impact ask "
                    + Numbers.plain(impactAsk) + ": the book would be crossed");
        }
        // P = [max(0, impact bid − index) − max(0, index − impact ask)] / index
        return (Math.max(0, impactBid - index) - Math.max(0, index - impactAsk)) / index;
    }

    /** Funding rate from a premium and the interest, with the usual clamp of ±0.05% on I − P. */
    public static double fromPremium(double premium, double interest) {
        return fromPremium(premium, interest, DEFAULT_CLAMP_FLOOR, DEFAULT_CLAMP_CEILING);
    }

    /**
     * Funding rate from the premium: the premium, pulled toward the interest by at most the clamp.
     *
     * @param premium      premium index P for the interval
     * @param interest     interest component I for the interval
     * @param clampFloor   lowest allowed I − P (e.g. −0.0005)
     * @param clampCeiling highest allowed I − P (e.g. +0.0005)
     */
    public static double fromPremium(double premium, double interest, double clampFloor, double clampCeiling) {
        finite("premium", premium);
        finite("interest", interest);
        finite("clamp floor", clampFloor);
        finite("clamp ceiling", clampCeiling);
        if (clampFloor > clampCeiling) {
            throw new EngineException("clamp floor " + Numbers.plain(clampFloor) + " is above clamp ceiling "
                    + Numbers.plain(clampCeiling));
        }
        // F = P + clamp(I − P, floor, ceiling); while the clamp does not bind that is exactly I
        double gap = interest - premium;
        double clamped = clamp(gap, clampFloor, clampCeiling);
        return result("funding rate", clamped == gap ? interest : premium + clamped);
    }

    /**
     * A rate limited to the market's cap: −cap ≤ F ≤ cap. Caps are per market and change; never assume one for all.
     *
     * @param rate funding rate per interval
     * @param cap  largest |F| the market allows, per the same interval
     */
    public static double capped(double rate, double cap) {
        finite("funding rate", rate);
        nonNegative("funding cap", cap);
        // |F| ≤ cap
        return clamp(rate, -cap, cap);
    }

    /**
     * Interest per funding interval from annual borrowing rates of the quote and base currencies:
     * (quote − base) / (365 × intervals per day). 5% and 1% a year, 3 intervals a day → 0.0036530% per 8 h.
     *
     * @param quoteRateAnnual annual interest rate of the quote currency (0.05 = 5%)
     * @param baseRateAnnual  annual interest rate of the base currency
     * @param intervalsPerDay funding settlements per day (3 for 8 h)
     */
    public static double interestPerInterval(double quoteRateAnnual, double baseRateAnnual, double intervalsPerDay) {
        finite("quote interest rate", quoteRateAnnual);
        finite("base interest rate", baseRateAnnual);
        positive("funding intervals per day", intervalsPerDay);
        // I = (quote rate − base rate) / (365 × intervals per day)
        return (quoteRateAnnual - baseRateAnnual) / (365.0 * intervalsPerDay);
    }

    /**
     * Interest per funding interval from daily interest indices, Binance's form:
     * (quote − base) / intervals per day. Binance's default 0.06% − 0.03% a day over 3 intervals → 0.01% per 8 h.
     *
     * @param quoteRateDaily  daily interest rate of the quote currency (0.0006 = 0.06%)
     * @param baseRateDaily   daily interest rate of the base currency
     * @param intervalsPerDay funding settlements per day (3 for 8 h)
     */
    public static double interestPerIntervalFromDaily(double quoteRateDaily, double baseRateDaily,
                                                      double intervalsPerDay) {
        finite("quote interest rate", quoteRateDaily);
        finite("base interest rate", baseRateDaily);
        positive("funding intervals per day", intervalsPerDay);
        // I = (quote daily rate − base daily rate) / intervals per day
        return (quoteRateDaily - baseRateDaily) / intervalsPerDay;
    }

    /** Hourly payment rate of a venue that quotes an 8 h rate and settles every hour (Hyperliquid, dYdX). */
    public static double hourlyFromEightHour(double rate8h) {
        finite("8 h funding rate", rate8h);
        // F_1h = F_8h / 8
        return rate8h / 8.0;
    }

    /**
     * dYdX v4's cap on the 8 h funding rate: |F_8h| ≤ 6 × (IMF − MMF).
     *
     * @param imf initial margin fraction of the market (0.05 for Large-Cap)
     * @param mmf maintenance margin fraction (0.03 for Large-Cap: 5% × 60%)
     */
    public static double dydxCap(double imf, double mmf) {
        positive("initial margin fraction", imf);
        nonNegative("maintenance margin fraction", mmf);
        if (imf > 1) {
            throw new EngineException("initial margin fraction must be at most 1, got " + Numbers.plain(imf));
        }
        if (mmf > imf) {
            throw new EngineException("maintenance margin fraction " + Numbers.plain(mmf)
                    + " is above the initial margin fraction " + Numbers.plain(imf));
        }
        // cap_8h = 6 × (IMF − MMF)
        return result("dYdX funding cap", DYDX_CAP_MULTIPLE * (imf - mmf));
    }

    /** value limited to [low, high]. */
    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
