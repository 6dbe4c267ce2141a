package com.perprisk.engine.explain;

import java.util.Optional;

/**
 * The name of one working in a map of explanations, as OpenGamma Strata's {@code ExplainKey} names the entries of
 * its explain map: a typed constant instead of a string, so that the engine that writes a working and the panel,
 * the command line and the comparison that read it cannot drift apart. Which figures each working covers is said
 * by {@link com.perprisk.engine.risk.Quantity#explainedBy()}.
 *
 * <p>Declared in the explain panel's order: the headline numbers first.
 */
public enum ExplainKey {
    LIQUIDATION_PRICE("liquidationPrice"),
    BANKRUPTCY_PRICE("bankruptcyPrice"),
    FILLABLE_PRICE("fillablePrice"),
    MARGIN_RATIO("marginRatio"),
    MAINTENANCE_MARGIN("maintenanceMargin"),
    INITIAL_MARGIN("initialMargin"),
    UNREALIZED_PNL("unrealizedPnl"),
    ROE("roe"),
    FUNDING_PER_SETTLEMENT("fundingPerSettlement"),
    FUNDING_OVER_HORIZON("fundingOverHorizon"),
    ADL_SCORE("adlScore"),
    AVAILABLE_BALANCE("availableBalance");

    private final String key;

    ExplainKey(String key) {
        this.key = key;
    }

    /** The name under {@code "explanations"} in calc's output: the JSON name of the figure it explains. */
    public String key() {
        return key;
    }

    /** The constant of a key as written in calc's output, if there is one. */
    public static Optional<ExplainKey> of(String key) {
        for (ExplainKey k : values()) {
            if (k.key.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
