package com.perprisk.engine.liquidation;

import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.tier.Tier;

/**
 * A position together with the market that prices it and the margin rules that charge it: the unit the margin pool
 * sums over. The rules are the market convention's ({@link MarginRules#of(Market)}) unless a comparison switches a
 * factor.
 */
public record Leg(Position position, Market market, MarginRules rules) {

    /** A leg charged by its market's own convention. */
    public Leg(Position position, Market market) {
        this(position, market, MarginRules.of(market));
    }

    /** Notional on which maintenance is measured: Q × P, or Q × EP where MM is fixed at entry (Bybit). */
    public double maintenanceNotional(double price) {
        return rules.measureAtEntry() ? position.entryNotional() : position.notionalAt(price);
    }

    /** Notional that picks the bracket: Q × P, or Q × EP where the tier is fixed at entry (Bybit, OKX). */
    public double bracketNotional(double price) {
        return rules.bracketNotional(position, price);
    }

    /** Index of the bracket maintenance is taken from at price P. */
    public int bracketIndex(double price) {
        return rules.bracketIndex(position, price);
    }

    public Tier bracket(double price) {
        return rules.table().tier(bracketIndex(price));
    }

    /** Maintenance margin at price P: N × MMR_k − amount_k of the bracket containing N (N at P, or at entry). */
    public double maintenanceMargin(double price) {
        return rules.maintenanceMargin(position, price);
    }

    /** Close fee counted in the requirement: fee × Q × P where the rules count it (OKX), else 0. */
    public double closeFeeInRequirement(double price) {
        return rules.closeFeeRate() * position.notionalAt(price);
    }

    /** Maintenance requirement at price P: maintenance margin plus the close fee where the rules count it. */
    public double requirement(double price) {
        return rules.requirement(position, price);
    }

    /** Unrealized PnL at price P: side × Q × (P − EP). */
    public double unrealizedPnl(double price) {
        return position.unrealizedPnl(price);
    }

    /** True when maintenance is proportional to the notional at P (not fixed at the entry value). */
    public boolean maintenanceMovesWithPrice() {
        return !rules.measureAtEntry();
    }

    /** True when the bracket follows the notional at P, so its floors cut the price axis at P = floor / Q. */
    public boolean bracketMovesWithPrice() {
        return rules.bracketMoves();
    }
}
