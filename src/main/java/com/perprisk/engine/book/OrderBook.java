package com.perprisk.engine.book;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Numbers;
import com.perprisk.engine.explain.Term;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;
import static com.perprisk.engine.EngineInputs.present;

/**
 * A limit order book: resting bids and asks, best first. Impact prices are what a market order of a fixed quote
 * notional (the impact notional) would fill at on average; venues feed them into the premium index and the mark.
 *
 * @param bids buy orders, highest price first
 * @param asks sell orders, lowest price first
 */
public record OrderBook(List<Level> bids, List<Level> asks) {

    /** One price level: its price and the base size resting there. */
    public record Level(double price, double size) {
        public Level {
            positive("level price", price);
            positive("level size", size);
        }

        /** price × size, in quote. */
        public double notional() {
            return price * size;
        }
    }

    /** What a market order got: base filled, quote paid or received, average and last (worst) price. */
    public record Fill(double base, double quote, double averagePrice, double lastPrice) {
    }

    /** Sorts the sides best first and refuses a crossed book (best bid at or above best ask). */
    public OrderBook {
        present("bids", bids);
        present("asks", asks);
        bids = bids.stream().sorted(Comparator.comparingDouble(Level::price).reversed()).toList();
        asks = asks.stream().sorted(Comparator.comparingDouble(Level::price)).toList();
        if (!bids.isEmpty() && !asks.isEmpty() && bids.get(0).price() >= asks.get(0).price()) {
            throw new EngineException("the book is crossed: best bid " + Numbers.plain(bids.get(0).price())
                    + " is not below best ask " + Numbers.plain(asks.get(0).price()));
        }
    }

    public double bestBid() {
        if (bids.isEmpty()) {
            throw new EngineException("the book has no bids");
        }
        return bids.get(0).price();
    }

    public double bestAsk() {
        if (asks.isEmpty()) {
            throw new EngineException("the book has no asks");
        }
        return asks.get(0).price();
    }

    /** Mid price: (best bid + best ask) / 2. */
    public double mid() {
        // mid = (best bid + best ask) / 2
        return (bestBid() + bestAsk()) / 2;
    }

    /** Quote notional resting on one side. */
    public double sideNotional(boolean bidSide) {
        return (bidSide ? bids : asks).stream().mapToDouble(Level::notional).sum();
    }

    /** Impact bid: average price of selling the impact notional (in quote) into the bids. */
    public double impactBid(double impactNotional) {
        return fillQuote(bids, impactNotional, "bids").averagePrice();
    }

    /** Impact ask: average price of buying the impact notional (in quote) from the asks. */
    public double impactAsk(double impactNotional) {
        return fillQuote(asks, impactNotional, "asks").averagePrice();
    }

    /** Impact mid: (impact bid + impact ask) / 2. */
    public double impactMid(double impactNotional) {
        // impact mid = (impact bid + impact ask) / 2
        return (impactBid(impactNotional) + impactAsk(impactNotional)) / 2;
    }

    /**
     * Quote notional resting within x of the mid on one side: what a market order must eat to move the price by x
     * (bids down to mid × (1 − x), asks up to mid × (1 + x)).
     */
    public double depthToMove(double fraction, boolean bidSide) {
        positive("price move", fraction);
        double mid = mid();
        double limit = bidSide ? mid * (1 - fraction) : mid * (1 + fraction);
        double depth = 0;
        for (Level l : bidSide ? bids : asks) {
            if (bidSide ? l.price() < limit : l.price() > limit) {
                break;
            }
            depth += l.notional();
        }
        return depth;
    }

    /** A market sell of a base size into the bids (sell = true) or a buy from the asks; throws when too thin. */
    public Fill fillBase(double baseSize, boolean sell) {
        positive("order size", baseSize);
        List<Level> side = sell ? bids : asks;
        double left = baseSize;
        double quote = 0;
        double last = Double.NaN;
        for (Level l : side) {
            double take = Math.min(left, l.size());
            quote += take * l.price();
            last = l.price();
            left -= take;
            if (left <= baseSize * 1e-12) {
                return new Fill(baseSize, quote, quote / baseSize, last);
            }
        }
        throw new EngineException("the " + (sell ? "bids" : "asks") + " hold only " + Numbers.plain(baseSize - left)
                + " base, less than the order of " + Numbers.plain(baseSize));
    }

    /** The book after a market order of a base size has consumed levels from the best price on. */
    public OrderBook afterMarketOrder(double baseSize, boolean sell) {
        nonNegative("order size", baseSize);
        List<Level> side = sell ? bids : asks;
        List<Level> rest = new ArrayList<>();
        double left = baseSize;
        for (Level l : side) {
            if (left >= l.size() * (1 - 1e-12)) {
                left -= l.size();
            } else {
                rest.add(left > 0 ? new Level(l.price(), l.size() - left) : l);
                left = 0;
            }
        }
        return sell ? new OrderBook(rest, asks) : new OrderBook(bids, rest);
    }

    /** Base size resting on one side. */
    public double sideSize(boolean bidSide) {
        return (bidSide ? bids : asks).stream().mapToDouble(Level::size).sum();
    }

    private static Fill fillQuote(List<Level> side, double notional, String name) {
        positive("impact notional", notional);
        double left = notional;
        double base = 0;
        double last = Double.NaN;
        for (Level l : side) {
            double takeQuote = Math.min(left, l.notional());
            base += takeQuote / l.price();
            last = l.price();
            left -= takeQuote;
            if (left <= notional * 1e-12) {
                // average fill price = notional / base filled
                return new Fill(base, notional, notional / base, last);
            }
        }
        double available = notional - left;
        throw new EngineException("the book is too thin: the " + name + " hold " + Numbers.plain(available)
                + " of quote, less than the impact notional " + Numbers.plain(notional));
    }

    /** The working behind {@link #impactBid} or {@link #impactAsk}. */
    public Explanation explainImpact(double impactNotional, boolean bidSide) {
        Fill f = fillQuote(bidSide ? bids : asks, impactNotional, bidSide ? "bids" : "asks");
        String name = bidSide ? "Impact bid" : "Impact ask";
        List<String> notes = new ArrayList<>();
        notes.add((bidSide ? "Selling " : "Buying ") + Numbers.plain(impactNotional) + " of quote "
                + (bidSide ? "into the bids" : "from the asks") + " from the best price "
                + Numbers.plain(bidSide ? bestBid() : bestAsk()) + (bidSide ? " down to " : " up to ")
                + Numbers.plain(f.lastPrice()) + ".");
        notes.add("The average fill is " + Numbers.plain(Math.abs(f.averagePrice() - mid()) / mid() * 100)
                + "% from the mid " + Numbers.plain(mid()) + ".");
        return new Explanation(name, "impact price = impact notional / Σ base filled",
                List.of(new Term("N", "impact notional", impactNotional, "quote"),
                        new Term("B", "base filled", f.base(), "base")),
                "impact price = " + Numbers.term(impactNotional) + " / " + Numbers.term(f.base()), f.averagePrice(),
                notes);
    }
}
