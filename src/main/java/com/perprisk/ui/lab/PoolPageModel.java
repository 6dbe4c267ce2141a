package com.perprisk.ui.lab;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.lab.LabEvaluator;
import com.perprisk.engine.lab.LabInputs;
import com.perprisk.engine.pool.PoolExplainer;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.format.WorkingText;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;

import java.util.List;
import java.util.Map;

/**
 * The pool page: open interest per side, the pool's value after trader PnL, fees and funding, and the ADL gauge:
 * PnL / pool of each side against the max PnL factor for ADL.
 */
public final class PoolPageModel {
    private final Formats formats;
    private final ReadOnlyStringWrapper poolValue = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper openInterest = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper funding = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper fees = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper adl = new ReadOnlyStringWrapper(Formats.NONE);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper working = new ReadOnlyStringWrapper("");
    private final DoubleProperty longOi = new SimpleDoubleProperty();
    private final DoubleProperty shortOi = new SimpleDoubleProperty();
    /** Long PnL / pool as a share of the ADL threshold (1 = at the threshold), for the gauge. */
    private final DoubleProperty longGauge = new SimpleDoubleProperty();
    private final DoubleProperty shortGauge = new SimpleDoubleProperty();

    PoolPageModel(Formats formats) {
        this.formats = formats;
    }

    void load(LabInputs.PoolIn in) {
        if (in == null) {
            fail("This lab document has no pool section.");
            return;
        }
        try {
            LabEvaluator.PoolOut p = LabEvaluator.evaluate(new LabInputs(null, null, null, null, null, null, in, null))
                    .pool();
            poolValue.set(formats.money(p.poolValue()));
            longOi.set(p.openInterest().get(Side.LONG));
            shortOi.set(p.openInterest().get(Side.SHORT));
            openInterest.set("long " + formats.money(p.openInterest().get(Side.LONG)) + " · short "
                    + formats.money(p.openInterest().get(Side.SHORT)));
            funding.set("long " + formats.signedPercent(p.fundingPerSecond().get(Side.LONG) * 3600, 4) + "/h · short "
                    + formats.signedPercent(p.fundingPerSecond().get(Side.SHORT) * 3600, 4) + "/h (+ pays)");
            StringBuilder f = new StringBuilder("position fee " + formats.percent(p.pool().positionFeeFactor(), 3));
            for (LabEvaluator.TradeOut t : p.trades()) {
                f.append('\n').append(t.trade().side().name().toLowerCase()).append(' ')
                        .append(formats.signedMoney(t.trade().sizeDeltaUsd())).append(": fee ")
                        .append(formats.money(t.positionFee())).append(", impact ")
                        .append(formats.signedMoney(t.priceImpact()));
            }
            fees.set(f.toString());
            double max = p.pool().maxPnlFactorForAdl();
            Double lf = p.pnlToPoolFactor().get(Side.LONG);
            Double sf = p.pnlToPoolFactor().get(Side.SHORT);
            longGauge.set(lf == null || max == 0 ? 0 : Math.max(0, lf / max));
            shortGauge.set(sf == null || max == 0 ? 0 : Math.max(0, sf / max));
            adl.set("PnL / pool: long " + formats.percent(lf, 1) + ", short " + formats.percent(sf, 1)
                    + "\nADL above " + formats.percent(max, 1) + ", down to "
                    + formats.percent(p.pool().minPnlFactorAfterAdl(), 1)
                    + (p.adlRequired().get(Side.LONG) ? "\nlongs ADL'd: " + formats.percent(p.adlShare().get(Side.LONG), 1)
                    + " of their size" : "") + (p.adlRequired().get(Side.SHORT) ? "\nshorts ADL'd: "
                    + formats.percent(p.adlShare().get(Side.SHORT), 1) : ""));
            Map<String, Explanation> ex = PoolExplainer.explain(p.pool());
            StringBuilder sb = new StringBuilder();
            ex.values().forEach(e -> sb.append(new WorkingText(formats).text(e, null)).append('\n'));
            working.set(sb.toString().trim());
            problem.set("");
        } catch (EngineException e) {
            fail(e.getMessage());
        }
    }

    private void fail(String message) {
        for (ReadOnlyStringWrapper w : List.of(poolValue, openInterest, funding, fees, adl)) {
            w.set(Formats.NONE);
        }
        longOi.set(0);
        shortOi.set(0);
        longGauge.set(0);
        shortGauge.set(0);
        working.set("");
        problem.set(message);
    }

    public ReadOnlyStringProperty poolValueProperty() {
        return poolValue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty openInterestProperty() {
        return openInterest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fundingProperty() {
        return funding.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty feesProperty() {
        return fees.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty adlProperty() {
        return adl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public DoubleProperty longOiProperty() {
        return longOi;
    }

    public DoubleProperty shortOiProperty() {
        return shortOi;
    }

    public DoubleProperty longGaugeProperty() {
        return longGauge;
    }

    public DoubleProperty shortGaugeProperty() {
        return shortGauge;
    }
}
