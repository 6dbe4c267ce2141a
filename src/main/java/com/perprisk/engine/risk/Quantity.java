package com.perprisk.engine.risk;

import com.perprisk.engine.explain.ExplainKey;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;


/**
 * The vocabulary of results: every figure the engine reports, named once with its JSON name (as {@code calc} writes
 * it), its label, its unit, what it is, and the working that explains it. {@code calc}'s JSON, the results CSV, the
 * explain panel, the venue comparison, the tables' tooltips and the field list in {@code docs/workspace-format.md}
 * are all generated from this list; nothing else names a result field.
 *
 * <p>Declared per scope in output order: the order of the fields in {@code calc}'s objects and the CSV's columns.
 */
public enum Quantity {
    // ---- a position ({@link PositionRisk}) ----
    ID(Scope.POSITION, "id", "Position", Unit.TEXT, null, "the position's id"),
    SYMBOL(Scope.POSITION, "symbol", "Market", Unit.TEXT, null, "the position's market"),
    SIDE(Scope.POSITION, "side", "Side", Unit.TEXT, null, "LONG or SHORT"),
    MARGIN_MODE(Scope.POSITION, "marginMode", "Margin mode", Unit.TEXT, null, "CROSS or ISOLATED"),
    NOTIONAL(Scope.POSITION, "notional", "Notional", Unit.QUOTE, ExplainKey.MAINTENANCE_MARGIN, "Size × mark price"),
    UNREALIZED_PNL(Scope.POSITION, "unrealizedPnl", "Unrealized PnL", Unit.QUOTE, ExplainKey.UNREALIZED_PNL,
            "Unrealized PnL at the mark: side × size × (mark − entry)"),
    ROE(Scope.POSITION, "roe", "ROE", Unit.RATIO, ExplainKey.ROE, "Return on initial margin: uPnL / IM"),
    INITIAL_MARGIN(Scope.POSITION, "initialMargin", "Initial margin", Unit.QUOTE, ExplainKey.INITIAL_MARGIN,
            "Initial margin: entry notional / leverage"),
    MAINTENANCE_MARGIN(Scope.POSITION, "maintenanceMargin", "Maintenance margin", Unit.QUOTE,
            ExplainKey.MAINTENANCE_MARGIN,
            "Maintenance margin under the market's convention (at the mark, or at the entry value for Bybit)"),
    MAINTENANCE_MARGIN_RATE(Scope.POSITION, "maintenanceMarginRate", "MMR", Unit.RATIO, ExplainKey.MAINTENANCE_MARGIN,
            "Maintenance margin rate of the bracket the maintenance margin was taken from"),
    BRACKET(Scope.POSITION, "bracket", "Bracket", Unit.COUNT, ExplainKey.MAINTENANCE_MARGIN,
            "1-based number of that bracket in the market's tier table"),
    MARGIN(Scope.POSITION, "margin", "Margin", Unit.QUOTE, ExplainKey.MARGIN_RATIO,
            "Margin backing the position: its isolated margin, or the cross margin balance"),
    LIQUIDATION_PRICE(Scope.POSITION, "liquidationPrice", "Liquidation price", Unit.PRICE, ExplainKey.LIQUIDATION_PRICE,
            "Mark price at which margin balance = maintenance requirement"),
    BANKRUPTCY_PRICE(Scope.POSITION, "bankruptcyPrice", "Bankruptcy price", Unit.PRICE, ExplainKey.BANKRUPTCY_PRICE,
            "Mark price at which margin balance = 0"),
    DISTANCE_TO_LIQUIDATION(Scope.POSITION, "distanceToLiquidation", "Distance to liquidation", Unit.RATIO,
            ExplainKey.LIQUIDATION_PRICE,
            "Distance from mark to liquidation: |mark − LP| / mark, negative once past it"),
    MARGIN_RATIO(Scope.POSITION, "marginRatio", "Margin ratio", Unit.RATIO, ExplainKey.MARGIN_RATIO,
            "Maintenance requirement / margin balance of the pool the position is in (its own if isolated);"
                    + " 1 means liquidation"),
    ADL_SCORE(Scope.POSITION, "adlScore", "ADL score", Unit.SCORE, ExplainKey.ADL_SCORE,
            "PnL% / (MM / value at mark), PnL% = uPnL / max(1, entry value)"),
    ADL_QUINTILE(Scope.POSITION, "adlQuintile", "ADL lights", Unit.COUNT, ExplainKey.ADL_SCORE,
            "Auto-deleveraging queue: lights lit = quintile among same-side positions (5 = first in line)"),
    FUNDING_PER_SETTLEMENT(Scope.POSITION, "fundingPerSettlement", "Funding per settlement", Unit.QUOTE,
            ExplainKey.FUNDING_PER_SETTLEMENT, "Funding at the next settlement: + received, − paid"),
    FUNDING_OVER_HORIZON(Scope.POSITION, "fundingOverHorizon", "Funding over the horizon", Unit.QUOTE,
            ExplainKey.FUNDING_OVER_HORIZON, "Funding over the workspace's horizon at the current mark and rate"),
    FILLABLE_PRICE(Scope.POSITION, "fillablePrice", "Fillable price", Unit.PRICE, ExplainKey.FILLABLE_PRICE,
            "DYDX positions only (absent otherwise): the price a liquidation order of the whole position would be"
                    + " placed at, (PNNV − ABR × SMMR × PMMR) / PS with the totals of its margin pool at the mark"),
    MARGIN_ASSET(Scope.POSITION, "marginAsset", "Margin asset", Unit.TEXT, null,
            "Present when the workspace has an inverse contract or a coin wallet: the asset the position's amounts"
                    + " (notional, PnL,"
                    + " margins, funding) are in, the settle coin of an inverse contract (whose size is in contracts"
                    + " and prices in the quote currency), else the quote asset"),

