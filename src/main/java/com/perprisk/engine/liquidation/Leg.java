package com.perprisk.engine.liquidation;

import com.perprisk.engine.Convention;
import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.tier.Tier;

/**
 * A position together with the market that prices it: the unit the margin pool sums over. Knows its maintenance
 * margin under the market's convention and, for the solver, its linear form within one bracket.
 */
public record Leg(Position position, Market market) {

    /** Notional on which maintenance is measured: Q × P under mark-based conventions, Q × EP under Bybit's. */
    public double maintenanceNotional(double price) {
        return market.convention().maintenanceMeasuredAt() == Convention.PriceBasis.ENTRY
                ? position.entryNotional()
                : position.notionalAt(price);
    }

    /** Notional that picks the bracket: Q × P, or Q × EP where the tier is fixed at entry (Bybit, OKX). */
    public double bracketNotional(double price) {
        return market.convention().bracketSelectedAt() == Convention.PriceBasis.ENTRY
                ? position.entryNotional()
                : position.notionalAt(price);
    }

    /** Index of the bracket maintenance is taken from at price P. */
    public int bracketIndex(double price) {
        return market.tiers().bracketIndex(bracketNotional(price));
    }

    public Tier bracket(double price) {
        return market.tiers().tier(bracketIndex(price));
    }

    /** Maintenance margin at price P: N × MMR_k − amount_k of the bracket containing N (N at P, or at entry). */
    public double maintenanceMargin(double price) {
        return bracket(price).maintenanceMargin(maintenanceNotional(price));
    }

    /** Close fee counted in the requirement: takerFee × Q × P under OKX, else 0. */
    public double closeFeeInRequirement(double price) {
        return market.closeFeeInRequirement() * position.notionalAt(price);
    }

    /** Maintenance requirement at price P: maintenance margin plus the close fee where the convention counts it. */
    public double requirement(double price) {
        return maintenanceMargin(price) + closeFeeInRequirement(price);
    }

    /** Unrealized PnL at price P: side × Q × (P − EP). */
    public double unrealizedPnl(double price) {
        return position.unrealizedPnl(price);
    }

    /** True when maintenance is proportional to the notional at P (not fixed at the entry value). */
    public boolean maintenanceMovesWithPrice() {
        return market.convention().maintenanceMeasuredAt() == Convention.PriceBasis.MARK;
    }

    /** True when the bracket follows the notional at P, so its floors cut the price axis at P = floor / Q. */
    public boolean bracketMovesWithPrice() {
        return market.convention().bracketSelectedAt() == Convention.PriceBasis.MARK;
    }
}
