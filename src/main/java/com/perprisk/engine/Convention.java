package com.perprisk.engine;

/**
 * A venue's way of measuring maintenance margin. One liquidation solver serves every venue; the convention is
 * its parameter, and this enum is the single place that says what each one changes (domain reference §3).
 */
public enum Convention {
    /** Binance USDⓈ-M: MM = N(P) × MMR − cum of the bracket that contains the notional at the mark price P. */
    BINANCE("Binance USDⓈ-M", PriceBasis.MARK, PriceBasis.MARK, TierSource.BRACKET, true, false,
            PartialLiquidation.TO_BRACKET_FLOOR, Waterfall.FEE_TO_FUND, Boundary.AT_REQUIREMENT, null,
            "MM = notional at mark × MMR − maintenance amount (cum) of the bracket at that notional"),
    /**
     * Bybit classic USDT: MM = entry value × MMR − deduction of the risk-limit tier of the entry value,
     * a constant while the price moves. Extra margin added to an isolated position raises its margin.
     */
    BYBIT("Bybit (classic USDT)", PriceBasis.ENTRY, PriceBasis.ENTRY, TierSource.BRACKET, true, false,
            PartialLiquidation.WHOLE, Waterfall.FEE_TO_FUND, Boundary.AT_REQUIREMENT, null,
            "MM = entry value × MMR − deduction, fixed at entry; extra margin adds to isolated margin"),
    /**
     * OKX: MM = N(P) × MMR with no maintenance amount, plus the taker fee to close: + takerFee × N(P). OKX counts
     * tiers in contracts (position size), so the tier does not change as the price moves; with tables in notional,
     * PerpRisk picks it by the entry notional Q × EP.
     */
    OKX("OKX", PriceBasis.MARK, PriceBasis.ENTRY, TierSource.BRACKET, false, true,
            PartialLiquidation.WHOLE, Waterfall.FEE_TO_FUND, Boundary.AT_REQUIREMENT, null,
            "MM = notional at mark × MMR of the tier of the position size (no deduction) + taker fee to close"
                    + " × notional at mark"),
    /** Hyperliquid: MMR of a tier = 1 / (2 × its max leverage), with the same deduction recursion as Binance. */
    HYPERLIQUID("Hyperliquid", PriceBasis.MARK, PriceBasis.MARK, TierSource.HALF_INITIAL_AT_MAX_LEVERAGE, true, false,
            PartialLiquidation.SLICES, Waterfall.FEE_TO_FUND, Boundary.AT_REQUIREMENT, 1.0,
            "MMR = 1 / (2 × max leverage) of the tier, maintenance deduction by the same recursion"),
    /** dYdX v4: no brackets; MM = |N(oracle)| × IMF × maintenance fraction. IMF grows with open interest. */
    DYDX("dYdX v4", PriceBasis.MARK, PriceBasis.MARK, TierSource.DYDX_LIQUIDITY_TIER, false, false,
            PartialLiquidation.WHOLE, Waterfall.PENALTY_REST_RETURNED, Boundary.BELOW_REQUIREMENT, 1.0,
            "MM = |notional at oracle| × IMF × maintenance fraction; IMF scales up with open interest"),

    // ---- coin-margined (inverse) contracts: notional N(P) = contracts × contract size / P in the settle coin ----
    /**
     * Binance COIN-M: Binance's rules on the coin notional, MM = N(P) × MMR − cum of the bracket containing N(P)
     * (brackets in coin), the FAQ's formula with WB, cum, MMR and contract size, one-way and hedge.
     */
    BINANCE_COINM("Binance COIN-M", PriceBasis.MARK, PriceBasis.MARK, TierSource.BRACKET, true, false,
            PartialLiquidation.TO_BRACKET_FLOOR, Waterfall.FEE_TO_FUND, Boundary.AT_REQUIREMENT, null,
            "MM = coin notional at mark × MMR − maintenance amount (cum) of the bracket at that notional",
            ContractType.INVERSE, false),
    /**
     * Bybit inverse: Bybit's rules on the coin value, MM = entry value × MMR − deduction, fixed at entry, and the fee
     * to close at the bankruptcy price held in the position margin (part of the requirement).
     */
    BYBIT_INVERSE("Bybit inverse", PriceBasis.ENTRY, PriceBasis.ENTRY, TierSource.BRACKET, true, false,
            PartialLiquidation.WHOLE, Waterfall.FEE_TO_FUND, Boundary.AT_REQUIREMENT, null,
            "MM = entry value in coin × MMR − deduction, fixed at entry, plus the fee to close at the bankruptcy"
                    + " price",
            ContractType.INVERSE, true),
    /**
     * BitMEX (XBTUSD), also Deribit: MM = coin notional at mark × MMR of the risk-limit step, no deduction (a higher
     * step charges the whole position at its rate), plus the taker fee to close on the coin notional at mark.
     */
    BITMEX("BitMEX / Deribit", PriceBasis.MARK, PriceBasis.MARK, TierSource.BRACKET, false, true,
            PartialLiquidation.WHOLE, Waterfall.FEE_TO_FUND, Boundary.AT_REQUIREMENT, null,
            "MM = coin notional at mark × MMR of the risk-limit step (no deduction) + taker fee to close × coin"
                    + " notional at mark",
            ContractType.INVERSE, false);

