package com.perprisk.engine.waterfall;

import com.perprisk.engine.Convention;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.Numbers;

import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;
import static com.perprisk.engine.EngineInputs.present;
import static com.perprisk.engine.EngineInputs.result;

/**
 * The liquidation waterfall: position margin → liquidation fill → insurance fund → ADL (domain reference §4).
 *
 * <p>At the bankruptcy price BP the position's margin balance is 0. The fill is measured from there:
 * {@code x = side × Q × (fill − BP)}. A positive x is a surplus (margin left over), a negative x a deficit
 * (a loss beyond the margin that someone else must bear).
 *
 * <p>Money is conserved: {@code traderLoss − deficit + leftForAdl = fund change + fees}. In words: what the
 * liquidated trader forfeits, less the deficit the position leaves, plus what ADL takes from opposite positions,
 * is what the fund gains plus the fees.
 */
public final class LiquidationWaterfall {
    /** dYdX v4 caps the liquidation penalty at 1.5% of the quote value of the fill. */
    public static final double DYDX_MAX_PENALTY_RATE = Convention.DYDX_MAX_PENALTY_RATE;

    private LiquidationWaterfall() {
    }

    /**
     * The waterfall of the convention's venue ({@link Convention#waterfall()}): the fee to the fund, or dYdX's
     * capped penalty with the rest returned (the liquidation fee rate does not apply there).
     */
    public static WaterfallResult settle(Convention convention, Side side, double size, double bankruptcyPrice,
                                         double fillPrice, double insuranceFund, double liquidationFeeRate) {
        return switch (convention.waterfall()) {
            case FEE_TO_FUND -> settle(side, size, bankruptcyPrice, fillPrice, insuranceFund, liquidationFeeRate);
            case PENALTY_REST_RETURNED -> settleDydx(side, size, bankruptcyPrice, fillPrice, insuranceFund);
        };
    }

    /**
     * Binance and Bybit: a surplus goes to the insurance fund after the liquidation fee; a deficit is paid by the
     * fund up to its balance, and what remains is left for ADL.
     *
     * @param side               side of the liquidated position
     * @param size               |size| in base units (Q)
     * @param bankruptcyPrice    price at which the position's margin balance is 0 (BP)
     * @param fillPrice          average price the liquidation engine closed the position at
     * @param insuranceFund      insurance fund balance before the liquidation
     * @param liquidationFeeRate liquidation fee as a fraction of the closed notional Q × fill, taken from the
     *                           surplus only (a deficit leaves nothing to charge)
     */
    public static WaterfallResult settle(Side side, double size, double bankruptcyPrice, double fillPrice,
                                         double insuranceFund, double liquidationFeeRate) {
        double x = pnlBeyondBankruptcy(side, size, bankruptcyPrice, fillPrice);
        nonNegative("insurance fund", insuranceFund);
        feeRate("liquidation fee rate", liquidationFeeRate);
        if (x >= 0) {
            // fee = min(surplus, fee rate × Q × fill)
            double fee = Math.min(x, liquidationFeeRate * size * fillPrice);
            // to fund = surplus − fee
            double toFund = x - fee;
            return new WaterfallResult(x, toFund, 0, 0, 0, insuranceFund + toFund, fee, 0);
        }
        return coverDeficit(-x, insuranceFund);
    }

    /** dYdX v4 with its standard 1.5% penalty cap. */
    public static WaterfallResult settleDydx(Side side, double size, double bankruptcyPrice, double fillPrice,
                                             double insuranceFund) {
        return settleDydx(side, size, bankruptcyPrice, fillPrice, insuranceFund, DYDX_MAX_PENALTY_RATE);
    }

    /**
     * dYdX v4: a fill better than bankruptcy pays the insurance fund a penalty of at most {@code maxPenaltyRate} of
     * the quote value Q × fill, and the rest of the surplus goes back to the trader. A deficit is handled as in
     * {@link #settle}.
     */
    public static WaterfallResult settleDydx(Side side, double size, double bankruptcyPrice, double fillPrice,
                                             double insuranceFund, double maxPenaltyRate) {
        double x = pnlBeyondBankruptcy(side, size, bankruptcyPrice, fillPrice);
        nonNegative("insurance fund", insuranceFund);
        feeRate("maximum liquidation penalty rate", maxPenaltyRate);
        if (x >= 0) {
            // penalty = min(surplus, 1.5% × Q × fill)
            double penalty = Math.min(x, maxPenaltyRate * size * fillPrice);
            // returned = surplus − penalty
            double returned = x - penalty;
            return new WaterfallResult(penalty, penalty, 0, 0, 0, insuranceFund + penalty, 0, returned);
        }
        return coverDeficit(-x, insuranceFund);
    }

    /** The fund pays what it can; ADL takes the rest. */
    private static WaterfallResult coverDeficit(double deficit, double insuranceFund) {
        // covered = min(deficit, fund)
        double covered = Math.min(deficit, insuranceFund);
        // left for ADL = deficit − covered
        double leftForAdl = deficit - covered;
        return new WaterfallResult(0, 0, deficit, covered, leftForAdl, insuranceFund - covered, 0, 0);
    }

    /** x = side × Q × (fill − BP): + surplus, − deficit. */
    private static double pnlBeyondBankruptcy(Side side, double size, double bankruptcyPrice, double fillPrice) {
        present("side", side);
        nonNegative("position size", size);
        positive("bankruptcy price", bankruptcyPrice);
        positive("fill price", fillPrice);
        // x = side × Q × (fill − BP)
        return result("PnL beyond bankruptcy", side.sign() * size * (fillPrice - bankruptcyPrice) + 0.0);
    }

    private static void feeRate(String name, double rate) {
        nonNegative(name, rate);
        if (rate >= 1) {
            throw new EngineException(name + " must be below 100%, got " + Numbers.plain(rate));
        }
    }
}
