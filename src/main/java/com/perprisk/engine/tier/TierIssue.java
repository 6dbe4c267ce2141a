package com.perprisk.engine.tier;

/**
 * A problem with one bracket of a tier table.
 *
 * @param tierIndex index of the bracket (0-based), or −1 for the table as a whole
 * @param field     the bracket field at fault: floor, cap, maxLeverage, mmr, maintenanceAmount; or "tiers"
 * @param severity  an ERROR makes the table unusable; a WARNING is shown and the given value is used as given
 * @param message   one sentence naming the problem and the values
 */
public record TierIssue(int tierIndex, String field, Severity severity, String message) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