    /** Hyperliquid slices positions above this notional. */
    public static final double SLICE_ABOVE_NOTIONAL = 100_000;
    /** Share of the position closed by one Hyperliquid slice. */
    public static final double SLICE_SHARE = 0.2;
    /** dYdX v4 caps the liquidation penalty at 1.5% of the quote value of the fill. */
    public static final double DYDX_MAX_PENALTY_RATE = 0.015;
    /** Funding rates are compared at this interval: an 8-hour-equivalent rate. */
    public static final double REFERENCE_FUNDING_HOURS = 8;

    /** How the venue's liquidation engine closes a position that breaches maintenance. */
    public enum PartialLiquidation {
        /** The whole position at once. */
        WHOLE,
        /** Hyperliquid: 20% slices while the position's notional is above 100,000. */
        SLICES,
        /** Binance with a tiered table: reduce to the floor of the current bracket, bracket by bracket. */
        TO_BRACKET_FLOOR
    }

    /** Where the money of a fill better than bankruptcy goes. */
    public enum Waterfall {
        /** Binance, Bybit, OKX, Hyperliquid: the liquidation fee, then the rest of the surplus to the fund. */
        FEE_TO_FUND,
        /** dYdX v4: a penalty of at most 1.5% of the fill value to the fund, the rest back to the trader. */
        PENALTY_REST_RETURNED
    }

    /** Where a pool becomes liquidatable, comparing its margin balance with its maintenance requirement. */
    public enum Boundary {
        /** Margin ratio ≥ 100%: balance ≤ requirement. */
        AT_REQUIREMENT,
        /** dYdX v4: net collateral strictly below the maintenance requirement. */
        BELOW_REQUIREMENT
    }

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
    private final PriceBasis bracketSelectedAt;
    private final TierSource tierSource;
    private final boolean usesMaintenanceAmount;
    private final boolean closeFeeInRequirement;
    private final PartialLiquidation partialLiquidation;
    private final Waterfall waterfall;
    private final Boundary boundary;
    private final Double fundingEveryHours;
    private final String summary;
    private final ContractType contractType;
    private final boolean closeFeeAtBankruptcy;

    /** A linear convention (size in base units, money in the quote asset). */
    Convention(String venueName, PriceBasis maintenanceMeasuredAt, PriceBasis bracketSelectedAt, TierSource tierSource,
               boolean usesMaintenanceAmount, boolean closeFeeInRequirement, PartialLiquidation partialLiquidation,
               Waterfall waterfall, Boundary boundary, Double fundingEveryHours, String summary) {
        this(venueName, maintenanceMeasuredAt, bracketSelectedAt, tierSource, usesMaintenanceAmount,
                closeFeeInRequirement, partialLiquidation, waterfall, boundary, fundingEveryHours, summary,
                ContractType.LINEAR, false);
    }

    Convention(String venueName, PriceBasis maintenanceMeasuredAt, PriceBasis bracketSelectedAt, TierSource tierSource,
               boolean usesMaintenanceAmount, boolean closeFeeInRequirement, PartialLiquidation partialLiquidation,
               Waterfall waterfall, Boundary boundary, Double fundingEveryHours, String summary,
               ContractType contractType, boolean closeFeeAtBankruptcy) {
        this.contractType = contractType;
        this.closeFeeAtBankruptcy = closeFeeAtBankruptcy;
        this.venueName = venueName;
        this.maintenanceMeasuredAt = maintenanceMeasuredAt;
        this.bracketSelectedAt = bracketSelectedAt;
        this.tierSource = tierSource;
        this.usesMaintenanceAmount = usesMaintenanceAmount;
        this.closeFeeInRequirement = closeFeeInRequirement;
        this.partialLiquidation = partialLiquidation;
        this.waterfall = waterfall;
        this.boundary = boundary;
        this.fundingEveryHours = fundingEveryHours;
        this.summary = summary;
    }

