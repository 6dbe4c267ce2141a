package com.perprisk.ui.lab;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.book.OrderBook;
import com.perprisk.engine.lab.LabInputs;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.format.WorkingText;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The order-book page: the levels of each side as editable rows (price, size), the depth profile (cumulative quote by
 * price on each side), the impact notional (editable), the impact bid and ask it reaches and the prices its fill runs
 * to, for the depth chart's shaded band. Every edit rebuilds the book; a bad cell names itself ("Bid 2 price: …") in
 * the problem line and the figures show "—".
 */
public final class BookPageModel {
    /** One price level as the tables edit it. */
    public static final class LevelRow {
        private final StringProperty price = new SimpleStringProperty();
        private final StringProperty size = new SimpleStringProperty();

        LevelRow(String price, String size) {
            this.price.set(price);
            this.size.set(size);
        }

        public StringProperty priceProperty() {
            return price;
        }

        public StringProperty sizeProperty() {
            return size;
        }
    }

    /** One point of the depth chart: a price and the quote resting from the best price to it. */
    public record DepthPoint(double price, double cumulativeQuote) {
    }

    /** What the depth chart draws. */
    public record Depth(List<DepthPoint> bids, List<DepthPoint> asks, double impactBid, double impactAsk,
                        double impactNotional, double lastBidFilled, double lastAskFilled) {
    }

    private final Formats formats;
    private final ObservableList<LevelRow> bids = FXCollections.observableArrayList();
    private final ObservableList<LevelRow> asks = FXCollections.observableArrayList();
    private final StringProperty impactNotional = new SimpleStringProperty("");
    private final ObjectProperty<Depth> depth = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper impactBid = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper impactAsk = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper impactMid = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper working = new ReadOnlyStringWrapper("");
    private OrderBook book;
    private boolean loaded;
    private boolean loading;

    BookPageModel(Formats formats) {
        this.formats = formats;
        impactNotional.addListener((obs, o, n) -> recompute());
    }

    void load(LabInputs.BookIn in) {
        loading = true;
        bids.clear();
        asks.clear();
        loaded = in != null;
        if (in != null) {
            for (OrderBook.Level l : in.book().bids()) {
                addLevel(true, formats.editText(l.price()), formats.editText(l.size()));
            }
            for (OrderBook.Level l : in.book().asks()) {
                addLevel(false, formats.editText(l.price()), formats.editText(l.size()));
            }
        }
        impactNotional.set(in == null ? "" : formats.editText(in.impactNotional()));
        loading = false;
        recompute();
    }

    /** Adds a level to a side (the tables' "Add bid" / "Add ask"). */
    public LevelRow addLevel(boolean bid, String price, String size) {
        LevelRow r = new LevelRow(price, size);
        r.price.addListener((obs, o, n) -> recompute());
        r.size.addListener((obs, o, n) -> recompute());
        loaded = true;
        (bid ? bids : asks).add(r);
        recompute();
        return r;
    }

    public void removeLevel(LevelRow r) {
        bids.remove(r);
        asks.remove(r);
        recompute();
    }

    /** The book as the rows stand, or null when a cell is bad (also what the page's figures come from). */
    OrderBook book() {
        return book;
    }

    private void recompute() {
        if (loading) {
            return;
        }
        if (!loaded) {
            book = null;
            depth.set(null);
            impactBid.set(Formats.NONE);
            impactAsk.set(Formats.NONE);
            impactMid.set(Formats.NONE);
            working.set("");
            problem.set("This lab document has no book section.");
            return;
        }
        try {
            book = new OrderBook(levels("Bid", bids), levels("Ask", asks));
        } catch (EngineException e) {
            book = null;
            fail(e.getMessage());
            return;
        }
        Double n = formats.parse(impactNotional.get());
        if (n == null || !(n > 0)) {
            fail("Impact notional: a number above 0, got " + (impactNotional.get() == null ? "nothing"
                    : "\"" + impactNotional.get() + "\""));
            return;
        }
        try {
            double ib = book.impactBid(n);
            double ia = book.impactAsk(n);
            double lastBid = book.fillBase(baseFor(book.bids(), n), true).lastPrice();
            double lastAsk = book.fillBase(baseFor(book.asks(), n), false).lastPrice();
            depth.set(new Depth(cumulative(book.bids()), cumulative(book.asks()), ib, ia, n, lastBid, lastAsk));
            double ref = book.mid();
            impactBid.set(formats.price(ib, ref));
            impactAsk.set(formats.price(ia, ref));
            impactMid.set(formats.price((ib + ia) / 2, ref));
            working.set(new WorkingText(formats).texts(List.of(book.explainImpact(n, true), book.explainImpact(n, false))));
            problem.set("");
        } catch (EngineException e) {
            fail(e.getMessage());
        }
    }

    /** A side's levels from its rows; a bad cell throws naming itself ("Ask 3 size: …"). */
    private List<OrderBook.Level> levels(String side, List<LevelRow> rows) {
        if (rows.isEmpty()) {
            throw new EngineException(side + "s: add at least one level");
        }
        List<OrderBook.Level> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String at = side + " " + (i + 1) + " ";
            out.add(new OrderBook.Level(positive(at + "price", rows.get(i).price.get()),
                    positive(at + "size", rows.get(i).size.get())));
        }
        return out;
    }

    private double positive(String what, String text) {
        if (Formats.isBlank(text)) {
            throw new EngineException(what + ": required");
        }
        Double d = formats.parse(text);
        if (d == null) {
            throw new EngineException(what + ": not a number: " + text);
        }
        if (!(d > 0)) {
            throw new EngineException(what + ": a number above 0, got " + text);
        }
        return d;
    }

    /** Base size that a quote notional buys on a side, walking from the best price. */
    private static double baseFor(List<OrderBook.Level> side, double notional) {
        double left = notional;
        double base = 0;
        for (OrderBook.Level l : side) {
            double take = Math.min(left, l.notional());
            base += take / l.price();
            left -= take;
            if (left <= 0) {
                break;
            }
        }
        return base;
    }

    private static List<DepthPoint> cumulative(List<OrderBook.Level> side) {
        List<DepthPoint> out = new ArrayList<>();
        double sum = 0;
        for (OrderBook.Level l : side) {
            sum += l.notional();
            out.add(new DepthPoint(l.price(), sum));
        }
        return out;
    }

    private void fail(String message) {
        depth.set(null);
        impactBid.set(Formats.NONE);
        impactAsk.set(Formats.NONE);
        impactMid.set(Formats.NONE);
        working.set("");
        problem.set(message);
    }

    /** The bid levels as entered (the engine sorts them best first). */
    public ObservableList<LevelRow> bids() {
        return bids;
    }

    public ObservableList<LevelRow> asks() {
        return asks;
    }

    public StringProperty impactNotionalProperty() {
        return impactNotional;
    }

    public ObjectProperty<Depth> depthProperty() {
        return depth;
    }

    public ReadOnlyStringProperty impactBidProperty() {
        return impactBid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty impactAskProperty() {
        return impactAsk.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty impactMidProperty() {
        return impactMid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
