package com.perprisk.engine;

import java.util.Objects;

/**
 * An open (or planned) position.
 *
 * @param id             unique within the workspace
 * @param symbol         the market it trades
 * @param side           long or short
 * @param size           |size| in base units (Q), always positive
 * @param entryPrice     average entry price (EP)
 * @param leverage       leverage chosen at open
 * @param marginMode     cross or isolated
 * @param isolatedMargin margin posted to an isolated position; {@code null} means N_entry / leverage
 * @param extraMargin    margin added to an isolated position after opening (negative: removed)
 */
public record Position(String id, String symbol, Side side, double size, double entryPrice, double leverage,
                       MarginMode marginMode, Double isolatedMargin, double extraMargin) {

    public Position {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(marginMode, "marginMode");
    }

    public static Position cross(String id, String symbol, Side side, double size, double entryPrice,
                                 double leverage) {
        return new Position(id, symbol, side, size, entryPrice, leverage, MarginMode.CROSS, null, 0);
    }

    public static Position isolated(String id, String symbol, Side side, double size, double entryPrice,
                                    double leverage) {
        return new Position(id, symbol, side, size, entryPrice, leverage, MarginMode.ISOLATED, null, 0);
    }

    public boolean isIsolated() {
        return marginMode == MarginMode.ISOLATED;
    }

    /** Entry value: Q × EP. */
    public double entryNotional() {
        return size * entryPrice;
    }

    /** Notional at a price: Q × P. */
    public double notionalAt(double price) {
        return size * price;
    }

    /** Unrealized PnL at a price: side × Q × (P − EP). */
    public double unrealizedPnl(double price) {
        return side.sign() * size * (price - entryPrice);
    }

    /** Initial margin posted at open: N_entry / leverage. */
    public double initialMargin() {
        return entryNotional() / leverage;
    }

    /** Margin of an isolated position: the posted margin (given, else N_entry / leverage) plus extra margin. */
    public double isolatedMarginBalance() {
        double posted = isolatedMargin != null ? isolatedMargin : initialMargin();
        return posted + extraMargin;
    }

    public Position withSize(double newSize) {
        return new Position(id, symbol, side, newSize, entryPrice, leverage, marginMode, isolatedMargin, extraMargin);
    }

    public Position withLeverage(double newLeverage) {
        return new Position(id, symbol, side, size, entryPrice, newLeverage, marginMode, isolatedMargin, extraMargin);
    }

    public Position withMarginMode(MarginMode mode) {
        return new Position(id, symbol, side, size, entryPrice, leverage, mode, isolatedMargin, extraMargin);
    }

    public Position withIsolatedMargin(Double margin, double extra) {
        return new Position(id, symbol, side, size, entryPrice, leverage, marginMode, margin, extra);
    }
}
