package com.perprisk.ui.lab;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.book.OrderBook;
import com.perprisk.engine.lab.LabInputs;
import com.perprisk.engine.vamm.Vamm;
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
 * The vAMM page: the curve quote × base = k, one trade (kind and amount editable) drawn as the move along it, and the
 * same trade on the document's order book for comparison.
 */
public final class VammPageModel {
    /** What the page draws: the curve (base, quote) and the points before and after the trade. */
    public record Curve(List<double[]> points, double baseBefore, double quoteBefore, double baseAfter,
                        double quoteAfter) {
    }

    private final Formats formats;
    private final ObjectProperty<Vamm.Kind> kind = new SimpleObjectProperty<>(Vamm.Kind.QUOTE_IN);
    private final StringProperty amount = new SimpleStringProperty("");
    private final ObjectProperty<Curve> curve = new SimpleObjectProperty<>();
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
            onBook.set(bookComparison(t, r));
            working.set(amm.explain(t).toText());
            problem.set("");
        } catch (EngineException e) {
            fail(e.getMessage());
        }
    }

    /** The same trade filled on the order book: its average price beside the vAMM's. */
    private String bookComparison(Vamm.Trade t, Vamm.Result r) {
        if (book == null) {
            return "No order book in this document to compare with.";
        }
        try {
            double avg = switch (t.kind()) {
                case QUOTE_IN -> book.impactAsk(t.amount());
                case QUOTE_OUT -> book.impactBid(t.amount());
                case BASE_IN -> book.fillBase(t.amount(), true).averagePrice();
                case BASE_OUT -> book.fillBase(t.amount(), false).averagePrice();
            };
            double ref = book.mid();
            if (Math.abs(ref - amm.price()) / amm.price() > 0.5) {
                return "The order book of this document trades near " + formats.price(ref, ref)
                        + ", the vAMM near " + formats.price(amm.price(), amm.price())
                        + ": open \"Order book vs vAMM vs pool\" for the same trade on both.";
            }
            double slip = Math.abs(avg - ref) / ref;
            return "On the order book: average " + formats.price(avg, ref) + ", " + formats.percent(slip, 2)
                    + " from its mid " + formats.price(ref, ref) + " (vAMM: " + formats.percent(
                    Math.abs(r.averagePrice() - r.priceBefore()) / r.priceBefore(), 2) + " from its price).";
        } catch (EngineException e) {
            return "On the order book: " + e.getMessage();
        }
    }

    private void fail(String message) {
        curve.set(null);
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
