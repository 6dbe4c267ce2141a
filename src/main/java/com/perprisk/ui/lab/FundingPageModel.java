package com.perprisk.ui.lab;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.funding.FundingMethod;
import com.perprisk.engine.lab.LabEvaluator;
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
 * The funding page: the premium samples over the interval, the band inside which the rate is not clamped (Binance
 * and Hyperliquid: the interest ± the clamp on I − P; dYdX: ±clamp factor × (IMF − MMF)), the resulting rate, and the
 * funding index accruing hour by hour at that rate. The premium samples are editable rows (in percent); while there
 * are none, the document's own source is used (its validators' votes, or one sample from the book and the index). A
 * bad cell names itself ("Sample 3: …") in the problem line and the figures show "—".
 */
public final class FundingPageModel {
    /** One premium sample as the table edits it, in percent (0.01 = 0.01 %). */
    public static final class SampleRow {
        private final StringProperty percent = new SimpleStringProperty();

        SampleRow(String percent) {
            this.percent.set(percent);
        }

        public StringProperty percentProperty() {
            return percent;
        }
    }

    /** What the page draws: samples, premium, band, rate, and the funding index by hour. */
    public record Chart(FundingMethod method, List<Double> samples, double premium, double bandLow, double bandHigh,
                        double rate, List<double[]> fundingIndex) {
    }

    private final Formats formats;
    private final ObservableList<SampleRow> sampleRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper sampleSource = new ReadOnlyStringWrapper("");
    private LabInputs document;
    private boolean loading;
    private final ObjectProperty<Chart> chart = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper premium = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper perHour = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper apr = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper bound = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper working = new ReadOnlyStringWrapper("");

    FundingPageModel(Formats formats) {
        this.formats = formats;
    }

    void load(LabInputs in) {
        loading = true;
        document = in;
        sampleRows.clear();
        if (in != null && in.funding() != null) {
            for (double s : in.funding().inputs().premiumSamples()) {
                addSample(formats.editText(s * 100));
            }
        }
        loading = false;
        recompute();
    }

    /** Adds a premium sample row (the table's "Add sample"). */
    public SampleRow addSample(String percent) {
        SampleRow r = new SampleRow(percent);
        r.percent.addListener((obs, o, n) -> recompute());
        sampleRows.add(r);
        recompute();
        return r;
    }

    public void removeSample(SampleRow r) {
        sampleRows.remove(r);
        recompute();
    }

    /**
     * The document's funding inputs with the samples as the rows stand; with no rows, the document's votes, or (none)
     * one sample from the book and the index.
     */
    private LabInputs.FundingIn edited(LabInputs.FundingIn in) {
        FundingMethod.Inputs i = in.inputs();
        List<Double> samples = new ArrayList<>();
        for (int k = 0; k < sampleRows.size(); k++) {
            String text = sampleRows.get(k).percent.get();
            String at = "Sample " + (k + 1);
            if (Formats.isBlank(text)) {
                throw new EngineException(at + ": required (a premium in %)");
            }
            Double d = formats.parse(text);
            if (d == null || !Double.isFinite(d)) {
                throw new EngineException(at + ": not a number: " + text);
            }
            samples.add(d / 100);
        }
        boolean votes = samples.isEmpty() && !i.premiumVotes().isEmpty();
        sampleSource.set(!samples.isEmpty() ? "" : votes ? "No samples entered: each sample is the median of its"
                + " validators' votes (the document's)." : "No samples entered: one sample from the book's impact"
                + " prices and the index.");
        return new LabInputs.FundingIn(in.method(), new FundingMethod.Inputs(samples,
                votes ? i.premiumVotes() : null, i.expectedSamples(), i.interest(), i.clampFloor(),
                i.clampCeiling(), i.cap(), i.intervalHours(), i.defaultFunding(), i.initialMarginFraction(),
                i.maintenanceFraction(), i.clampFactor(), i.minVotesPerSample(), i.tailRemovalRatio(),
                i.elapsedHours(), i.oraclePrice(), i.premiumVoteClampFactor()));
    }

    private void recompute() {
        if (loading) {
            return;
        }
        LabInputs in = document;
        if (in == null || in.funding() == null) {
            sampleSource.set("");
            fail("This lab document has no funding section.");
            return;
        }
        try {
            LabInputs.FundingIn funding = edited(in.funding());
            LabEvaluator.LabResults r = LabEvaluator.evaluate(new LabInputs(in.name(), in.index(), in.book(),
                    funding, null, null, null, null));
            FundingMethod.Result f = r.funding();
            FundingMethod.Inputs fi = funding.inputs();
            double low;
            double high;
            if (funding.method() == FundingMethod.DYDX) {
                low = -f.clampBound();
                high = f.clampBound();
            } else {
                double interest = fi.interest() != null ? fi.interest() : 0.0001 * f.intervalHours() / 8.0;
                double floor = fi.clampFloor() != null ? fi.clampFloor() : -0.0005;
                double ceiling = fi.clampCeiling() != null ? fi.clampCeiling() : 0.0005;
                // I − P within [floor, ceiling] ⇔ P within [I − ceiling, I − floor]: there F = I
                low = interest - ceiling;
                high = interest - floor;
            }
            double price = fi.oraclePrice() != null ? fi.oraclePrice()
                    : r.index() != null ? r.index().price() : 1.0;
            List<double[]> index = new ArrayList<>();
            int hours = (int) Math.max(8, Math.ceil(fi.elapsedHours() == null ? 24 : fi.elapsedHours()));
            for (int h = 0; h <= hours; h++) {
                // funding index = F × h / interval × price
                index.add(new double[]{h, f.rate() * h / f.intervalHours() * price});
            }
            chart.set(new Chart(funding.method(), f.samples(), f.premiumIndex(), low, high, f.rate(), index));
            rate.set(formats.signedPercent(f.rate(), 4) + " per " + formats.quantity(f.intervalHours(), 2) + " h");
            premium.set(formats.signedPercent(f.premiumIndex(), 4));
            perHour.set(formats.signedPercent(f.ratePerHour(), 5));
            apr.set(formats.signedPercent(f.apr(), 2));
            bound.set(f.clampBound() == null ? "no cap" : "±" + formats.percent(f.clampBound(), 4));
            StringBuilder sb = new StringBuilder();
            for (String k : List.of("premiumIndex", "clampBound", "rate", "ratePerHour", "apr", "fundingIndexDelta")) {
                Explanation e = f.explanations().get(k);
                if (e != null) {
                    sb.append(new WorkingText(formats).text(e, null)).append('\n');
                }
            }
            working.set(sb.toString().trim());
            problem.set("");
        } catch (EngineException e) {
            fail(e.getMessage());
        }
    }

    private void fail(String message) {
        chart.set(null);
        for (ReadOnlyStringWrapper w : List.of(rate, premium, perHour, apr, bound)) {
            w.set(Formats.NONE);
        }
        working.set("");
        problem.set(message);
    }

    /** The premium samples as entered (empty: the document's votes, or the book and the index). */
    public ObservableList<SampleRow> sampleRows() {
        return sampleRows;
    }

    /** Where the samples come from while none are entered, or empty. */
    public ReadOnlyStringProperty sampleSourceProperty() {
        return sampleSource.getReadOnlyProperty();
    }

    public ObjectProperty<Chart> chartProperty() {
        return chart;
    }

    public ReadOnlyStringProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty premiumProperty() {
        return premium.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty perHourProperty() {
        return perHour.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty aprProperty() {
        return apr.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty boundProperty() {
        return bound.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
