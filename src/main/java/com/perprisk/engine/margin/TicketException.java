package com.perprisk.engine.margin;

import com.perprisk.engine.EngineException;

/**
 * An order ticket the engine refuses, naming the ticket field at fault ({@link Order.Field}) so that the app can mark
 * that field and {@code ticket} can name its flag.
 */
public final class TicketException extends EngineException {
    private static final long serialVersionUID = 1L;
    private final Order.Field field;

    public TicketException(Order.Field field, String message) {
        super(message);
        this.field = field;
    }

    /** The ticket field the problem belongs to. */
    public Order.Field field() {
        return field;
    }
}
