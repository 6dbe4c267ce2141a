package com.perprisk.engine.margin;

import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.perprisk.engine.explain.Numbers.plain;
import static com.perprisk.engine.explain.Numbers.term;

/** The working of the order ticket's own figures: the order's size, notional, initial margin, fee, stop sizing. */
final class TicketWorking {
    private TicketWorking() {
    }

    static Map<String, Explanation> order(Order order, Position alone, double fee) {
        Map<String, Explanation> ex = new LinkedHashMap<>();
        double ep = alone.entryPrice();
        double l = alone.leverage();
        Term epTerm = new Term("EP", "entry price", ep, "quote");
        String entryNote = order.entryPrice() == null ? "The entry price is the mark (no price was given)."
                : "The entry price is the one given on the ticket.";
        ex.put("size", switch (order.amount().kind()) {
            case SIZE -> new Explanation("Order size", "Q as given", List.of(new Term("Q", "size", alone.size(),
                    "base")), "Q = " + plain(alone.size()), alone.size(), List.of("The size was typed on the ticket."));
            case NOTIONAL -> new Explanation("Order size", "Q = N / EP", List.of(new Term("N", "notional to commit",
                    order.amount().value(), "quote"), epTerm), "Q = " + plain(order.amount().value()) + " / "
                    + plain(ep), alone.size(), List.of(entryNote));
            case MARGIN -> new Explanation("Order size", "Q = M × L / EP", List.of(new Term("M", "margin to commit",
                    order.amount().value(), "quote"), new Term("L", "leverage", l, "×"), epTerm),
                    "Q = " + plain(order.amount().value()) + " × " + plain(l) + " / " + plain(ep), alone.size(),
                    List.of(entryNote, "The margin is the initial margin: margin × leverage is the notional."));
        });
        ex.put("notional", new Explanation("Order notional", "N = Q × EP", List.of(new Term("Q", "size",
                alone.size(), "base"), epTerm), "N = " + plain(alone.size()) + " × " + plain(ep),
                alone.entryNotional(), List.of(entryNote)));
        ex.put("initialMargin", new Explanation("Order initial margin", "IM = Q × EP / L",
                List.of(new Term("Q", "size", alone.size(), "base"), epTerm, new Term("L", "leverage", l, "×")),
                "IM = " + plain(alone.size()) + " × " + plain(ep) + " / " + plain(l), alone.initialMargin(),
                List.of("The margin the order commits; the account's available balance falls by it.")));
        ex.put("openFee", new Explanation("Fee to open", "fee × Q × EP", List.of(new Term("fee", "taker fee rate",
                fee, "rate"), new Term("Q", "size", alone.size(), "base"), epTerm),
                "fee to open = " + plain(fee) + " × " + plain(alone.size()) + " × " + plain(ep),
                fee * alone.entryNotional(),
                List.of("Shown for the trader; the before → after figures do not take it from the wallet.")));
        return ex;
    }

    /** The cross wallet after the fill: isolated margin out, realized PnL and released isolated margin in. */
    static Explanation wallet(OrderPlacement.Placement fill, double before) {
        return wallet(fill, before, fill.after().account().walletBalance(), "quote");
    }

    /**
     * A cross wallet after the fill, in {@code unit} ("quote" for the linear wallet, the settle coin for a coin's
     * wallet): WB' = WB + realized PnL ± isolated margin moved.
     */
    static Explanation wallet(OrderPlacement.Placement fill, double before, double after, String unit) {
        double realized = fill.realizedPnl();
        double moved = after - before - realized;
        String coin = "quote".equals(unit) ? "" : unit + " ";
        List<String> notes = new java.util.ArrayList<>(List.of("A cross order leaves the wallet alone: its initial"
                + " margin is counted against the available balance instead.", "The fee to open is not taken from the"
                + " wallet here."));
        if (!coin.isEmpty()) {
            notes.add("The " + unit + " cross wallet: an order on a " + unit + "-settled inverse contract draws on it,"
                    + " not on the linear quote wallet.");
        }
        return new Explanation(coin.isEmpty() ? "Cross wallet after the order" : unit + " cross wallet after the order",
                "WB' = WB + realized PnL ± isolated margin moved",
                List.of(new Term("WB", coin + "cross wallet before", before, unit),
                        new Term("realized PnL", "PnL of the part of a position the order closes", realized, unit),
                        new Term("isolated margin moved", "− posted to an isolated order, + released by a close",
                                moved, unit)),
                "WB' = " + plain(before) + " + " + term(realized) + " + " + term(moved), after, notes);
    }

    static Explanation stopSize(Side side, double entry, double stop, double budget, double fee, double q) {
        return new Explanation("Size for a stop and a loss budget", "Q = budget / (|stop − EP| + fee × (EP + stop))",
                List.of(new Term("budget", "loss allowed at the stop", budget, "quote"),
                        new Term("stop", "stop price", stop, "quote"),
                        new Term("EP", "entry price", entry, "quote"),
                        new Term("fee", "taker fee rate, paid to open and to close", fee, "rate")),
                "Q = " + plain(budget) + " / ((" + (side == Side.LONG ? plain(entry) + " − " + plain(stop)
                        : plain(stop) + " − " + plain(entry)) + ") + " + plain(fee) + " × (" + plain(entry) + " + "
                        + plain(stop) + "))", q,
                List.of("Fees included: the taker fee is paid on opening at EP and on closing at the stop.",
                        "The same helper as the Probability tab's sizing (" + side.name().toLowerCase()
                                + ": the stop is " + (side == Side.LONG ? "below" : "above") + " the entry)."));
    }
}
