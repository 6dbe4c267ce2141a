package com.perprisk.io;

import java.util.List;
import java.util.Map;

/**
 * A workspace file (format "perprisk-workspace", version 1) exactly as it is written: every field nullable so that
 * "left out" can be told from a value, enums kept as text so that a bad value gets a message naming the field.
 * {@link WorkspaceMapper} turns it into the engine's {@link com.perprisk.engine.Portfolio}. Unknown fields are kept
 * in {@code extra} maps and written back.
 */
public record WorkspaceDocument(String format, Integer version, String name, AccountDoc account, Double horizonHours,
                                List<MarketDoc> markets, List<PositionDoc> positions, Map<String, Object> extra) {

    public static final String FORMAT = "perprisk-workspace";
    public static final int CURRENT_VERSION = 1;

    /** {@code walletBalance}: cross wallet; {@code positionMode}: ONE_WAY or HEDGE. */
    public record AccountDoc(Double walletBalance, String positionMode, Map<String, Object> extra) {
    }

    /** One market with its prices, convention, tiers (or dYdX parameters), funding and optional dated future. */
    public record MarketDoc(String symbol, String convention, Double markPrice, Double indexPrice, Double takerFeeRate,
                            List<TierDoc> tiers, DydxDoc dydx, FundingDoc funding, FutureDoc future,
                            Map<String, Object> extra) {
    }

    /** A bracket; {@code mmr} may be left out for Hyperliquid, {@code maintenanceAmount} anywhere. */
    public record TierDoc(Double floor, Double cap, Double maxLeverage, Double mmr, Double maintenanceAmount,
                          Map<String, Object> extra) {
    }

    public record DydxDoc(Double initialMarginFraction, Double maintenanceFraction, Double openInterestNotional,
                          Double oiLowerCap, Double oiUpperCap, Map<String, Object> extra) {
    }

    /** {@code rate} per settlement, {@code intervalHours} between settlements. */
    public record FundingDoc(Double rate, Double intervalHours, Map<String, Object> extra) {
    }

    public record FutureDoc(Double price, Double daysToExpiry, Map<String, Object> extra) {
    }

    /** {@code side}: LONG or SHORT; {@code marginMode}: CROSS or ISOLATED. */
    public record PositionDoc(String id, String symbol, String side, Double size, Double entryPrice, Double leverage,
                              String marginMode, Double isolatedMargin, Double extraMargin,
                              Map<String, Object> extra) {
    }
}
