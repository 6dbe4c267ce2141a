package com.perprisk.engine.margin;

import com.perprisk.engine.Contract;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.Side;
import com.perprisk.engine.tier.TierTable;

import static com.perprisk.engine.explain.Numbers.plain;

/**
 * The order ticket's formulas for a coin-margined (inverse) contract: C whole contracts of cs quote each, every amount
 * in the settle coin (notional N(P) = C × cs / P), prices in the quote currency. The same questions as the linear
 * {@link MaxOpen}, {@link TargetPrice} and stop sizing, in the forms Binance's futures calculator gives for
 * coin-margined contracts (initial margin Qty × contract_multiplier × IMR / entry price, PnL side × Qty ×
 * contract_multiplier × (1 / entry − 1 / exit), target price side × EP / (side − ROE × IMR)).
 */
public final class InverseOrder {
    /** A count within this of a whole number is that whole number (a notional typed from a size, rounding). */
    private static final double WHOLE = 1e-9;

    private InverseOrder() {
    }

    /** The whole contracts in a count: ⌊x⌋, with x within 10⁻⁹ of the next whole number counted as it. */
    public static double wholeContracts(double x) {
        return Math.floor(x + WHOLE);
    }

    /**
     * The order's contracts at its entry price: the size as typed (whole), or the contracts a coin notional or a coin
     * margin buys, rounded down to whole contracts: C = ⌊N × EP / cs⌋, C = ⌊M × L × EP / cs⌋.
     */
    public static double contracts(Order order, double entry, Market market) {
        Contract k = market.contract();
        double v = order.amount().value();
        double c = switch (order.amount().kind()) {
            case SIZE -> {
                if (Math.abs(v - Math.rint(v)) > WHOLE) {
                    throw new TicketException(Order.Field.AMOUNT, market.symbol() + " trades whole contracts:"
                            + " size " + plain(v) + " is not a whole number");
                }
                yield Math.rint(v);
            }
            // C = ⌊N × EP / cs⌋
            case NOTIONAL -> wholeContracts(v * entry / k.contractSize());
            // C = ⌊M × L × EP / cs⌋
            case MARGIN -> wholeContracts(v * order.leverage() * entry / k.contractSize());
        };
        if (!(c >= 1)) {
            double one = k.coinNotional(1, entry);
            throw new TicketException(Order.Field.AMOUNT, "the " + order.amount().kind().name().toLowerCase() + " "
                    + plain(v) + " " + k.settleAsset() + " buys less than one contract: one " + market.symbol()
                    + " contract is " + plain(k.contractSize()) + " / " + plain(entry) + " = " + plain(one) + " "
                    + k.settleAsset() + (order.amount().kind() == Order.Kind.MARGIN ? " of notional, "
                    + plain(one / order.leverage()) + " " + k.settleAsset() + " of margin at " + plain(order.leverage())
                    + "x" : ""));
        }
        return c;
    }

    /** Open loss per contract in coin: max(0, side × cs × (1/MP − 1/EP)), what a fill worse than the mark loses. */
    public static double openLossPerContract(Side side, double contractSize, double entryPrice, double markPrice) {
        return Math.max(0, side.sign() * contractSize * (1 / markPrice - 1 / entryPrice));
    }

    /** What one contract costs to open, in coin: cs / EP / L + fee × cs / EP + open loss. */
    public static double costPerContract(Side side, double contractSize, double leverage, double entryPrice,
                                         double markPrice, double takerFeeRate) {
        double value = contractSize / entryPrice;
        return value / leverage + takerFeeRate * value + openLossPerContract(side, contractSize, entryPrice,
                markPrice);
    }

    /**
     * Max open of an inverse contract, under its coin tier table: the most whole contracts whose cost to open fits
     * the coin balance and whose coin notional, with what is already held on that side, stays inside the brackets
     * that allow the leverage.
     *
     * <pre>
     * C_balance = ⌊balance / (cs / EP / L + fee × cs / EP + open loss)⌋
     * C_tier    = ⌊(cap − held) × EP / cs⌋        (cap and held in coin notional)
     * C_max     = min(C_balance, C_tier)
     * </pre>
     */
    public static MaxOpen.Result maxOpen(double balance, double leverage, Side side, double entryPrice,
                                         double markPrice, TierTable tiers, double takerFeeRate, double heldNotional,
                                         double contractSize) {
        if (!(balance >= 0) || !(leverage >= 1) || !(entryPrice > 0) || !(markPrice > 0) || !(takerFeeRate >= 0)
                || !(heldNotional >= 0) || !Double.isFinite(balance) || !(contractSize > 0)) {
            throw new EngineException("max open needs a balance ≥ 0, leverage ≥ 1, prices > 0 and fee ≥ 0");
        }
        if (leverage > tiers.tier(0).maxLeverage()) {
            throw new EngineException("leverage " + plain(leverage) + " exceeds the table's highest max leverage "
                    + plain(tiers.tier(0).maxLeverage()));
        }
        double cap = MaxOpen.tierCap(tiers, leverage);
        double perContract = costPerContract(side, contractSize, leverage, entryPrice, markPrice, takerFeeRate);
        double byBalance = wholeContracts(balance / perContract);
        double byTier = Double.isInfinite(cap) ? Double.POSITIVE_INFINITY
                : wholeContracts(Math.max(0, cap - heldNotional) * entryPrice / contractSize);
        double c = Math.min(byBalance, byTier);
        double notional = c * contractSize / entryPrice;
        return new MaxOpen.Result(notional, c, notional / leverage, c * perContract,
                byBalance <= byTier ? "balance" : "tier", cap);
    }

