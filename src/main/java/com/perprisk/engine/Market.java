package com.perprisk.engine;

import com.perprisk.engine.tier.TierTable;

import java.util.Objects;

/**
 * One perpetual market as the engine sees it: its prices, the venue convention that governs its margin, and the
 * resolved tier table that convention uses (for dYdX, a single bracket built from {@link DydxMargin}).
 *
 * @param symbol       e.g. BTCUSDT
 * @param convention   the venue's margin convention
 * @param markPrice    mark price: what PnL and liquidation are measured against
 * @param indexPrice   index (spot aggregate) price
 * @param takerFeeRate taker fee rate, charged on closing notional where the convention counts it
 * @param tiers        tier table resolved under the convention
 * @param dydx         dYdX liquidity-tier parameters, or {@code null} for other conventions
 * @param funding      current funding terms
 * @param future       a dated future for basis, or {@code null}
 */
public record Market(String symbol, Convention convention, double markPrice, double indexPrice, double takerFeeRate,
                     TierTable tiers, DydxMargin dydx, FundingTerms funding, DatedFuture future) {

    public Market {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(convention, "convention");
        Objects.requireNonNull(tiers, "tiers");
        if (funding == null) {
            funding = FundingTerms.NONE;
        }
    }

    /** A market whose dYdX tier table is built from its liquidity-tier parameters. */
    public static Market dydx(String symbol, double markPrice, double indexPrice, double takerFeeRate,
                              DydxMargin dydx, FundingTerms funding, DatedFuture future) {
        TierTable single = TierTable.single(dydx.maxLeverage(), dydx.maintenanceMarginFraction());
        return new Market(symbol, Convention.DYDX, markPrice, indexPrice, takerFeeRate, single, dydx, funding,
                future);
    }

    /** A market with mark = index, no fee, no funding and no future: handy for examples and tests. */
    public static Market simple(String symbol, Convention convention, double markPrice, TierTable tiers) {
        return new Market(symbol, convention, markPrice, markPrice, 0, tiers, null, FundingTerms.NONE, null);
    }

    public Market withMarkPrice(double newMark) {
        return new Market(symbol, convention, newMark, indexPrice, takerFeeRate, tiers, dydx, funding, future);
    }

    public Market withConvention(Convention newConvention, TierTable newTiers) {
        return new Market(symbol, newConvention, markPrice, indexPrice, takerFeeRate, newTiers, dydx, funding,
                future);
    }

    /** Fee rate inside the maintenance requirement: the taker fee under OKX, else 0. */
    public double closeFeeInRequirement() {
        return convention.closeFeeInRequirement() ? takerFeeRate : 0.0;
    }

    /** Max leverage for a notional: the bracket's, or 1 / effective IMF under dYdX. */
    public double maxLeverage(double notional) {
        boolean liquidityTier = convention.tierSource() == Convention.TierSource.DYDX_LIQUIDITY_TIER;
        return dydx != null && liquidityTier ? dydx.maxLeverage() : tiers.maxLeverage(notional);
    }
}
