package com.perprisk.engine.liquidation;

import com.perprisk.engine.Convention;
import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.tier.TierTable;

/**
 * The maintenance requirement of a leg broken into the factors venues disagree on, each switchable on its own:
 * where MM is measured (entry or P), where the bracket is chosen, which table (MMR source), whether the maintenance
 * amount is deducted, and the close fee in the requirement. {@link #of(Market)} gives exactly what the market's
 * convention does, and is what every {@link Leg} uses unless told otherwise; the venue comparison and the reconciler
 * switch one factor at a time and hand the result to the same solver.
 *
 * @param table          the tier table (MMR and maintenance amount source)
 * @param measureAtEntry MM = entry value × MMR − amount of the entry bracket, fixed while the price moves (Bybit)
 * @param bracketAtEntry the bracket is the entry notional's, but MM is measured on Q × P (OKX)
 * @param useAmount      subtract the bracket's maintenance amount (cum, deduction)
 * @param closeFeeRate   taker fee to close counted in the requirement: + rate × Q × P (0 for none)
 */
public record MarginRules(TierTable table, boolean measureAtEntry, boolean bracketAtEntry, boolean useAmount,
                          double closeFeeRate) {

    /** The rules of the market's own convention. */
    public static MarginRules of(Market m) {
        return of(m.convention(), m.tiers(), m.takerFeeRate());
    }

    /** The rules a convention applies to a table. */
    public static MarginRules of(Convention c, TierTable table, double takerFeeRate) {
        return new MarginRules(table, c.maintenanceMeasuredAt() == Convention.PriceBasis.ENTRY,
                c.bracketSelectedAt() == Convention.PriceBasis.ENTRY, c.usesMaintenanceAmount(),
                c.closeFeeInRequirement() ? takerFeeRate : 0);
    }

    public MarginRules withMeasureAtEntry(boolean atEntry) {
        return new MarginRules(table, atEntry, bracketAtEntry, useAmount, closeFeeRate);
    }

    public MarginRules withBracketAtEntry(boolean atEntry) {
        return new MarginRules(table, measureAtEntry, atEntry, useAmount, closeFeeRate);
    }

    public MarginRules withTable(TierTable t) {
        return new MarginRules(t, measureAtEntry, bracketAtEntry, useAmount, closeFeeRate);
    }

    public MarginRules withAmount(boolean use) {
        return new MarginRules(table, measureAtEntry, bracketAtEntry, use, closeFeeRate);
    }

    public MarginRules withCloseFee(double rate) {
        return new MarginRules(table, measureAtEntry, bracketAtEntry, useAmount, rate);
    }

    /** Whether the bracket follows Q × P, so bracket floors cut the price axis at P = floor / Q. */
    public boolean bracketMoves() {
        return !measureAtEntry && !bracketAtEntry;
    }

    /** Notional that picks the bracket: Q × P, or Q × EP where the tier is fixed at entry (Bybit, OKX). */
    public double bracketNotional(Position p, double price) {
        return bracketMoves() ? p.notionalAt(price) : p.entryNotional();
    }

    /** Bracket index used at price P. */
    public int bracketIndex(Position p, double price) {
        return table.bracketIndex(bracketNotional(p, price));
    }

    /** {@link #bracketIndex(Position, double)} from a guessed bracket (the same answer, found sooner near it). */
    public int bracketIndex(Position p, double price, int hint) {
        return table.bracketIndex(bracketNotional(p, price), hint);
    }

    /** Maintenance margin at P: N × MMR_k − amount_k, N = Q × P (or Q × EP when measured at entry). */
    public double maintenanceMargin(Position p, double price) {
        return maintenanceMargin(p, price, bracketIndex(p, price));
    }

    /** {@link #maintenanceMargin(Position, double)} in bracket k, which the caller has found for this price. */
    public double maintenanceMargin(Position p, double price, int k) {
        double n = measureAtEntry ? p.entryNotional() : p.notionalAt(price);
        // MM = N × MMR_k − amount_k (amount only where deducted)
        return n * table.mmrOf(k) - (useAmount ? table.maintenanceAmountOf(k) : 0);
    }

    /** Requirement at P: MM + close fee rate × Q × P. */
    public double requirement(Position p, double price) {
        return requirement(p, price, bracketIndex(p, price));
    }

    /** {@link #requirement(Position, double)} in bracket k, which the caller has found for this price. */
    public double requirement(Position p, double price, int k) {
        return requirement(maintenanceMargin(p, price, k), p, price);
    }

    /** {@link #requirement(Position, double)} from the maintenance margin the caller has computed at this price. */
    public double requirement(double maintenanceMargin, Position p, double price) {
        // requirement = MM + fee × Q × P
        return maintenanceMargin + closeFeeRate * p.notionalAt(price);
    }
}