    // ---- the account's cross pool ({@link AccountRisk}) ----
    WALLET_BALANCE(Scope.ACCOUNT, "walletBalance", "Wallet balance", Unit.QUOTE, null,
            "Cross wallet balance (WB)"),
    ACCOUNT_UNREALIZED_PNL(Scope.ACCOUNT, "unrealizedPnl", "Unrealized PnL", Unit.QUOTE, ExplainKey.MARGIN_RATIO,
            "Σ unrealized PnL of cross positions at the mark"),
    MARGIN_BALANCE(Scope.ACCOUNT, "marginBalance", "Margin balance", Unit.QUOTE,
            ExplainKey.MARGIN_RATIO, "WB + Σ uPnL"),
    ACCOUNT_INITIAL_MARGIN(Scope.ACCOUNT, "initialMargin", "Initial margin", Unit.QUOTE, ExplainKey.AVAILABLE_BALANCE,
            "Σ initial margin of cross positions"),
    ACCOUNT_MAINTENANCE_MARGIN(Scope.ACCOUNT, "maintenanceMargin", "Maintenance margin", Unit.QUOTE,
            ExplainKey.MAINTENANCE_MARGIN, "Σ maintenance margin of cross positions"),
    ACCOUNT_MARGIN_RATIO(Scope.ACCOUNT, "marginRatio", "Margin ratio", Unit.RATIO, ExplainKey.MARGIN_RATIO,
            "Maintenance requirement / margin balance of the cross pool; 1 means liquidation; null when the"
                    + " margin balance is ≤ 0 with positions open"),
    AVAILABLE_BALANCE(Scope.ACCOUNT, "availableBalance", "Available balance", Unit.QUOTE, ExplainKey.AVAILABLE_BALANCE,
            "max(0, margin balance − initial margin): what can still open positions or be withdrawn"),

