package com.perprisk.ui.ticket;

import com.perprisk.engine.margin.Order;
import com.perprisk.ui.format.Formats;

import java.util.Map;

/** Reads the ticket's typed fields, putting the first problem of each field into {@code found} by its field. */
final class TicketFields {
    private final Formats fmt;
    private final Map<Order.Field, String> found;

    TicketFields(Formats fmt, Map<Order.Field, String> found) {
        this.fmt = fmt;
        this.found = found;
    }

    /** A number typed in the user's locale; blank is null, or a "type the …" problem when {@code needed}. */
    Double number(Order.Field f, String text, boolean needed, String name) {
        if (Formats.isBlank(text)) {
            if (needed && !found.containsKey(f)) {
                found.put(f, "type the " + name);
            }
            return null;
        }
        Double d = fmt.parse(text);
        if (d == null) {
            found.put(f, name + ": \"" + text.strip() + "\" is not a number");
        }
        return d;
    }

    /** A percentage typed as a number of % (0.05 means 0.05%), as a decimal; blank is null. */
    Double percent(Order.Field f, String text, String name) {
        if (Formats.isBlank(text)) {
            return null;
        }
        Double d = fmt.parsePercent(text);
        if (d == null) {
            found.put(f, name + ": \"" + text.strip() + "\" is not a number (in %)");
        }
        return d;
    }
}
