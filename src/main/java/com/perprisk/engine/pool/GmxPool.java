package com.perprisk.engine.pool;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;

import java.util.ArrayList;
import java.util.List;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;
import static com.perprisk.engine.EngineInputs.present;

/**
 * A pool-based perpetual market in the style of GMX v2 (gmx-synthetics README and contracts): traders open
 * positions against a pool of long and short tokens at the oracle price; their PnL is the liquidity providers' loss.
 * Fees and price impact, not a counterparty, keep longs and shorts balanced.
 *
 * @param longTokenUsd          worth of the long tokens in the pool (backs long PnL)
 * @param shortTokenUsd         worth of the short tokens in the pool (backs short PnL)
 * @param indexPrice            oracle price of the index token
 * @param impactPoolTokens      index tokens held in the position impact pool
 * @param pendingBorrowingFees  borrowing fees owed by open positions, counted in the pool's value
 * @param maxPnlFactor          cap on trader PnL / side pool value when valuing the pool (MAX_PNL_FACTOR_FOR_TRADERS)
 * @param maxPnlFactorForAdl    PnL / side pool value above which ADL is enabled
 * @param minPnlFactorAfterAdl  ADL reduces the profitable side until PnL / pool is at most this
 * @param positionFeeFactor     fee as a share of the size change, on open and on close
 * @param positiveImpactFactor  price impact factor f when a trade improves the balance
 * @param negativeImpactFactor  price impact factor f when a trade worsens the balance
 * @param impactExponent        price impact exponent e
 * @param fundingFactor         funding factor per second
 * @param fundingExponent       funding exponent
 * @param borrowingFactor       borrowing factor per second
 * @param borrowingExponent     borrowing exponent on the reserved USD
 * @param minCollateralFactor   minimum collateral / size (1 / max leverage)
 * @param minCollateralUsd      minimum collateral of any position
 * @param positions             the open positions
 */
