package com.perprisk.engine.margin;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.Numbers;

/**
 * An order as a trader types it on a ticket: market, side, leverage, margin mode and one amount to commit (a size, a
 * notional or a margin), at an entry price (the mark when not given), optionally adding to a named position.
 *
 * @param symbol     the market
 * @param side       long (buy) or short (sell)
 * @param leverage   leverage of the position the order opens or joins
 * @param marginMode cross or isolated; {@code null}: the joined position's mode, else cross
 * @param amount     what the trader commits
 * @param entryPrice fill price; {@code null}: the market's mark price
 * @param feeRate    taker fee rate to open; {@code null}: the market's taker fee
 * @param addTo      id of the position the order adds to (or, one-way, nets against); {@code null}: none named
 */
public record Order(String symbol, Side side, double leverage, MarginMode marginMode, Amount amount, Double entryPrice,
                    Double feeRate, String addTo) {

    /** The ticket's fields, for messages that name the one at fault. */
    public enum Field {
        SYMBOL, SIDE, LEVERAGE, MODE, AMOUNT, ENTRY, FEE_RATE, ADD_TO, EXIT, TARGET_ROE, TARGET_PNL, STOP, LOSS_BUDGET
    }

    /** What the amount is. */
    public enum Kind {
        /** Base units (Q). */
        SIZE,
        /** Quote value at the entry price: Q = N / EP. */
        NOTIONAL,
        /** Initial margin committed: Q = M × L / EP. */
        MARGIN
    }

    /** An amount to commit: a size, a notional or a margin. */
    public record Amount(Kind kind, double value) {
    }

    public Order {
        if (symbol == null || symbol.isBlank()) {
            throw new TicketException(Field.SYMBOL, "choose a market");
        }
        if (side == null) {
            throw new TicketException(Field.SIDE, "choose long or short");
        }
        if (!Double.isFinite(leverage) || leverage < 1) {
            throw new TicketException(Field.LEVERAGE, "leverage must be a number ≥ 1, got " + Numbers.plain(leverage));
        }
        if (amount == null || amount.kind() == null) {
            throw new TicketException(Field.AMOUNT, "give a size, a notional or a margin");
        }
        if (!Double.isFinite(amount.value()) || amount.value() <= 0) {
            throw new TicketException(Field.AMOUNT, amount.kind().name().toLowerCase() + " must be a number above 0,"
                    + " got " + Numbers.plain(amount.value()));
        }
        if (entryPrice != null && (!Double.isFinite(entryPrice) || entryPrice <= 0)) {
            throw new TicketException(Field.ENTRY, "entry price must be a number above 0, got "
                    + Numbers.plain(entryPrice));
        }
        if (feeRate != null && (!Double.isFinite(feeRate) || feeRate < 0 || feeRate >= 1)) {
            throw new TicketException(Field.FEE_RATE, "fee rate must be between 0 and 1 (0.0005 is 0.05%), got "
                    + Numbers.plain(feeRate));
        }
        if (addTo != null && addTo.isBlank()) {
            addTo = null;
        }
    }

    /** The order's size at its entry price: Q, N / EP, or M × L / EP. */
    public double sizeAt(double entry) {
        return switch (amount.kind()) {
            case SIZE -> amount.value();
            // Q = N / EP
            case NOTIONAL -> amount.value() / entry;
            // Q = M × L / EP
            case MARGIN -> amount.value() * leverage / entry;
        };
    }
}
