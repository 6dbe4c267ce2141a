package com.perprisk.engine;

/**
 * A venue's way of measuring maintenance margin. One liquidation solver serves every venue; the convention is
 * its parameter, and this enum is the single place that says what each one changes (domain reference §3).
 */
public enum Convention {
    /** Binance USDⓈ-M: MM = N(P) × MMR − cum of the bracket that contains the notional at the mark price P. */
    BINANCE("Binance USDⓈ-M", PriceBasis.MARK, TierSource.BRACKET, true, false),
    /**
     * Bybit classic USDT: MM = entry value × MMR − deduction of the risk-limit tier of the entry value,
     * a constant while the price moves. Extra margin added to an isolated position raises its margin.
     */
    BYBIT("Bybit (classic USDT)", PriceBasis.ENTRY, TierSource.BRACKET, true, false),
    /**
     * OKX: MM = N(P) × MMR with no maintenance amount, plus the taker fee to close: + takerFee × N(P). OKX counts
     * tiers in contracts (position size), so the tier does not change as the price moves; with tables in notional,
     * PerpRisk picks it by the entry notional Q × EP.
     */
    OKX("OKX", PriceBasis.MARK, TierSource.BRACKET, false, true),
    /** Hyperliquid: MMR of a tier = 1 / (2 × its max leverage), with the same deduction recursion as Binance. */
    HYPERLIQUID("Hyperliquid", PriceBasis.MARK, TierSource.HALF_INITIAL_AT_MAX_LEVERAGE, true, false),
    /** dYdX v4: no brackets; MM = |N(oracle)| × IMF × maintenance fraction. IMF grows with open interest. */
    DYDX("dYdX v4", PriceBasis.MARK, TierSource.DYDX_LIQUIDITY_TIER, false, false);

    /** Price at which the maintenance notional is measured. */
    public enum PriceBasis {
        /** The mark (oracle) price, so MM moves with the price and the bracket may change on the way to liquidation. */
        MARK,
        /** The entry price: MM is fixed when the position opens. */
        ENTRY
    }

    /** Where the maintenance margin rate of a notional comes from. */
    public enum TierSource {
        /** The MMR column of the tier table. */
        BRACKET,
        /** 1 / (2 × max leverage) of the tier: maintenance is half the initial margin at max leverage. */
        HALF_INITIAL_AT_MAX_LEVERAGE,
        /** Initial margin fraction × maintenance fraction of the market's liquidity tier. */
        DYDX_LIQUIDITY_TIER
    }

    private final String venueName;
    private final PriceBasis maintenanceMeasuredAt;
    private final TierSource tierSource;
    private final boolean usesMaintenanceAmount;
    private final boolean closeFeeInRequirement;

    Convention(String venueName, PriceBasis maintenanceMeasuredAt, TierSource tierSource,
               boolean usesMaintenanceAmount, boolean closeFeeInRequirement) {
        this.venueName = venueName;
        this.maintenanceMeasuredAt = maintenanceMeasuredAt;
        this.tierSource = tierSource;
        this.usesMaintenanceAmount = usesMaintenanceAmount;
        this.closeFeeInRequirement = closeFeeInRequirement;
    }

    public String venueName() {
        return venueName;
    }

    public PriceBasis maintenanceMeasuredAt() {
        return maintenanceMeasuredAt;
    }

    /**
     * Price at which the bracket is chosen: the mark for Binance, Hyperliquid and dYdX (the bracket may change on
     * the way to liquidation), the entry for Bybit (risk limit of the entry value) and OKX (tier by position size).
     */
    public PriceBasis bracketSelectedAt() {
        return this == OKX ? PriceBasis.ENTRY : maintenanceMeasuredAt;
    }

    public TierSource tierSource() {
        return tierSource;
    }

    /** Whether the bracket's maintenance amount (cum, deduction) is subtracted from N × MMR. */
    public boolean usesMaintenanceAmount() {
        return usesMaintenanceAmount;
    }

    /** Whether the taker fee to close the position at P is part of the maintenance requirement. */
    public boolean closeFeeInRequirement() {
        return closeFeeInRequirement;
    }

    /** One line for a teacher: what this convention does differently. */
    public String summary() {
        return switch (this) {
            case BINANCE -> "MM = notional at mark × MMR − maintenance amount (cum) of the bracket at that notional";
            case BYBIT -> "MM = entry value × MMR − deduction, fixed at entry; extra margin adds to isolated margin";
            case OKX -> "MM = notional at mark × MMR of the tier of the position size (no deduction) + taker fee to close × notional at mark";
            case HYPERLIQUID -> "MMR = 1 / (2 × max leverage) of the tier, maintenance deduction by the same recursion";
            case DYDX -> "MM = |notional at oracle| × IMF × maintenance fraction; IMF scales up with open interest";
        };
    }
}
