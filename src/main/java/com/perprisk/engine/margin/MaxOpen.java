package com.perprisk.engine.margin;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;
import com.perprisk.engine.tier.Tier;
import com.perprisk.engine.tier.TierTable;

import java.util.List;

import static com.perprisk.engine.explain.Numbers.plain;

/**
 * The largest order a balance can open at a leverage under a tier table ("max open", as Binance's calculator and
 * order form define it: the cost to open must fit the available balance, and the position must stay inside the
 * brackets that allow the leverage).
 *
 * <pre>
 * cost per unit of size = EP / L + fee × EP + open loss      open loss = max(0, side × (EP − MP))
 * Q_balance = balance / cost per unit
 * Q_tier    = (cap of the last bracket whose max leverage ≥ L − notional already held on that side) / EP
 * Q_max     = min(Q_balance, Q_tier)
 * </pre>
 *
 * Max leverage never rises with notional, so the brackets that allow L are the first few; their last cap bounds the
 * position. Binance counts the open loss (an entry worse than the mark) in the cost so that an order does not open
 * already losing margin it never had.
 */
public final class MaxOpen {
    private MaxOpen() {
    }

    /**
     * @param notional      the largest notional Q × EP
     * @param size          that notional in base units
     * @param initialMargin its initial margin Q × EP / L
     * @param cost          what opening it takes from the balance: initial margin, fee and open loss
     * @param limitedBy     "balance" or "tier": which constraint binds
     * @param tierCap       the notional the brackets allowing L end at (+∞ for an open last bracket)
     */
    public record Result(double notional, double size, double initialMargin, double cost, String limitedBy,
                         double tierCap) {
    }

    /** Max open at a price that is both the entry and the mark (no open loss) and nothing held yet. */
    public static Result of(double balance, double leverage, double price, TierTable tiers, double takerFeeRate) {
        return of(balance, leverage, Side.LONG, price, price, tiers, takerFeeRate, 0);
    }

    /**
     * @param balance      available balance the order may use
     * @param entryPrice   the order's price EP
     * @param markPrice    the mark MP (open loss when the entry is worse than the mark)
     * @param heldNotional entry notional of the position on the same side the order adds to (0 for none)
     */
    public static Result of(double balance, double leverage, Side side, double entryPrice, double markPrice,
                            TierTable tiers, double takerFeeRate, double heldNotional) {
        if (!(balance >= 0) || !(leverage >= 1) || !(entryPrice > 0) || !(markPrice > 0) || !(takerFeeRate >= 0)
                || !(heldNotional >= 0) || !Double.isFinite(balance)) {
            throw new EngineException("max open needs a balance ≥ 0, leverage ≥ 1, prices > 0 and fee ≥ 0");
        }
        if (leverage > tiers.tier(0).maxLeverage()) {
            throw new EngineException("leverage " + plain(leverage) + " exceeds the table's highest max leverage "
                    + plain(tiers.tier(0).maxLeverage()));
        }
        double tierCap = tierCap(tiers, leverage);
        // cost per unit = EP / L + fee × EP + max(0, side × (EP − MP))
        double perUnit = entryPrice / leverage + takerFeeRate * entryPrice + openLossPerUnit(side, entryPrice,
                markPrice);
        double byBalance = balance / perUnit;
        double byTier = Math.max(0, tierCap - heldNotional) / entryPrice;
        double q = Math.min(byBalance, byTier);
        return new Result(q * entryPrice, q, q * entryPrice / leverage, q * perUnit,
                byBalance <= byTier ? "balance" : "tier", tierCap);
    }

    /** Open loss per unit of size: max(0, side × (EP − MP)), what the order loses the moment it fills. */
    public static double openLossPerUnit(Side side, double entryPrice, double markPrice) {
        return Math.max(0, side.sign() * (entryPrice - markPrice));
    }

    /** Cap of the last bracket whose max leverage is at least L. */
    static double tierCap(TierTable tiers, double leverage) {
        double cap = 0;
        for (Tier t : tiers.tiers()) {
            if (t.maxLeverage() >= leverage) {
                cap = t.cap();
            }
        }
        return cap;
    }

    /** The working of a max-open answer. */
    public static Explanation explain(Result r, double balance, double leverage, Side side, double entryPrice,
                                      double markPrice, double takerFeeRate, double heldNotional) {
        double openLoss = openLossPerUnit(side, entryPrice, markPrice);
        double perUnit = entryPrice / leverage + takerFeeRate * entryPrice + openLoss;
        String notes = "balance".equals(r.limitedBy())
                ? "The available balance binds: one unit more would cost more than it holds."
                : "The tier table binds: at " + plain(leverage) + "x the brackets end at a notional of "
                + plain(r.tierCap()) + (heldNotional > 0 ? ", of which " + plain(heldNotional) + " is already held"
                : "") + "; a larger order needs a lower leverage.";
        return new Explanation("Max open (largest order)", "Q_max = min(balance / (EP / L + fee × EP + open loss),"
                + " (cap − held) / EP)",
                List.of(new Term("balance", "available balance", balance, "quote"),
                        new Term("EP", "entry price", entryPrice, "quote"),
                        new Term("L", "leverage", leverage, "×"),
                        new Term("fee", "taker fee rate to open", takerFeeRate, "rate"),
                        new Term("open loss", "max(0, side × (EP − MP)) per unit", openLoss, "quote"),
                        new Term("cap", "notional cap of the brackets allowing L", r.tierCap(), "quote"),
                        new Term("held", "notional already held on this side", heldNotional, "quote")),
                "Q_max = min(" + plain(balance) + " / " + plain(perUnit) + ", (" + plain(r.tierCap()) + " − "
                        + plain(heldNotional) + ") / " + plain(entryPrice) + ")", r.size(),
                List.of(notes, "Binance's definition: the cost to open (initial margin, fee and open loss) fits the"
                        + " available balance and the position stays in the brackets that allow the leverage.",
                        "Its notional is " + plain(r.notional()) + " and its initial margin " + plain(r.initialMargin())
                                + "."));
    }
}
