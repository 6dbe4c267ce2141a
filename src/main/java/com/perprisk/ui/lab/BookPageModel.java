package com.perprisk.ui.lab;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.book.OrderBook;
import com.perprisk.engine.lab.LabInputs;
import com.perprisk.ui.format.Formats;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * The order-book page: the depth profile (cumulative quote by price on each side), the impact notional (editable),
 * the impact bid and ask it reaches and the prices its fill runs to, for the depth chart's shaded band.
 */
public final class BookPageModel {
    /** One point of the depth chart: a price and the quote resting from the best price to it. */
    public record DepthPoint(double price, double cumulativeQuote) {
    }

    /** What the depth chart draws. */
    public record Depth(List<DepthPoint> bids, List<DepthPoint> asks, double impactBid, double impactAsk,
                        double impactNotional, double lastBidFilled, double lastAskFilled) {
    }

    private final Formats formats;
    private final StringProperty impactNotional = new SimpleStringProperty("");
    private final ObjectProperty<Depth> depth = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper impactBid = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper impactAsk = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper impactMid = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper working = new ReadOnlyStringWrapper("");
    private OrderBook book;

    BookPageModel(Formats formats) {
        this.formats = formats;
        impactNotional.addListener((obs, o, n) -> recompute());
    }

    void load(LabInputs.BookIn in) {
        book = in == null ? null : in.book();
        impactNotional.set(in == null ? "" : formats.editText(in.impactNotional()));
        recompute();
    }

    /** The book shown (also used by the vAMM page's comparison). */
    OrderBook book() {
        return book;
    }

    private void recompute() {
        if (book == null) {
            depth.set(null);
            impactBid.set(Formats.NONE);
            impactAsk.set(Formats.NONE);
            impactMid.set(Formats.NONE);
            working.set("");
            problem.set("This lab document has no book section.");
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
            working.set(book.explainImpact(n, true).toText() + "\n" + book.explainImpact(n, false).toText());
            problem.set("");
        } catch (EngineException e) {
            fail(e.getMessage());
        }
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