    // ---- a margin pool ({@link PoolRisk}): the asset, then the account's fields in that asset ----
    POOL_ASSET(Scope.POOL, "asset", "Asset", Unit.TEXT, null,
            "Present when the workspace has an inverse contract or a coin wallet, one pool per asset: the linear"
                    + " quote pool (the top-level account) first, then each coin's cross pool; the account's fields"
                    + " follow, in that asset (with --explain, their workings)"),

    // ---- a market ({@link MarketRisk}) ----
    MARKET_SYMBOL(Scope.MARKET, "symbol", "Market", Unit.TEXT, null, "the market's symbol"),
    PREMIUM(Scope.MARKET, "premium", "Premium", Unit.RATIO, null, "(mark − index) / index"),
    FUNDING_APR(Scope.MARKET, "fundingApr", "Funding APR", Unit.RATIO, null, "rate × settlements per year"),
    FUNDING_APY(Scope.MARKET, "fundingApy", "Funding APY", Unit.RATIO, null,
            "(1 + rate)^(settlements per year) − 1"),
    BASIS(Scope.MARKET, "basis", "Basis", Unit.QUOTE, null, "future − index; null without a dated future"),
    BASIS_RATE(Scope.MARKET, "basisRate", "Basis rate", Unit.RATIO, null, "(future − index) / index"),
    ANNUALIZED_BASIS(Scope.MARKET, "annualizedBasis", "Annualized basis", Unit.RATIO, null,
            "basis rate × 365 / days to expiry");

    /** Whose figure it is: the object it sits in in calc's output. */
    public enum Scope {
        ACCOUNT("account"), POOL("pools"), POSITION("positions"), MARKET("markets");

        private final String json;

        Scope(String json) {
            this.json = json;
        }

        /** The field of calc's output that holds this scope's figures. */
        public String json() {
            return json;
        }
    }

    /** What kind of value it is: how it is written (text, whole number, number) and shown. */
    public enum Unit {
        /** an identifier or a name (JSON string) */
        TEXT("text"),
        /** an amount of the quote currency (USDT) */
        QUOTE("quote"),
        /** a mark price (quote per base) */
        PRICE("price"),
        /** a fraction, shown in % (0.05 = 5%) */
        RATIO("ratio"),
        /** a whole number (JSON integer) */
        COUNT("count"),
        /** a dimensionless score */
        SCORE("score");

        private final String word;

