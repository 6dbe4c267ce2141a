package com.perprisk.engine.simulation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that happened at one point of a simulation.
 *
 * @param step       index of the path point (0 = start)
 * @param timeHours  hours since the start
 * @param type       what happened
 * @param positionId the position concerned, or null for the cross pool as a whole
 * @param symbol     its market, or null
 * @param details    the figures of the event, in a stable order (numbers, strings, booleans)
 */
public record SimulationEvent(int step, double timeHours, Type type, String positionId, String symbol,
                              Map<String, Object> details) {

    /** Event types, as printed by {@code simulate}. */
    public enum Type {
        /** A funding settlement paid into or out of an isolated margin or the cross wallet. */
        FUNDING,
        /** A pool's margin ratio crossed above the warning level (80%). */
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

    public SimulationEvent {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
