package com.perprisk.engine.margin;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.tier.Tier;
import com.perprisk.engine.tier.TierTable;

/**
 * The largest position a balance can open at a leverage under a tier table ("max open").
 *
 * <pre>
 * cost per unit of notional = 1 / L + fee         (initial margin plus the taker fee to open)
 * N_max = min(balance / (1 / L + fee), cap of the last bracket whose max leverage ≥ L)
 * Q_max = N_max / price
 * </pre>
 *
 * Max leverage never rises with notional, so the brackets that allow L are the first few; their last cap bounds N.
 */
public final class MaxOpen {
    private MaxOpen() {
    }

    /**
     * @param notional the largest notional
     * @param size     that notional in base units at the price
     * @param limitedBy "balance" or "tier" — which constraint binds
     */
    public record Result(double notional, double size, String limitedBy) {
    }

    public static Result of(double balance, double leverage, double price, TierTable tiers, double takerFeeRate) {
        if (!(balance >= 0) || !(leverage >= 1) || !(price > 0) || !(takerFeeRate >= 0)) {
            throw new EngineException("max open needs a balance ≥ 0, leverage ≥ 1, price > 0 and fee ≥ 0");
        }
        if (leverage > tiers.tier(0).maxLeverage()) {
            throw new EngineException("leverage " + leverage + " exceeds the table's highest max leverage "
                    + tiers.tier(0).maxLeverage());
        }
        double tierCap = 0;
        for (Tier t : tiers.tiers()) {
            if (t.maxLeverage() >= leverage) {
                tierCap = t.cap();
            }
        }
        // N from the balance: balance = N × (1 / L + fee)
        double byBalance = balance / (1.0 / leverage + takerFeeRate);
        double n = Math.min(byBalance, tierCap);
        return new Result(n, n / price, byBalance <= tierCap ? "balance" : "tier");
    }
}