public record GmxPool(double longTokenUsd, double shortTokenUsd, double indexPrice, double impactPoolTokens,
                      double pendingBorrowingFees, double maxPnlFactor, double maxPnlFactorForAdl,
                      double minPnlFactorAfterAdl, double positionFeeFactor, double positiveImpactFactor,
                      double negativeImpactFactor, double impactExponent, double fundingFactor, double fundingExponent,
                      double borrowingFactor, double borrowingExponent, double minCollateralFactor,
                      double minCollateralUsd, List<PoolPosition> positions) {

    public GmxPool {
        nonNegative("long token USD", longTokenUsd);
        nonNegative("short token USD", shortTokenUsd);
        positive("index price", indexPrice);
        nonNegative("impact pool tokens", impactPoolTokens);
        nonNegative("pending borrowing fees", pendingBorrowingFees);
        nonNegative("max PnL factor", maxPnlFactor);
        nonNegative("max PnL factor for ADL", maxPnlFactorForAdl);
        nonNegative("min PnL factor after ADL", minPnlFactorAfterAdl);
        if (minPnlFactorAfterAdl > maxPnlFactorForAdl) {
            throw new EngineException("the min PnL factor after ADL is above the max PnL factor for ADL");
        }
        if (minPnlFactorAfterAdl >= 1) {
            throw new EngineException("the min PnL factor after ADL must be below 1");
        }
        nonNegative("position fee factor", positionFeeFactor);
        nonNegative("positive impact factor", positiveImpactFactor);
        nonNegative("negative impact factor", negativeImpactFactor);
        positive("impact exponent", impactExponent);
        nonNegative("funding factor", fundingFactor);
        positive("funding exponent", fundingExponent);
        nonNegative("borrowing factor", borrowingFactor);
        positive("borrowing exponent", borrowingExponent);
        nonNegative("min collateral factor", minCollateralFactor);
        nonNegative("min collateral USD", minCollateralUsd);
        present("positions", positions);
        positions = List.copyOf(positions);
    }

    /**
     * One open position: size in USD at entry, size in index tokens, collateral in USD.
     *
     * @param pendingFeesUsd borrowing and funding fees owed, paid on close
     */
    public record PoolPosition(Side side, double sizeUsd, double sizeInTokens, double collateralUsd,
                               double pendingFeesUsd) {
        public PoolPosition {
            present("side", side);
            positive("size in USD", sizeUsd);
            positive("size in tokens", sizeInTokens);
            nonNegative("collateral", collateralUsd);
            nonNegative("pending fees", pendingFeesUsd);
        }

        /** Entry price: size in USD / size in tokens. */
        public double entryPrice() {
            return sizeUsd / sizeInTokens;
        }

        /** PnL: long = tokens × price − size USD; short = size USD − tokens × price. */
        public double pnl(double price) {
            double value = sizeInTokens * price;
            return side == Side.LONG ? value - sizeUsd : sizeUsd - value;
        }
    }

    /** Open interest of one side in USD (Σ size in USD). */
    public double openInterest(Side side) {
        return positions.stream().filter(p -> p.side() == side).mapToDouble(PoolPosition::sizeUsd).sum();
    }

    /** Net PnL of one side's traders at the index price. */
    public double pnl(Side side) {
        return positions.stream().filter(p -> p.side() == side).mapToDouble(p -> p.pnl(indexPrice)).sum();
    }

    /** The side's token pool: long tokens back longs, short tokens back shorts. */
    public double sidePoolUsd(Side side) {
        return side == Side.LONG ? longTokenUsd : shortTokenUsd;
    }

    /** Trader PnL counted against the pool: positive PnL capped at max PnL factor × side pool. */
    public double cappedPnl(Side side) {
        double pnl = pnl(side);
        // capped PnL = min(PnL, max PnL factor × side pool) when PnL > 0
        return pnl > 0 ? Math.min(pnl, maxPnlFactor * sidePoolUsd(side)) : pnl;
    }

    /** Pool value: tokens + pending borrowing fees − capped trader PnL − impact pool × price. */
    public double poolValue() {
        // pool value = long USD + short USD + pending borrowing fees − capped PnL(long) − capped PnL(short)
        //              − impact pool tokens × index price
        return longTokenUsd + shortTokenUsd + pendingBorrowingFees - cappedPnl(Side.LONG) - cappedPnl(Side.SHORT)
                - impactPoolTokens * indexPrice;
    }

    /** PnL / side pool value, the ADL trigger; null when the side's pool is empty. */
    public Double pnlToPoolFactor(Side side) {
        double pool = sidePoolUsd(side);
        return pool > 0 ? pnl(side) / pool : null;
    }

    /** Whether ADL is enabled for the side: PnL / pool > max PnL factor for ADL. */
    public boolean adlRequired(Side side) {
        Double f = pnlToPoolFactor(side);
        return f != null && f > maxPnlFactorForAdl;
    }

    /**
     * Share of the side's profitable size ADL closes to bring PnL / pool down to the min factor after ADL: closing
     * share s realises s × PnL, paid from the pool, so (1 − s) PnL / (pool − s PnL) = min ⇔
     * s = (PnL − min × pool) / (PnL × (1 − min)). 0 when ADL is not required.
     */
    public double adlShare(Side side) {
        if (!adlRequired(side)) {
            return 0;
        }
        double pnl = pnl(side);
        double pool = sidePoolUsd(side);
        double min = minPnlFactorAfterAdl;
        // s = (PnL − min × pool) / (PnL × (1 − min))
        return Math.min(1, (pnl - min * pool) / (pnl * (1 - min)));
    }

    /** Position fee on a size change: |Δsize| × position fee factor (charged on open and on close). */
    public double positionFee(double sizeDeltaUsd) {
        finite("size change", sizeDeltaUsd);
        // fee = |Δ size| × fee factor
        return Math.abs(sizeDeltaUsd) * positionFeeFactor;
    }

    /**
     * Price impact of a trade from the change in the long/short imbalance D = |long OI − short OI|:
     * same side: f × D_before^e − f × D_after^e (f positive when the balance improves, negative otherwise);
     * crossing over: f+ × D_before^e − f− × D_after^e. Positive is a rebate, negative a cost.
     *
     * @param sizeDeltaUsd + opens or adds, − closes or reduces
     */
    public double priceImpact(Side side, double sizeDeltaUsd) {
        finite("size change", sizeDeltaUsd);
        double longOi = openInterest(Side.LONG);
        double shortOi = openInterest(Side.SHORT);
        double nextLong = side == Side.LONG ? longOi + sizeDeltaUsd : longOi;
        double nextShort = side == Side.SHORT ? shortOi + sizeDeltaUsd : shortOi;
        if (nextLong < -1e-9 || nextShort < -1e-9) {
            throw new EngineException("the trade closes more than the side's open interest");
        }
        return impact(longOi - shortOi, nextLong - nextShort);
    }

    /** Impact of moving the signed imbalance from {@code before} to {@code after}. */
    public double impact(double before, double after) {
        double d0 = Math.abs(before);
        double d1 = Math.abs(after);
        boolean sameSide = (before >= 0) == (after >= 0) || d0 == 0 || d1 == 0;
        if (sameSide) {
            double f = d1 < d0 ? positiveImpactFactor : negativeImpactFactor;
            // impact = f × D_before^e − f × D_after^e
            return f * Math.pow(d0, impactExponent) - f * Math.pow(d1, impactExponent);
        }
        // crossover: impact = f+ × D_before^e − f− × D_after^e
        return positiveImpactFactor * Math.pow(d0, impactExponent) - negativeImpactFactor * Math.pow(d1, impactExponent);
    }

    /**
     * Funding per second paid by the larger side: funding factor × imbalance^e / total OI (a fraction of its size);
     * the smaller side receives the same USD, i.e. that rate × larger OI / smaller OI. Sign: + pays, − receives.
     */
    public double fundingPerSecond(Side side) {
        double longOi = openInterest(Side.LONG);
        double shortOi = openInterest(Side.SHORT);
        double total = longOi + shortOi;
        if (total == 0 || longOi == shortOi) {
            return 0;
        }
        // larger side pays f × |long OI − short OI|^e / total OI per second
        double larger = fundingFactor * Math.pow(Math.abs(longOi - shortOi), fundingExponent) / total;
        Side payer = longOi > shortOi ? Side.LONG : Side.SHORT;
        if (side == payer) {
            return larger;
        }
        double smaller = Math.min(longOi, shortOi);
        return smaller == 0 ? 0 : -larger * Math.max(longOi, shortOi) / smaller;
    }

    /** Borrowing factor per second of a side: borrowing factor × reserved USD^e / side pool value. */
    public double borrowingPerSecond(Side side) {
        double pool = sidePoolUsd(side);
        if (pool == 0) {
            return 0;
        }
        // reserved: longs at the index price (tokens × price), shorts at their size in USD
        double reserved = positions.stream().filter(p -> p.side() == side)
                .mapToDouble(p -> side == Side.LONG ? p.sizeInTokens() * indexPrice : p.sizeUsd()).sum();
        // borrowing per second = factor × reserved^e / pool
        return borrowingFactor * Math.pow(reserved, borrowingExponent) / pool;
    }

    /** The liquidation check of one position, as {@code PositionUtils.isPositionLiquidatable}. */
    public record Liquidation(double pnl, double priceImpact, double closeFee, double remainingCollateral,
                              double minCollateral, boolean liquidatable, String reason) {
    }

    /**
     * Remaining collateral = collateral + PnL + price impact of closing (only if negative) − close fee − pending fees;
     * liquidatable when it is below the min collateral USD, at or below 0, or below size × min collateral factor.
     */
    public Liquidation liquidation(PoolPosition p) {
        present("position", p);
        double pnl = p.pnl(indexPrice);
        double impact = Math.min(0, priceImpact(p.side(), -p.sizeUsd()));
        double fee = positionFee(p.sizeUsd());
        // remaining = collateral + PnL + min(0, impact) − close fee − pending fees
        double remaining = p.collateralUsd() + pnl + impact - fee - p.pendingFeesUsd();
        double forLeverage = p.sizeUsd() * minCollateralFactor;
        String reason = remaining < minCollateralUsd ? "below the min collateral"
                : remaining <= 0 ? "no collateral left"
                : remaining < forLeverage ? "below size × min collateral factor" : "";
        return new Liquidation(pnl, impact, fee, remaining, Math.max(minCollateralUsd, forLeverage), !reason.isEmpty(),
                reason);
    }

    /** Every position's liquidation check, in order. */
    public List<Liquidation> liquidations() {
        List<Liquidation> out = new ArrayList<>();
        for (PoolPosition p : positions) {
            out.add(liquidation(p));
        }
        return out;
    }
}
