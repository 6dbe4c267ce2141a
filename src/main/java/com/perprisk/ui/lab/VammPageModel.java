package com.perprisk.ui.lab;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.book.OrderBook;
import com.perprisk.engine.lab.BookWalk;
import com.perprisk.engine.lab.LabInputs;
import com.perprisk.engine.vamm.Vamm;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.format.WorkingText;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * The vAMM page: the curve quote × base = k, one trade (kind and amount editable) drawn as the move along it, and the
 * same trade, for the same quote amount, walked through an order book beside it ({@link BookWalk}).
 */
public final class VammPageModel {
    /** What the page draws: the curve (base, quote) and the points before and after the trade. */
    public record Curve(List<double[]> points, double baseBefore, double quoteBefore, double baseAfter,
                        double quoteAfter) {
    }

    /**
     * The same trade on an order book, drawn beside the curve: the walk through the book and which book it was.
     *
     * @param documentBook true for the lab document's book, false for the default book at the vAMM's price
     */
    public record OnBook(BookWalk walk, boolean documentBook) {
    }

    private final Formats formats;
    private final ObjectProperty<Vamm.Kind> kind = new SimpleObjectProperty<>(Vamm.Kind.QUOTE_IN);
    private final StringProperty amount = new SimpleStringProperty("");
    private final ObjectProperty<Curve> curve = new SimpleObjectProperty<>();
    private final ObjectProperty<OnBook> bookWalk = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper average = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper priceMove = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper fees = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper onBook = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper working = new ReadOnlyStringWrapper("");
    private Vamm amm;
    private OrderBook book;

    VammPageModel(Formats formats) {
        this.formats = formats;
        kind.addListener((obs, o, n) -> recompute());
        amount.addListener((obs, o, n) -> recompute());
    }

    void load(LabInputs.VammIn in, LabInputs.BookIn bookIn) {
        amm = in == null ? null : in.amm();
        book = bookIn == null ? null : bookIn.book();
        if (in != null && !in.trades().isEmpty()) {
            kind.set(in.trades().get(0).kind());
            amount.set(formats.editText(in.trades().get(0).amount()));
        }
        recompute();
    }

    private void recompute() {
        if (amm == null) {
            fail("This lab document has no vamm section.");
            return;
        }
        Double a = formats.parse(amount.get());
        if (a == null || !(a > 0)) {
            fail("Trade amount: a number above 0, got " + (Formats.isBlank(amount.get()) ? "nothing"
                    : "\"" + amount.get() + "\""));
            return;
        }
        try {
            Vamm.Trade t = new Vamm.Trade(kind.get(), a);
            Vamm.Result r = amm.trade(t);
            double k = amm.k();
            double lo = Math.min(amm.baseReserve(), r.baseReserveAfter()) * 0.6;
            double hi = Math.max(amm.baseReserve(), r.baseReserveAfter()) * 1.4;
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i <= 80; i++) {
                double x = lo + (hi - lo) * i / 80.0;
                // quote = k / base
                pts.add(new double[]{x, k / x});
            }
            curve.set(new Curve(pts, amm.baseReserve(), amm.quoteReserve(), r.baseReserveAfter(),
                    r.quoteReserveAfter()));
            boolean quoteGiven = t.kind() == Vamm.Kind.QUOTE_IN || t.kind() == Vamm.Kind.QUOTE_OUT;
            double ref = amm.price();
            result.set(quoteGiven ? formats.quantity(r.baseAmount(), 6) + " base"
                    : formats.money(r.quoteAmount()) + " quote");
            average.set(formats.price(r.averagePrice(), ref));
            priceMove.set(formats.price(r.priceBefore(), ref) + " → " + formats.price(r.priceAfter(), ref) + " ("
                    + formats.signedPercent(r.priceImpact(), 2) + ")");
            fees.set("toll " + formats.money(r.toll()) + ", spread " + formats.money(r.spread()));
            OnBook ob = onBook(t, r);
            bookWalk.set(ob);
            onBook.set(bookComparison(ob, r));
            working.set(new WorkingText(formats).texts(List.of(amm.explain(t), ob.walk().explain())));
            problem.set("");
        } catch (EngineException e) {
            fail(e.getMessage());
        }
    }

    /**
     * The same trade on an order book, for the same quote amount: the document's book when it trades near the
     * vAMM's price, else a default book there ({@link BookWalk#defaultBook}).
     */
    private OnBook onBook(Vamm.Trade t, Vamm.Result r) {
        boolean buy = t.kind() == Vamm.Kind.QUOTE_IN || t.kind() == Vamm.Kind.BASE_OUT;
        boolean near = book != null && Math.abs(book.mid() - amm.price()) / amm.price() <= 0.5;
        OrderBook b = near ? book : BookWalk.defaultBook(amm.price(), amm.quoteReserve() * amm.pegMultiplier());
        return new OnBook(BookWalk.of(b, buy, r.quoteAmount()), near);
    }

    /** The book's average price and impact beside the vAMM's, and which book it is. */
    private String bookComparison(OnBook ob, Vamm.Result r) {
        BookWalk w = ob.walk();
        double ref = w.mid();
        String which = ob.documentBook() ? "" : (book == null ? "This document has no order book" : "The document's"
                + " book trades near " + formats.price(book.mid(), book.mid())) + "; compared with a default book at "
                + formats.price(amm.price(), amm.price()) + ": the vAMM's " + formats.money(amm.quoteReserve()
                * amm.pegMultiplier())
                + " quote spread over " + BookWalk.DEFAULT_LEVELS + " levels a side, "
                + formats.percent(BookWalk.DEFAULT_STEP, 1) + " apart. ";
        return which + "On the order book: average " + formats.price(w.averagePrice(), ref) + ", "
                + formats.signedPercent(w.impact(), 2) + " from its mid " + formats.price(ref, ref) + ", last fill "
                + formats.price(w.lastPrice(), ref) + (w.filled() ? "" : " (too thin: only "
                + formats.money(w.filledQuote()) + " of " + formats.money(w.quote()) + " quote filled)")
                + "; on the vAMM the average is " + formats.signedPercent((r.averagePrice() - r.priceBefore())
                / r.priceBefore(), 2) + " from its price.";
    }

    private void fail(String message) {
        curve.set(null);
        bookWalk.set(null);
        for (ReadOnlyStringWrapper w : List.of(result, average, priceMove, fees)) {
            w.set(Formats.NONE);
        }
        onBook.set("");
        working.set("");
        problem.set(message);
    }

    public ObjectProperty<Vamm.Kind> kindProperty() {
        return kind;
    }

    /** The same trade on an order book (null while the trade is invalid). */
    public ObjectProperty<OnBook> bookWalkProperty() {
        return bookWalk;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public ObjectProperty<Curve> curveProperty() {
        return curve;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty averageProperty() {
        return average.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty priceMoveProperty() {
        return priceMove.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty feesProperty() {
        return fees.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty onBookProperty() {
        return onBook.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
