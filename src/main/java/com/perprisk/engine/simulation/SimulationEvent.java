package com.perprisk.engine.simulation;

import com.perprisk.engine.Side;

/**
 * Something that happened at one point of a simulation: one record per kind, read by type (the playback log,
 * {@code simulate}'s JSON, the tests). Every event has its step, its time, the position concerned (null for the cross
 * pool as a whole) and its market (null for the cross pool).
 */
public sealed interface SimulationEvent {

    /** Event types, as printed by {@code simulate}. */
    enum Type {
        /** A funding settlement paid into or out of an isolated margin or the cross wallet. */
        FUNDING,
        /** A pool's margin ratio crossed above the warning level ({@link com.perprisk.engine.RiskPolicy}). */
        MARGIN_CALL,
        /** A position closed in full by the liquidation engine. */
        LIQUIDATION,
        /** A slice of a position closed by the liquidation engine (Hyperliquid 20%, tier-by-tier reduction). */
        PARTIAL_LIQUIDATION,
        /** The insurance fund received a surplus or paid a deficit. */
        INSURANCE_FUND,
        /** A counterparty closed at the bankruptcy price to cover what the fund could not. */
        ADL
    }

    /** Index of the path point (0 = start). */
    int step();

    /** Hours since the start. */
    double timeHours();

    /** The position concerned, or null for the cross pool as a whole. */
    String positionId();

    /** Its market, or null. */
    String symbol();

    Type type();

    /**
     * Funding settled: payment = −side × Q × MP × F × settlements (+ received, − paid).
     *
     * @param intoIsolated true: into the isolated margin; false: into the cross wallet
     * @param balanceAfter the isolated margin or the cross wallet after the payment
     */
    record Funding(int step, double timeHours, String positionId, String symbol, double rate, long settlements,
                   double markPrice, double payment, boolean intoIsolated, double balanceAfter)
            implements SimulationEvent {
        public Type type() {
            return Type.FUNDING;
        }
    }

    /**
     * A pool's margin ratio crossed above the warning level while it still had a surplus.
     *
     * @param cross       true for the cross pool (positionId and symbol null), false for an isolated position
     * @param marginRatio requirement / balance, null once the balance is gone
     * @param asset       the settle coin of an inverse contract's pool (its amounts are in it); null for the linear
     *                    quote pool
     */
    record MarginCall(int step, double timeHours, String positionId, String symbol, boolean cross,
                      Double marginRatio, double marginBalance, double maintenanceRequirement, String asset)
            implements SimulationEvent {
        /** A margin call of the linear quote pool. */
        public MarginCall(int step, double timeHours, String positionId, String symbol, boolean cross,
                          Double marginRatio, double marginBalance, double maintenanceRequirement) {
            this(step, timeHours, positionId, symbol, cross, marginRatio, marginBalance, maintenanceRequirement, null);
        }

        public Type type() {
            return Type.MARGIN_CALL;
        }
    }

    /**
     * Part of a position closed at the fill; its PnL stays in the pool, the fee leaves it.
     *
     * @param reason            the venue rule that sliced it, in words
     * @param marginRatioBefore the pool's margin ratio before (null once its balance is gone)
     * @param isolated          true: balanceAfter is the isolated margin; false: the cross wallet
     * @param marginRatioAfter  the pool's margin ratio after (null once its balance is gone)
     */
    record PartialLiquidation(int step, double timeHours, String positionId, String symbol, String reason,
                              double quantity, double fillPrice, double markPrice, double realizedPnl, double fee,
                              double remainingSize, Double marginRatioBefore, boolean isolated, double balanceAfter,
                              Double marginRatioAfter) implements SimulationEvent {
        public Type type() {
            return Type.PARTIAL_LIQUIDATION;
        }
    }

    /**
     * A position closed in full at the fill.
     *
     * @param marginBalanceAtFill isolated: M + side × Q × (fill − EP); null for a position of the cross pool
     * @param cross               true when the whole cross pool was closed
     */
    record Liquidation(int step, double timeHours, String positionId, String symbol, double quantity, Side side,
                       double fillPrice, double markPrice, Double liquidationPrice, Double bankruptcyPrice,
                       Double marginBalanceAtFill, boolean cross) implements SimulationEvent {
        public Type type() {
            return Type.LIQUIDATION;
        }
    }

    /**
     * The waterfall of one liquidation: surplus or deficit, what the fund paid, what is left for ADL.
     *
     * @param asset the settle coin of an inverse contract's pool (its amounts and fund are in it); null for the linear
     *              quote pool
     */
    record InsuranceFund(int step, double timeHours, String positionId, String symbol, double surplus, double deficit,
                         double coveredByFund, double leftForAdl, double fees, double returnedToTrader,
                         double fundBefore, double fundAfter, String asset) implements SimulationEvent {
        /** The waterfall of a liquidation in the linear quote pool. */
        public InsuranceFund(int step, double timeHours, String positionId, String symbol, double surplus,
                             double deficit, double coveredByFund, double leftForAdl, double fees,
                             double returnedToTrader, double fundBefore, double fundAfter) {
            this(step, timeHours, positionId, symbol, surplus, deficit, coveredByFund, leftForAdl, fees,
                    returnedToTrader, fundBefore, fundAfter, null);
        }

        public Type type() {
            return Type.INSURANCE_FUND;
        }
    }

    /**
     * A counterparty closed at the bankruptcy price by ADL.
     *
     * @param rank     its place in its side's queue (1 = first)
     * @param adlScore its ADL score (null when undefined)
     * @param amount   what was taken from it: quantity × per-unit deficit
     */
    record Adl(int step, double timeHours, String positionId, String symbol, String counterparty,
               Side counterpartySide, int rank, Double adlScore, double quantity, double price, double amount,
               double remainingSize) implements SimulationEvent {
        public Type type() {
            return Type.ADL;
        }
    }

    /** ADL ran out of opposite counterparties: the rest of the deficit is not covered. */
    record AdlShortfall(int step, double timeHours, String positionId, String symbol, double uncovered)
            implements SimulationEvent {
        /** The sentence shown for a shortfall. */
        public static final String NOTE = "no opposite counterparty left: the rest of the deficit is not covered";

        public Type type() {
            return Type.ADL;
        }
    }
}