        Unit(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    private final Scope scope;
    private final String key;
    private final String label;
    private final Unit unit;
    private final ExplainKey explainedBy;
    private final String description;

    Quantity(Scope scope, String key, String label, Unit unit, ExplainKey explainedBy, String description) {
        this.scope = scope;
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.explainedBy = explainedBy;
        this.description = description;
    }

    public Scope scope() {
        return scope;
    }

    /** The JSON field name, as calc writes it and the CSV heads its column. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    /** What it is, in one line: the tables' tooltip and the documentation's field list. */
    public String description() {
        return description;
    }

    /** The working that explains it (its own, or the one it comes from), or null when there is none. */
    public ExplainKey explainedBy() {
        return explainedBy;
    }

    /**
     * Whether calc leaves the field out where the figure does not exist (instead of writing null): a figure only some
     * conventions have, so that the others' output is unchanged.
     */
    public boolean omittedWhenAbsent() {
        return this == FILLABLE_PRICE || this == MARGIN_ASSET;
    }

    /** Whether {@link #explainedBy()} is this figure's own working (keyed by its JSON name). */
    public boolean hasOwnWorking() {
        return explainedBy != null && explainedBy.key().equals(key);
    }

    private static final Map<Scope, List<Quantity>> BY_SCOPE = new EnumMap<>(Scope.class);

    static {
        for (Scope scope : Scope.values()) {
            List<Quantity> list = new ArrayList<>();
            for (Quantity q : values()) {
                if (q.scope == scope) {
                    list.add(q);
                }
            }
            BY_SCOPE.put(scope, List.copyOf(list));
        }
    }

    /** The figures of a scope, in output order. */
    public static List<Quantity> of(Scope scope) {
        return BY_SCOPE.get(scope);
    }

    /** The figure whose own working a key is: the position's, or the account's when no position figure has it. */
    public static Quantity withWorking(ExplainKey k) {
        Quantity found = null;
        for (Quantity q : values()) {
            if (q.hasOwnWorking() && q.explainedBy == k && (found == null || q.scope == Scope.POSITION)) {
                found = q;
            }
        }
        if (found == null) {
            throw new IllegalStateException(k + " explains no figure");
        }
        return found;
    }

    /** The figure of a scope with a JSON name, if there is one. */
    public static java.util.Optional<Quantity> of(Scope scope, String key) {
        for (Quantity q : values()) {
            if (q.scope == scope && q.key.equals(key)) {
                return java.util.Optional.of(q);
            }
        }
        return java.util.Optional.empty();
    }

    /** This figure of a position: a String, an Integer, or a Double (null where it does not exist). */
    public Object of(PositionRisk r) {
        return switch (this) {
            case ID -> r.id();
            case SYMBOL -> r.symbol();
            case SIDE -> r.side() == null ? null : r.side().name();
            case MARGIN_MODE -> r.marginMode() == null ? null : r.marginMode().name();
            case NOTIONAL -> r.notional();
            case UNREALIZED_PNL -> r.unrealizedPnl();
            case ROE -> r.roe();
            case INITIAL_MARGIN -> r.initialMargin();
            case MAINTENANCE_MARGIN -> r.maintenanceMargin();
            case MAINTENANCE_MARGIN_RATE -> r.maintenanceMarginRate();
            case BRACKET -> r.bracket();
            case MARGIN -> r.margin();
            case LIQUIDATION_PRICE -> r.liquidationPrice();
            case BANKRUPTCY_PRICE -> r.bankruptcyPrice();
            case DISTANCE_TO_LIQUIDATION -> r.distanceToLiquidation();
            case MARGIN_RATIO -> r.marginRatio();
            case ADL_SCORE -> r.adlScore();
            case ADL_QUINTILE -> r.adlQuintile();
            case FUNDING_PER_SETTLEMENT -> r.fundingPerSettlement();
            case FUNDING_OVER_HORIZON -> r.fundingOverHorizon();
            case FILLABLE_PRICE -> r.fillablePrice();
            case MARGIN_ASSET -> r.marginAsset();
            default -> throw new IllegalArgumentException(this + " is not a position's figure");
        };
    }

    /** This figure of the account (a Double, null where it does not exist). */
    public Object of(AccountRisk a) {
        return switch (this) {
            case WALLET_BALANCE -> a.walletBalance();
            case ACCOUNT_UNREALIZED_PNL -> a.unrealizedPnl();
            case MARGIN_BALANCE -> a.marginBalance();
            case ACCOUNT_INITIAL_MARGIN -> a.initialMargin();
            case ACCOUNT_MAINTENANCE_MARGIN -> a.maintenanceMargin();
            case ACCOUNT_MARGIN_RATIO -> a.marginRatio();
            case AVAILABLE_BALANCE -> a.availableBalance();
            default -> throw new IllegalArgumentException(this + " is not an account figure");
        };
    }

    /** This figure of a pool: its asset, or the account figure of the pool (a Double, null where it does not exist). */
    public Object of(PoolRisk p) {
        return this == POOL_ASSET ? p.asset() : of(p.figures());
    }

    /** This figure of a market: a String or a Double (null where it does not exist). */
    public Object of(MarketRisk m) {
        return switch (this) {
            case MARKET_SYMBOL -> m.symbol();
            case PREMIUM -> m.premium();
            case FUNDING_APR -> m.fundingApr();
            case FUNDING_APY -> m.fundingApy();
            case BASIS -> m.basis();
            case BASIS_RATE -> m.basisRate();
            case ANNUALIZED_BASIS -> m.annualizedBasis();
            default -> throw new IllegalArgumentException(this + " is not a market figure");
        };
    }
}
