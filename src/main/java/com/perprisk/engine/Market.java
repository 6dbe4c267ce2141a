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
 * @param contract     what one unit of size is: {@link Contract#LINEAR} (base units, quote money) or an inverse
 *                     contract (contracts of a fixed quote value, money in the settle coin; tier floors and caps in
 *                     coin notional)
 */
public record Market(String symbol, Convention convention, double markPrice, double indexPrice, double takerFeeRate,
                     TierTable tiers, DydxMargin dydx, FundingTerms funding, DatedFuture future, Contract contract) {

    public Market {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(convention, "convention");
        Objects.requireNonNull(tiers, "tiers");
        if (funding == null) {
            funding = FundingTerms.NONE;
        }
        if (contract == null) {
            contract = Contract.LINEAR;
        }
    }

    /** A linear market (size in base units, money in the quote asset). */
    public Market(String symbol, Convention convention, double markPrice, double indexPrice, double takerFeeRate,
                  TierTable tiers, DydxMargin dydx, FundingTerms funding, DatedFuture future) {
        this(symbol, convention, markPrice, indexPrice, takerFeeRate, tiers, dydx, funding, future, Contract.LINEAR);
    }

    /** An inverse market with mark = index, no fee, no funding: handy for examples and tests. */
    public static Market inverse(String symbol, Convention convention, double markPrice, TierTable tiers,
                                 double contractSize, String settleAsset) {
        return new Market(symbol, convention, markPrice, markPrice, 0, tiers, null, FundingTerms.NONE, null,
                Contract.inverse(contractSize, settleAsset));
    }

    /** True for a coin-margined (inverse) contract. */
    public boolean isInverse() {
        return contract.isInverse();
    }

    /** The asset margin, PnL and funding are in: the settle coin of an inverse contract, else the quote asset. */
    public String marginAsset() {
        return contract.isInverse() ? contract.settleAsset() : convention.quoteAsset();
    }

    /** Notional of a position of this market at a price: Q × P, or C × cs / P in the settle coin (inverse). */
    public double notionalAt(Position p, double price) {
        return contract.isInverse() ? contract.coinNotional(p.size(), price) : p.notionalAt(price);
    }

    /** Entry value of a position: Q × EP, or C × cs / EP in coin (inverse). */
    public double entryNotional(Position p) {
        return notionalAt(p, p.entryPrice());
    }

    /** Unrealized PnL at a price: side × Q × (P − EP), or side × C × cs × (1/EP − 1/P) in coin (inverse). */
    public double unrealizedPnl(Position p, double price) {
        return contract.isInverse() ? contract.coinPnl(p.side(), p.size(), p.entryPrice(), price)
                : p.unrealizedPnl(price);
    }

    /** Initial margin posted at open: entry value / leverage, in the market's margin asset. */
    public double initialMargin(Position p) {
        return entryNotional(p) / p.leverage();
    }

    /** An isolated position's margin: posted (given, else entry value / leverage) plus extra, in the margin asset. */
    public double isolatedMarginBalance(Position p) {
        double posted = p.isolatedMargin() != null ? p.isolatedMargin() : initialMargin(p);
        return posted + p.extraMargin();
    }

    public Market withContract(Contract newContract) {
        return new Market(symbol, convention, markPrice, indexPrice, takerFeeRate, tiers, dydx, funding, future,
                newContract);
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
        return new Market(symbol, convention, newMark, indexPrice, takerFeeRate, tiers, dydx, funding, future,
                contract);
    }

    public Market withConvention(Convention newConvention, TierTable newTiers) {
        return new Market(symbol, newConvention, markPrice, indexPrice, takerFeeRate, newTiers, dydx, funding,
                future, contract);
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