    /** Coin loss of one contract stopped out, fees to open and close included: cs × |1/S − 1/EP| + fee × cs × (1/EP + 1/S). */
    public static double lossPerContract(double contractSize, double entryPrice, double stopPrice,
                                         double takerFeeRate) {
        return contractSize * Math.abs(1 / stopPrice - 1 / entryPrice)
                + takerFeeRate * contractSize * (1 / entryPrice + 1 / stopPrice);
    }

    /** The most whole contracts whose coin loss at the stop, fees included, fits the budget: ⌊budget / loss per contract⌋. */
    public static double stopContracts(Side side, double contractSize, double entryPrice, double stopPrice,
                                       double budget, double takerFeeRate) {
        if (side == Side.LONG ? stopPrice >= entryPrice : stopPrice <= entryPrice) {
            throw new EngineException("a stop for a " + side.name().toLowerCase() + " must be "
                    + (side == Side.LONG ? "below" : "above") + " the entry price " + plain(entryPrice) + ", got "
                    + plain(stopPrice));
        }
        return wholeContracts(budget / lossPerContract(contractSize, entryPrice, stopPrice, takerFeeRate));
    }

    /** Coin PnL of C contracts closed at X: side × C × cs × (1/EP − 1/X). */
    public static double pnlAt(Side side, double contracts, double contractSize, double entryPrice, double price) {
        return side.sign() * contracts * contractSize * (1 / entryPrice - 1 / price);
    }

    /** ROE on the coin initial margin at entry, closed at X: side × L × (1 − EP / X). */
    public static double roeAt(Side side, double entryPrice, double leverage, double price) {
        return side.sign() * leverage * (1 - entryPrice / price);
    }

    /** ROE on the coin margin at the exit price (Binance's positions screen): side × L × (X / EP − 1). */
    public static double roeOnMarginAt(Side side, double entryPrice, double leverage, double price) {
        // PnL / (C × cs / X / L) = side × L × (X / EP − 1)
        return side.sign() * leverage * (price / entryPrice - 1);
    }

    /**
     * The exit price for an ROE on the coin margin: P = EP / (1 − side × ROE / L) (Binance: side × EP / (side − ROE
     * × IMR)). A long's coin PnL never reaches C × cs / EP, so its ROE stays below L; a short's stays above −L.
     */
    public static double targetForRoe(Side side, double entryPrice, double leverage, double roe) {
        if (!(entryPrice > 0) || !(leverage > 0) || !Double.isFinite(roe)) {
            throw new EngineException("target price needs a positive entry price and leverage and a finite ROE");
        }
        double d = 1 - side.sign() * roe / leverage;
        if (!(d > 0)) {
            throw new EngineException("an ROE of " + plain(roe) + " at " + plain(leverage) + "x cannot be reached by"
                    + " a " + side.name().toLowerCase() + " inverse position: its coin PnL stays " + (side == Side.LONG
                    ? "below the entry value C × cs / EP, an ROE of " + plain(leverage) : "above −C × cs / EP, an ROE"
                    + " of " + plain(-leverage)) + " (the price would be ∞)");
        }
        // P = EP / (1 − side × ROE / L)
        return entryPrice / d;
    }

    /** The exit price for a coin PnL: 1/P = 1/EP − side × PnL / (C × cs). */
    public static double targetForPnl(Side side, double entryPrice, double contracts, double contractSize,
                                      double pnl) {
        if (!(entryPrice > 0) || !(contracts > 0) || !Double.isFinite(pnl)) {
            throw new EngineException("target price needs a positive entry price and size and a finite PnL");
        }
        double x = 1 / entryPrice - side.sign() * pnl / (contracts * contractSize);
        if (!(x > 0)) {
            throw new EngineException("a PnL of " + plain(pnl) + " on " + plain(contracts) + " contracts cannot be"
                    + " reached: a " + side.name().toLowerCase() + " inverse position's coin PnL stays "
                    + (side == Side.LONG ? "below" : "above −") + plain(contracts * contractSize / entryPrice)
                    + " (C × cs / EP)");
        }
        return 1 / x;
    }
}
