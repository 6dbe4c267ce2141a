package com.perprisk.ui.lab;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.funding.FundingMethod;
import com.perprisk.engine.lab.LabEvaluator;
import com.perprisk.engine.lab.LabInputs;
import com.perprisk.ui.format.Formats;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * The funding page: the premium samples over the interval, the band inside which the rate is not clamped (Binance
 * and Hyperliquid: the interest ± the clamp on I − P; dYdX: ±clamp factor × (IMF − MMF)), the resulting rate, and the
 * funding index accruing hour by hour at that rate.
 */
public final class FundingPageModel {
    /** What the page draws: samples, premium, band, rate, and the funding index by hour. */
    public record Chart(FundingMethod method, List<Double> samples, double premium, double bandLow, double bandHigh,
                        double rate, List<double[]> fundingIndex) {
    }

    private final Formats formats;
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
        if (in == null || in.funding() == null) {
            fail("This lab document has no funding section.");
            return;
        }
        try {
            LabEvaluator.LabResults r = LabEvaluator.evaluate(new LabInputs(in.name(), in.index(), in.book(),
                    in.funding(), null, null, null, null));
            FundingMethod.Result f = r.funding();
            FundingMethod.Inputs fi = in.funding().inputs();
            double low;
            double high;
            if (in.funding().method() == FundingMethod.DYDX) {
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
            chart.set(new Chart(in.funding().method(), f.samples(), f.premiumIndex(), low, high, f.rate(), index));
            rate.set(formats.signedPercent(f.rate(), 4) + " per " + formats.quantity(f.intervalHours(), 2) + " h");
            premium.set(formats.signedPercent(f.premiumIndex(), 4));
            perHour.set(formats.signedPercent(f.ratePerHour(), 5));
            apr.set(formats.signedPercent(f.apr(), 2));
            bound.set(f.clampBound() == null ? "no cap" : "±" + formats.percent(f.clampBound(), 4));
            StringBuilder sb = new StringBuilder();
            for (String k : List.of("premiumIndex", "clampBound", "rate", "ratePerHour", "apr", "fundingIndexDelta")) {
                Explanation e = f.explanations().get(k);
                if (e != null) {
                    sb.append(e.toText()).append('\n');
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
