package com.perprisk.ui.lab;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.lab.LabInputs;
import com.perprisk.engine.pricing.IndexPrice;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.format.WorkingText;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The index page: the feeds as editable rows (name, price, volume, age) and the rules; every edit recomputes the
 * index, marks each row used or dropped with the reason, and explains the price. A bad cell names itself in the
 * problem line and leaves the last good index on screen as "—".
 */
public final class IndexPageModel {
    /** One feed as the table edits it. */
    public static final class Row {
        private final StringProperty name = new SimpleStringProperty();
        private final StringProperty price = new SimpleStringProperty();
        private final StringProperty volume = new SimpleStringProperty();
        private final StringProperty age = new SimpleStringProperty();
        private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
        private final BooleanProperty dropped = new SimpleBooleanProperty();

        Row(String name, String price, String volume, String age) {
            this.name.set(name);
            this.price.set(price);
            this.volume.set(volume);
            this.age.set(age);
        }

        public StringProperty nameProperty() {
            return name;
        }

        public StringProperty priceProperty() {
            return price;
        }

        public StringProperty volumeProperty() {
            return volume;
        }

        public StringProperty ageProperty() {
            return age;
        }

        /** "used", or "dropped: why". */
        public ReadOnlyStringProperty statusProperty() {
            return status.getReadOnlyProperty();
        }

        public BooleanProperty droppedProperty() {
            return dropped;
        }
    }

    private final Formats formats;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty maxDeviationPercent = new SimpleStringProperty("");
    private final StringProperty maxAgeSeconds = new SimpleStringProperty("");
    private final StringProperty minSources = new SimpleStringProperty("");
    private final BooleanProperty median = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper price = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper working = new ReadOnlyStringWrapper("");
    private IndexPrice.Fallback fallback = IndexPrice.Fallback.MEDIAN_OF_FRESH;
    private boolean loading;

    IndexPageModel(Formats formats) {
        this.formats = formats;
        for (StringProperty p : List.of(maxDeviationPercent, maxAgeSeconds, minSources)) {
            p.addListener((obs, o, n) -> recompute());
        }
        median.addListener((obs, o, n) -> recompute());
    }

    void load(LabInputs.IndexIn in) {
        loading = true;
        rows.clear();
        if (in != null) {
            for (IndexPrice.Source s : in.sources()) {
                addRow(s.name(), formats.editText(s.price()), formats.editText(s.volume()),
                        formats.editText(s.ageSeconds()));
            }
            maxDeviationPercent.set(formats.editText(in.rules().maxDeviation() * 100));
            maxAgeSeconds.set(Double.isInfinite(in.rules().maxAgeSeconds()) ? ""
                    : formats.editText(in.rules().maxAgeSeconds()));
            minSources.set(Integer.toString(in.rules().minSources()));
            median.set(in.rules().method() == IndexPrice.Method.MEDIAN);
            fallback = in.rules().fallback();
        }
        loading = false;
        recompute();
    }

    /** Adds a feed row (the table's "Add feed"). */
    public Row addRow(String name, String price, String volume, String age) {
        Row r = new Row(name, price, volume, age);
        for (StringProperty p : List.of(r.name, r.price, r.volume, r.age)) {
            p.addListener((obs, o, n) -> recompute());
        }
        rows.add(r);
        recompute();
        return r;
    }

    public void removeRow(Row r) {
        rows.remove(r);
        recompute();
    }

    /** Recomputes the index from the rows and rules as they stand. */
    void recompute() {
        if (loading) {
            return;
        }
        for (Row r : rows) {
            r.status.set("");
            r.dropped.set(false);
        }
        if (rows.isEmpty()) {
            fail("Add at least one feed.");
            return;
        }
        try {
            List<IndexPrice.Source> sources = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                String at = "Feed " + (i + 1) + " ";
                String name = r.name.get() == null || r.name.get().isBlank() ? null : r.name.get().trim();
                if (name == null) {
                    throw new EngineException(at + "name: give the venue a name");
                }
                sources.add(new IndexPrice.Source(name, number(at + "price", r.price.get(), null),
                        number(at + "volume", r.volume.get(), median.get() ? 1.0 : null),
                        number(at + "age", r.age.get(), 0.0)));
            }
            double dev = number("Max deviation", maxDeviationPercent.get(), 5.0) / 100.0;
            double age = number("Max age", maxAgeSeconds.get(), Double.POSITIVE_INFINITY);
            double min = number("Min sources", minSources.get(), 1.0);
            if (min != Math.rint(min)) {
                throw new EngineException("Min sources: a whole number, got " + minSources.get());
            }
            IndexPrice.Rules rules = new IndexPrice.Rules(dev, age, (int) min,
                    median.get() ? IndexPrice.Method.MEDIAN : IndexPrice.Method.VWAP, fallback);
            IndexPrice.IndexResult result = IndexPrice.compute(sources, rules);
            Explanation ex = IndexPrice.explain(sources, rules);
            for (IndexPrice.Dropped d : result.droppedSources()) {
                rows.stream().filter(r -> d.name().equals(r.name.get().trim())).forEach(r -> {
                    r.status.set("dropped: " + d.reason());
                    r.dropped.set(true);
                });
            }
            for (IndexPrice.Source s : result.used()) {
                rows.stream().filter(r -> s.name().equals(r.name.get().trim()))
                        .forEach(r -> r.status.set(result.fellBack() ? "used (fallback median)" : "used"));
            }
            price.set(formats.number(result.price(), 2));
            working.set(new WorkingText(formats).text(ex, null));
            problem.set(result.fellBack() ? "Too few feeds passed the checks: the index falls back to the median of"
                    + " the fresh feeds." : "");
        } catch (EngineException e) {
            fail(e.getMessage());
        }
    }

    private void fail(String message) {
        price.set(Formats.NONE);
        working.set("");
        problem.set(message);
    }

    private double number(String what, String text, Double fallbackValue) {
        if (Formats.isBlank(text)) {
            if (fallbackValue == null) {
                throw new EngineException(what + ": required");
            }
            return fallbackValue;
        }
        Double d = formats.parse(text);
        if (d == null) {
            throw new EngineException(what + ": not a number: " + text);
        }
        return d;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty maxDeviationPercentProperty() {
        return maxDeviationPercent;
    }

    public StringProperty maxAgeSecondsProperty() {
        return maxAgeSeconds;
    }

    public StringProperty minSourcesProperty() {
        return minSources;
    }

    public BooleanProperty medianProperty() {
        return median;
    }

    public ReadOnlyStringProperty priceProperty() {
        return price.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The index's working, as text. */
    public ReadOnlyStringProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
