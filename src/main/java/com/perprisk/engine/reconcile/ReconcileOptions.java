package com.perprisk.engine.reconcile;

/**
 * What the user knows about the exchange's side of the gap; each given value enables one cause to be tried.
 * Every field is optional (null).
 *
 * @param tickSize        the market's price tick: enables "round to tick" and sets the default tolerance to half a tick
 * @param fundingAccrued  funding received (+) or paid (−) since entry, in quote currency
 * @param fundingRate     a funding rate per settlement, with {@code fundingPeriods}, when the amount is not known
 * @param fundingPeriods  settlements since entry (with the market's rate when {@code fundingRate} is null)
 * @param markLastSpread  last price − mark price at the time the exchange's figure was read
 * @param closeFeeRate    the taker fee rate to try in the requirement (default: the market's)
 * @param tolerance       how close counts as a match (default: half a tick, else 0.01% of the exchange's price)
 */
public record ReconcileOptions(Double tickSize, Double fundingAccrued, Double fundingRate, Integer fundingPeriods,
                               Double markLastSpread, Double closeFeeRate, Double tolerance) {

    public static final ReconcileOptions NONE = new ReconcileOptions(null, null, null, null, null, null, null);

    public ReconcileOptions withTick(double tick) {
        return new ReconcileOptions(tick, fundingAccrued, fundingRate, fundingPeriods, markLastSpread, closeFeeRate,
                tolerance);
    }

    public ReconcileOptions withFundingAccrued(double amount) {
        return new ReconcileOptions(tickSize, amount, fundingRate, fundingPeriods, markLastSpread, closeFeeRate,
                tolerance);
    }

    public ReconcileOptions withFunding(double rate, int periods) {
        return new ReconcileOptions(tickSize, fundingAccrued, rate, periods, markLastSpread, closeFeeRate, tolerance);
    }

    public ReconcileOptions withMarkLastSpread(double spread) {
        return new ReconcileOptions(tickSize, fundingAccrued, fundingRate, fundingPeriods, spread, closeFeeRate,
                tolerance);
    }

    public ReconcileOptions withCloseFeeRate(double rate) {
        return new ReconcileOptions(tickSize, fundingAccrued, fundingRate, fundingPeriods, markLastSpread, rate,
                tolerance);
    }

    public ReconcileOptions withTolerance(double tol) {
        return new ReconcileOptions(tickSize, fundingAccrued, fundingRate, fundingPeriods, markLastSpread, closeFeeRate,
                tol);
    }
}
