package com.perprisk.engine.lab;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.book.OrderBook;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Numbers;
import com.perprisk.engine.explain.Term;

import java.util.ArrayList;
import java.util.List;

import static com.perprisk.engine.EngineInputs.positive;
import static com.perprisk.engine.EngineInputs.present;

/**
 * A market order for a quote amount walked through an order book level by level: the price path (the price of each
 * level against the quote filled so far), the average fill price and its impact against the mid. The vAMM page draws
 * it beside the move along x·y = k, for the same quote amount.
 *
 * @param buy          true for a buy from the asks, false for a sell into the bids
 * @param quote        quote amount asked for
 * @param filledQuote  quote amount the book filled (less than {@code quote} when the book is too thin)
 * @param base         base amount filled
 * @param steps        the levels eaten, in order: each level's price and the quote filled before and after it
 * @param mid          the book's mid before the order
 */
public record BookWalk(boolean buy, double quote, double filledQuote, double base, List<Step> steps, double mid) {
    /** Levels of the default book on each side. */
    public static final int DEFAULT_LEVELS = 20;
    /** Price step between the default book's levels: 0.5%. */
    public static final double DEFAULT_STEP = 0.005;

    /** One level eaten: its price, and the cumulative quote filled when the order reached it and when it left it. */
    public record Step(double price, double quoteFrom, double quoteTo) {
    }

    public BookWalk {
        steps = List.copyOf(steps);
    }

    /** Walks {@code quote} of quote through the asks (buy) or the bids (sell). */
    public static BookWalk of(OrderBook book, boolean buy, double quote) {
        present("order book", book);
        positive("quote amount", quote);
        List<Step> steps = new ArrayList<>();
        double filled = 0;
        double base = 0;
        for (OrderBook.Level l : buy ? book.asks() : book.bids()) {
            double take = Math.min(quote - filled, l.notional());
            steps.add(new Step(l.price(), filled, filled + take));
            filled += take;
            base += take / l.price();
            if (filled >= quote * (1 - 1e-12)) {
                filled = quote;
                break;
            }
        }
        return new BookWalk(buy, quote, filled, base, steps, book.mid());
    }

    /**
     * The book the vAMM page compares with when the document has none at the vAMM's price: {@link #DEFAULT_LEVELS}
     * levels a side, {@link #DEFAULT_STEP} apart from the price, the vAMM's quote reserve spread evenly over each
     * side (the same money resting in a book instead of in the curve).
     */
    public static OrderBook defaultBook(double price, double quoteReserve) {
        positive("price", price);
        positive("quote reserve", quoteReserve);
        List<OrderBook.Level> bids = new ArrayList<>();
        List<OrderBook.Level> asks = new ArrayList<>();
        double perLevel = quoteReserve / DEFAULT_LEVELS;
        for (int i = 1; i <= DEFAULT_LEVELS; i++) {
            double bid = price * (1 - DEFAULT_STEP * i);
            double ask = price * (1 + DEFAULT_STEP * i);
            bids.add(new OrderBook.Level(bid, perLevel / bid));
            asks.add(new OrderBook.Level(ask, perLevel / ask));
        }
        return new OrderBook(bids, asks);
    }

    /** True when the book held the whole quote amount. */
    public boolean filled() {
        return filledQuote >= quote;
    }

    /** Average fill price: quote filled / base filled. */
    public double averagePrice() {
        if (base <= 0) {
            throw new EngineException("the " + (buy ? "asks" : "bids") + " are empty");
        }
        // average price = quote filled / base filled
        return filledQuote / base;
    }

    /** Price of the last level the order reached (where the book's price is after it). */
    public double lastPrice() {
        return steps.get(steps.size() - 1).price();
    }

    /** Impact of the average fill against the mid: (average − mid) / mid. */
    public double impact() {
        // impact = (average price − mid) / mid
        return (averagePrice() - mid) / mid;
    }

    /** The working: the average price, the levels eaten, the impact. */
    public Explanation explain() {
        List<String> notes = new ArrayList<>();
        notes.add((buy ? "Buying with " : "Selling for ") + Numbers.plain(quote) + " of quote " + (buy
                ? "from the asks" : "into the bids") + ": " + steps.size() + (steps.size() == 1 ? " level" : " levels")
                + ", from " + Numbers.plain(steps.get(0).price()) + " to " + Numbers.plain(lastPrice()) + ".");
        if (!filled()) {
            notes.add("The book is too thin: its " + (buy ? "asks" : "bids") + " hold only "
                    + Numbers.plain(filledQuote) + " of quote; the rest of the order does not fill.");
        }
        notes.add("Impact against the mid " + Numbers.plain(mid) + ": "
                + Numbers.plain(Math.round(impact() * 1e6) / 1e4) + "%. The price moves only as far as the levels"
                + " eaten; on the vAMM every unit moves it along the curve.");
        return new Explanation("Average price on the order book", "average price = quote filled / Σ base per level",
                List.of(new Term("N", "quote filled", filledQuote, "quote"),
                        new Term("B", "base filled", base, "base")),
                "average price = " + Numbers.term(filledQuote) + " / " + Numbers.term(base), averagePrice(), notes);
    }
}
