package com.perprisk.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workspace file (format "perprisk-workspace", version 1 or 2) exactly as it is written: every field nullable so that
 * "left out" can be told from a value, enums kept as text so that a bad value gets a message naming the field.
 * {@link WorkspaceMapper} turns it into the engine's {@link com.perprisk.engine.Portfolio}. Unknown fields are kept
 * in {@code extra} maps and written back. A {@code null} extra map is read as empty. The format is documented in
 * {@code docs/workspace-format.md}.
 */
public record WorkspaceDocument(String format, Integer version, String name, AccountDoc account, Double horizonHours,
                                List<MarketDoc> markets, List<PositionDoc> positions, Map<String, Object> extra) {

    public static final String FORMAT = "perprisk-workspace";
    /** The newest version this reader reads: 2 (inverse contracts: {@code contract}, {@code account.coinWallets}). */
    public static final int CURRENT_VERSION = 2;
    /** The version without inverse contracts, read exactly as before and written for a workspace that has none. */
    public static final int LINEAR_VERSION = 1;

    public WorkspaceDocument {
        extra = copyExtra(extra);
        if (version != null && version >= LINEAR_VERSION && version <= CURRENT_VERSION) {
            // the version the document is written as: 2 only with version 2's fields
            version = needed(account, markets);
        }
    }

    /** A new, current-version document with no unknown fields. */
    public static WorkspaceDocument of(String name, AccountDoc account, Double horizonHours, List<MarketDoc> markets,
                                       List<PositionDoc> positions) {
        return new WorkspaceDocument(FORMAT, CURRENT_VERSION, name, account, horizonHours, markets, positions, null);
    }

    public WorkspaceDocument withName(String newName) {
        return new WorkspaceDocument(format, version, newName, account, horizonHours, markets, positions, extra);
    }

    public WorkspaceDocument withAccount(AccountDoc newAccount) {
        return new WorkspaceDocument(format, version, name, newAccount, horizonHours, markets, positions, extra);
    }

    public WorkspaceDocument withHorizonHours(Double hours) {
        return new WorkspaceDocument(format, version, name, account, hours, markets, positions, extra);
    }

    public WorkspaceDocument withMarkets(List<MarketDoc> newMarkets) {
        return new WorkspaceDocument(format, version, name, account, horizonHours, newMarkets, positions, extra);
    }

    public WorkspaceDocument withPositions(List<PositionDoc> newPositions) {
        return new WorkspaceDocument(format, version, name, account, horizonHours, markets, newPositions, extra);
    }

    /**
     * The version this document is written as: 2 when it uses a field of version 2 (a market's {@code contract}
     * block other than a LINEAR contract of size 1, or {@code account.coinWallets}), else 1, so that a workspace of
     * linear contracts stays readable by every PerpRisk.
     */
    public int versionNeeded() {
        return needed(account, markets);
    }

    private static int needed(AccountDoc account, List<MarketDoc> markets) {
        if (account != null && account.coinWallets() != null) {
            return CURRENT_VERSION;
        }
        if (markets != null) {
            for (MarketDoc m : markets) {
                if (m != null && m.contract() != null && !m.contract().isPlainLinear()) {
                    return CURRENT_VERSION;
                }
            }
        }
        return LINEAR_VERSION;
    }

    /** The same document with the market at {@code index} replaced. */
    public WorkspaceDocument withMarket(int index, MarketDoc market) {
        List<MarketDoc> list = new ArrayList<>(markets == null ? List.of() : markets);
        list.set(index, market);
        return withMarkets(list);
    }

    /** The same document with the position at {@code index} replaced. */
    public WorkspaceDocument withPosition(int index, PositionDoc position) {
        List<PositionDoc> list = new ArrayList<>(positions == null ? List.of() : positions);
        list.set(index, position);
        return withPositions(list);
    }

    /** The same document with a position appended. */
    public WorkspaceDocument plusPosition(PositionDoc position) {
        List<PositionDoc> list = new ArrayList<>(positions == null ? List.of() : positions);
        list.add(position);
        return withPositions(list);
    }

    /** The same document without the position at {@code index}. */
    public WorkspaceDocument minusPosition(int index) {
        List<PositionDoc> list = new ArrayList<>(positions == null ? List.of() : positions);
        list.remove(index);
        return withPositions(list);
    }

    /** An id no position of this document uses yet: "p1", "p2", … */
    public String nextPositionId() {
        java.util.Set<String> used = new java.util.HashSet<>();
        if (positions != null) {
            positions.stream().filter(p -> p != null && p.id() != null).forEach(p -> used.add(p.id()));
        }
        int n = 1;
        while (used.contains("p" + n)) {
            n++;
        }
        return "p" + n;
    }

    /**
     * {@code walletBalance}: the linear quote pool's cross wallet; {@code positionMode}: ONE_WAY or HEDGE;
     * {@code coinWallets} (version 2): the cross wallet of each settlement coin, e.g. {"BTC": 1.5}, or null.
     */
    public record AccountDoc(Double walletBalance, String positionMode, Map<String, Double> coinWallets,
                             Map<String, Object> extra) {
        public AccountDoc {
            extra = copyExtra(extra);
            coinWallets = coinWallets == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(coinWallets));
        }

        public AccountDoc(Double walletBalance, String positionMode, Map<String, Object> extra) {
            this(walletBalance, positionMode, null, extra);
        }

        public AccountDoc(Double walletBalance, String positionMode) {
            this(walletBalance, positionMode, null, null);
        }

        public AccountDoc withCoinWallets(Map<String, Double> wallets) {
            return new AccountDoc(walletBalance, positionMode, wallets, extra);
        }
    }

    /**
     * A market's {@code contract} block (version 2): {@code type} LINEAR or INVERSE; {@code contractSize} the value
     * of one contract in the quote currency; {@code settleAsset} the coin an inverse contract settles in.
     */
    public record ContractDoc(String type, Double contractSize, String settleAsset, Map<String, Object> extra) {
        public ContractDoc {
            extra = copyExtra(extra);
        }

        public ContractDoc(String type, Double contractSize, String settleAsset) {
            this(type, contractSize, settleAsset, null);
        }

        /** A LINEAR contract of size 1 (or no size) with nothing else: the same as no block (a version 1 market). */
        public boolean isPlainLinear() {
            return "LINEAR".equals(type) && (contractSize == null || contractSize == 1) && settleAsset == null
                    && extra.isEmpty();
        }
    }

    /** One market with its prices, convention, tiers (or dYdX parameters), funding and optional dated future. */
    public record MarketDoc(String symbol, String convention, Double markPrice, Double indexPrice, Double takerFeeRate,
                            List<TierDoc> tiers, DydxDoc dydx, FundingDoc funding, FutureDoc future,
                            Map<String, Object> extra, ContractDoc contract) {
        public MarketDoc {
            extra = copyExtra(extra);
        }

        /** A market without a contract block: a linear contract (version 1). */
        public MarketDoc(String symbol, String convention, Double markPrice, Double indexPrice, Double takerFeeRate,
                         List<TierDoc> tiers, DydxDoc dydx, FundingDoc funding, FutureDoc future,
                         Map<String, Object> extra) {
            this(symbol, convention, markPrice, indexPrice, takerFeeRate, tiers, dydx, funding, future, extra, null);
        }

        public MarketDoc withContract(ContractDoc newContract) {
            return new MarketDoc(symbol, convention, markPrice, indexPrice, takerFeeRate, tiers, dydx, funding, future,
                    extra, newContract);
        }

        public MarketDoc withMarkPrice(Double mark) {
            return new MarketDoc(symbol, convention, mark, indexPrice, takerFeeRate, tiers, dydx, funding, future,
                    extra, contract);
        }

        public MarketDoc withTiers(List<TierDoc> newTiers) {
            return new MarketDoc(symbol, convention, markPrice, indexPrice, takerFeeRate, newTiers, dydx, funding,
                    future, extra, contract);
        }

        public MarketDoc withDydx(DydxDoc newDydx) {
            return new MarketDoc(symbol, convention, markPrice, indexPrice, takerFeeRate, tiers, newDydx, funding,
                    future, extra, contract);
        }

        public MarketDoc withConvention(String newConvention) {
            return new MarketDoc(symbol, newConvention, markPrice, indexPrice, takerFeeRate, tiers, dydx, funding,
                    future, extra, contract);
        }

        public MarketDoc withFunding(FundingDoc newFunding) {
            return new MarketDoc(symbol, convention, markPrice, indexPrice, takerFeeRate, tiers, dydx, newFunding,
                    future, extra, contract);
        }

        public MarketDoc withFuture(FutureDoc newFuture) {
            return new MarketDoc(symbol, convention, markPrice, indexPrice, takerFeeRate, tiers, dydx, funding,
                    newFuture, extra, contract);
        }
    }

    /** A bracket; {@code mmr} may be left out for Hyperliquid, {@code maintenanceAmount} anywhere. */
    public record TierDoc(Double floor, Double cap, Double maxLeverage, Double mmr, Double maintenanceAmount,
                          Map<String, Object> extra) {
        public TierDoc {
            extra = copyExtra(extra);
        }

        public TierDoc(Double floor, Double cap, Double maxLeverage, Double mmr, Double maintenanceAmount) {
            this(floor, cap, maxLeverage, mmr, maintenanceAmount, null);
        }
    }

    public record DydxDoc(Double initialMarginFraction, Double maintenanceFraction, Double openInterestNotional,
                          Double oiLowerCap, Double oiUpperCap, Map<String, Object> extra) {
        public DydxDoc {
            extra = copyExtra(extra);
        }
    }

    /** {@code rate} per settlement, {@code intervalHours} between settlements. */
    public record FundingDoc(Double rate, Double intervalHours, Map<String, Object> extra) {
        public FundingDoc {
            extra = copyExtra(extra);
        }
    }

    public record FutureDoc(Double price, Double daysToExpiry, Map<String, Object> extra) {
        public FutureDoc {
            extra = copyExtra(extra);
        }
    }

    /** {@code side}: LONG or SHORT; {@code marginMode}: CROSS or ISOLATED. */
    public record PositionDoc(String id, String symbol, String side, Double size, Double entryPrice, Double leverage,
                              String marginMode, Double isolatedMargin, Double extraMargin,
                              Map<String, Object> extra) {
        public PositionDoc {
            extra = copyExtra(extra);
        }

        public PositionDoc withSize(Double newSize) {
            return new PositionDoc(id, symbol, side, newSize, entryPrice, leverage, marginMode, isolatedMargin,
                    extraMargin, extra);
        }

        public PositionDoc withLeverage(Double newLeverage) {
            return new PositionDoc(id, symbol, side, size, entryPrice, newLeverage, marginMode, isolatedMargin,
                    extraMargin, extra);
        }

        public PositionDoc withEntryPrice(Double newEntry) {
            return new PositionDoc(id, symbol, side, size, newEntry, leverage, marginMode, isolatedMargin,
                    extraMargin, extra);
        }

        public PositionDoc withMarginMode(String mode) {
            return new PositionDoc(id, symbol, side, size, entryPrice, leverage, mode, isolatedMargin, extraMargin,
                    extra);
        }

        public PositionDoc withMargins(Double newIsolatedMargin, Double newExtraMargin) {
            return new PositionDoc(id, symbol, side, size, entryPrice, leverage, marginMode, newIsolatedMargin,
                    newExtraMargin, extra);
        }
    }

    /** Unknown fields as an unmodifiable, order-keeping copy (null values allowed); {@code null} reads as empty. */
    static Map<String, Object> copyExtra(Map<String, Object> given) {
        if (given == null || given.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(given));
    }
}