    public String venueName() {
        return venueName;
    }

    /** The kind of contract this convention governs: LINEAR, or INVERSE for the coin-margined venues. */
    public ContractType contractType() {
        return contractType;
    }

    /** The conventions of one kind of contract, in declaration order (what a comparison of that kind runs). */
    public static java.util.List<Convention> of(ContractType type) {
        return java.util.Arrays.stream(values()).filter(c -> c.contractType == type).toList();
    }

    /**
     * Whether the fee to close at the bankruptcy price is held in the position margin, so that it is part of the
     * maintenance requirement as a constant: fee × N(bankruptcy price) (Bybit inverse).
     */
    public boolean closeFeeAtBankruptcy() {
        return closeFeeAtBankruptcy;
    }

    /** The quote asset a linear market of this venue settles in: USDC for Hyperliquid and dYdX, else USDT. */
    public String quoteAsset() {
        return this == HYPERLIQUID || this == DYDX ? "USDC" : "USDT";
    }

    public PriceBasis maintenanceMeasuredAt() {
        return maintenanceMeasuredAt;
    }

    /**
     * Price at which the bracket is chosen: the mark for Binance, Hyperliquid and dYdX (the bracket may change on
     * the way to liquidation), the entry for Bybit (risk limit of the entry value) and OKX (tier by position size).
     */
    public PriceBasis bracketSelectedAt() {
        return bracketSelectedAt;
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
        return summary;
    }

    public PartialLiquidation partialLiquidation() {
        return partialLiquidation;
    }

    public Waterfall waterfall() {
        return waterfall;
    }

    public Boundary liquidationBoundary() {
        return boundary;
    }

    /** Whether a pool with this margin balance and maintenance requirement is liquidatable under this venue. */
    public boolean liquidatable(double marginBalance, double requirement) {
        return boundary == Boundary.BELOW_REQUIREMENT ? marginBalance < requirement : marginBalance <= requirement;
    }

    /**
     * The quantity the venue's liquidation engine closes in one partial step of a position of this size at this
     * mark, or 0 when it closes the whole position (domain §4): Hyperliquid 20% while the notional is above 100,000;
     * Binance with a tiered table: down to the floor of the current bracket (the top of the next lower one).
     */
    public double partialCloseQuantity(double size, double markPrice, com.perprisk.engine.tier.TierTable tiers) {
        double notional = size * markPrice;
        return switch (partialLiquidation) {
            case WHOLE -> 0;
            // 20% of the position while its notional is above 100,000
            case SLICES -> notional > SLICE_ABOVE_NOTIONAL ? SLICE_SHARE * size : 0;
            case TO_BRACKET_FLOOR -> {
                if (tiers.size() <= 1) {
                    yield 0;
                }
                // reduce to the floor of the current bracket (the top of the next lower one)
                int k = tiers.bracketIndex(notional * (1 - 1e-9));
                yield k == 0 ? 0 : size - tiers.tier(k).floor() / markPrice;
            }
        };
    }

    /** Why a partial step closed what it did, in words (for the event log). */
    public String partialCloseReason(double size, double markPrice, com.perprisk.engine.tier.TierTable tiers) {
        return switch (partialLiquidation) {
            case WHOLE -> "closed in full";
            case SLICES -> venueName + ": 20% slice of a position above 100,000 notional";
            case TO_BRACKET_FLOOR -> "tier reduction: to the floor of bracket "
                    + (tiers.bracketIndex(size * markPrice * (1 - 1e-9)) + 1);
        };
    }

    /**
     * A market's funding terms carried to this venue at the same 8-hour-equivalent rate F₈ₕ = F × 8 / interval:
     * an hourly venue (Hyperliquid, dYdX) settles every hour at F₈ₕ / 8; another keeps the market's own interval,
     * or 8 h when the market came from an hourly venue.
     */
    public FundingTerms carryFunding(FundingTerms f, Convention from) {
        // F₈ₕ = F × 8 / interval
        double eightHour = f.rate() * REFERENCE_FUNDING_HOURS / f.intervalHours();
        if (fundingEveryHours != null) {
            // paid every hour at F₈ₕ / 8
            return new FundingTerms(eightHour / (REFERENCE_FUNDING_HOURS / fundingEveryHours), fundingEveryHours);
        }
        return from.fundingEveryHours != null ? new FundingTerms(eightHour, REFERENCE_FUNDING_HOURS) : f;
    }

    /** The venue's own funding interval in hours when it fixes one (hourly venues), else null (the market's). */
    public Double fundingEveryHours() {
        return fundingEveryHours;
    }
}
