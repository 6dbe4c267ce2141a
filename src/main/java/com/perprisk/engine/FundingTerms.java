package com.perprisk.engine;

/**
 * A market's current funding: the rate charged at each settlement and the time between settlements.
 * Hyperliquid and dYdX quote an 8h rate but settle hourly at F/8: enter that as rate F/8 every 1 hour.
 *
 * @param rate          funding rate per settlement (0.0001 = 0.01%); positive: longs pay shorts
 * @param intervalHours hours between settlements (8, 4 or 1)
 */
public record FundingTerms(double rate, double intervalHours) {

    public static final FundingTerms NONE = new FundingTerms(0, 8);

    /** Settlements in a 365-day year: 365 × 24 / interval. */
    public double settlementsPerYear() {
        return 365.0 * 24.0 / intervalHours;
    }
}
