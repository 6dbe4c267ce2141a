package com.perprisk.ui.lab;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.cascade.Cascade;
import com.perprisk.engine.lab.LabInputs;
import com.perprisk.ui.format.Formats;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The cascade page: the same shock under the book-mid mark and the index-anchored mark, side by side, played round by
 * round ({@link #roundProperty()} from 0, the shock alone, to {@link #roundsProperty()}).
 */
public final class CascadePageModel {
    private final Formats formats;
    private final ObjectProperty<Cascade.Outcome> bookMid = new SimpleObjectProperty<>();
    private final ObjectProperty<Cascade.Outcome> anchored = new SimpleObjectProperty<>();
    private final IntegerProperty round = new SimpleIntegerProperty(0);
    private final ReadOnlyIntegerWrapper rounds = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper bookText = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper anchoredText = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    CascadePageModel(Formats formats) {
        this.formats = formats;
        round.addListener((obs, o, n) -> describe());
    }

    void load(LabInputs.CascadeIn in) {
        if (in == null) {
            bookMid.set(null);
            anchored.set(null);
            rounds.set(0);
            round.set(0);
            bookText.set(Formats.NONE);
            anchoredText.set(Formats.NONE);
            verdict.set("");
            problem.set("This lab document has no cascade section.");
            return;
        }
        try {
            bookMid.set(Cascade.run(in.setup(), Cascade.MarkRule.BOOK_MID));
            anchored.set(Cascade.run(in.setup(), Cascade.MarkRule.INDEX_ANCHORED));
            rounds.set(Math.max(bookMid.get().rounds().size(), anchored.get().rounds().size()));
            problem.set("");
            round.set(rounds.get());
            describe();
        } catch (EngineException e) {
            problem.set(e.getMessage());
        }
    }

    /** One step of the animation; false at the end. */
    public boolean step() {
        if (round.get() >= rounds.get()) {
            return false;
        }
        round.set(round.get() + 1);
        return true;
    }

    /** Back to the shock alone. */
    public void restart() {
        round.set(0);
    }

    private void describe() {
        if (bookMid.get() == null) {
            return;
        }
        bookText.set(text(bookMid.get()));
        anchoredText.set(text(anchored.get()));
        Cascade.Outcome b = bookMid.get();
        Cascade.Outcome a = anchored.get();
        verdict.set(round.get() < rounds.get() ? "Round " + round.get() + " of " + rounds.get()
                : "Book mark: " + b.liquidated() + " liquidated, mark " + formats.signedPercent(-b.markMove()
                * Math.signum(b.initialMark() - b.finalMark()), 2) + " · anchored: " + a.liquidated()
                + " liquidated, mark " + formats.signedPercent(-a.markMove() * Math.signum(a.initialMark()
                - a.finalMark()), 2) + (b.liquidated() > a.liquidated() ? " · the local book amplifies, the index damps"
                : ""));
    }

    /** The outcome up to the current round, in words. */
    private String text(Cascade.Outcome o) {
        int shown = Math.min(round.get(), o.rounds().size());
        int count = 0;
        double size = 0;
        double fund = 0;
        double mark = shown == 0 ? (o.rounds().isEmpty() ? o.finalMark() : o.rounds().get(0).markBefore())
                : o.rounds().get(shown - 1).markAfter();
        for (int i = 0; i < shown; i++) {
            Cascade.Round r = o.rounds().get(i);
            count += r.liquidated();
            size += r.liquidatedSize();
            fund += r.fundChange();
        }
        String s = "mark " + formats.price(mark, o.initialMark()) + " · " + count + " liquidated ("
                + formats.quantity(size, 4) + ") · fund " + formats.signedMoney(fund);
        if (shown == o.rounds().size()) {
            s += " · fund at end " + formats.money(o.insuranceFundEnd()) + ", ADL " + formats.money(o.adlAmount());
        }
        return s;
    }

    /** The mark after round {@code r} (0: after the shock) under an outcome. */
    public static double markAfter(Cascade.Outcome o, int r) {
        if (o.rounds().isEmpty()) {
            return o.finalMark();
        }
        if (r <= 0) {
            return o.rounds().get(0).markBefore();
        }
        return o.rounds().get(Math.min(r, o.rounds().size()) - 1).markAfter();
    }

    public ObjectProperty<Cascade.Outcome> bookMidProperty() {
        return bookMid;
    }

    public ObjectProperty<Cascade.Outcome> anchoredProperty() {
        return anchored;
    }

    public IntegerProperty roundProperty() {
        return round;
    }

    public ReadOnlyIntegerProperty roundsProperty() {
        return rounds.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bookTextProperty() {
        return bookText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty anchoredTextProperty() {
        return anchoredText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
