package com.perprisk.engine;

/**
 * The thresholds PerpRisk itself chooses (not a venue's rules, which live in {@link Convention}): where a warning
 * starts, where a distance turns amber or red, the default funding horizon. The engine, the command line and every
 * view read them from here.
 */
public final class RiskPolicy {
    /** Margin ratio from which a pool is in warning (amber) and a simulation raises a margin call: 80%. */
    public static final double MARGIN_WARNING_RATIO = 0.8;
    /** Margin ratio at which the balance has fallen to the requirement: liquidation (red), 100%. */
    public static final double LIQUIDATION_RATIO = 1.0;
    /** Distance to liquidation below which a position is in danger (red): 5% of the mark. */
    public static final double DANGER_DISTANCE = 0.05;
    /** Distance to liquidation below which a position needs caution (amber): 15% of the mark. */
    public static final double WARNING_DISTANCE = 0.15;
    /** Hours over which funding is projected when a workspace does not say: 720 h = 30 days. */
    public static final double DEFAULT_HORIZON_HOURS = 720;

    private RiskPolicy() {
    }
}
