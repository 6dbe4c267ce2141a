package com.perprisk.ui.probability;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.probability.BarrierProbability;
import com.perprisk.engine.probability.MonteCarloLiquidation;
import com.perprisk.engine.probability.Sizing;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Liquidation probability under GBM: the closed form for every position as soon as the inputs change, and a Monte
 * Carlo run (funding, cross pools over several markets, correlated markets) as a background {@link Task} with progress
 * and cancel. Sizing helpers: the largest size or leverage whose touch probability stays under a level, and the
 * largest size for a loss budget at a stop.
 */
public final class ProbabilityViewModel {
    /** One position's probabilities, formatted. */
    public record Row(String positionId, String symbol, String liquidationPrice, String closedForm,
                      String monteCarlo, String standardError) {
    }

    private final RiskContext context;
    private final Formats formats;
    private final StringProperty volatilityPercent = new SimpleStringProperty(this, "volatilityPercent", "80");
    private final StringProperty horizonHours = new SimpleStringProperty(this, "horizonHours", "168");
    private final StringProperty paths = new SimpleStringProperty(this, "paths", "10000");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "1");
    private final StringProperty correlation = new SimpleStringProperty(this, "correlation", "0.7");
    private final StringProperty drift = new SimpleStringProperty(this, "drift", "0");
    private final BooleanProperty funding = new SimpleBooleanProperty(this, "funding", true);
    // sizing
    private final StringProperty sizingPosition = new SimpleStringProperty(this, "sizingPosition");
    private final StringProperty levelPercent = new SimpleStringProperty(this, "levelPercent", "5");
    private final StringProperty stopPrice = new SimpleStringProperty(this, "stopPrice", "");
    private final StringProperty maxLoss = new SimpleStringProperty(this, "maxLoss", "");
    private final ReadOnlyStringWrapper sizingResult = new ReadOnlyStringWrapper(this, "sizingResult", "");

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> positionIds = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper mcStatus = new ReadOnlyStringWrapper(this, "mcStatus", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private MonteCarloLiquidation.Result monteCarlo;
    private Portfolio monteCarloFor;
    private Task<MonteCarloLiquidation.Result> task;

    public ProbabilityViewModel(RiskContext context, Formats formats) {
        this.context = context;
        this.formats = formats;
        Runnable closed = this::refresh;
        for (StringProperty p : List.of(volatilityPercent, horizonHours, drift)) {
            p.addListener(o -> closed.run());
        }
        context.riskProperty().addListener(o -> closed.run());
        refresh();
    }

    // ------------------------------------------------------------------ properties

    public StringProperty volatilityPercentProperty() {
        return volatilityPercent;
    }

    public StringProperty horizonHoursProperty() {
        return horizonHours;
    }

    public StringProperty pathsProperty() {
        return paths;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty correlationProperty() {
        return correlation;
    }

    public StringProperty driftProperty() {
        return drift;
    }

    public BooleanProperty fundingProperty() {
        return funding;
    }

    public StringProperty sizingPositionProperty() {
        return sizingPosition;
    }

    public StringProperty levelPercentProperty() {
        return levelPercent;
    }

    public StringProperty stopPriceProperty() {
        return stopPrice;
    }

    public StringProperty maxLossProperty() {
        return maxLoss;
    }

    public ReadOnlyStringProperty sizingResultProperty() {
        return sizingResult.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<String> positionIds() {
        return positionIds;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty monteCarloStatusProperty() {
        return mcStatus.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public MonteCarloLiquidation.Result monteCarloResult() {
        return monteCarlo;
    }

    // ------------------------------------------------------------------ closed form

    private Double number(StringProperty p, String name, double min, double max) {
        Double v = formats.parse(p.get());
        if (v == null || !Double.isFinite(v) || v < min || v > max) {
            problem.set(name + " must be a number between " + formats.quantity(min, 4) + " and "
                    + formats.quantity(max, 4));
            return null;
        }
        return v;
    }

    /** Closed form for every position, from the results shown now. Runs on every input change: cheap. */
    public void refresh() {
        Portfolio p = context.getPortfolio();
        var risk = context.getRisk();
        List<String> ids = p == null ? List.of() : p.positions().stream().map(Position::id).toList();
        if (!ids.equals(positionIds)) {
            positionIds.setAll(ids);
        }
        if (sizingPosition.get() == null || !ids.contains(sizingPosition.get())) {
            sizingPosition.set(ids.isEmpty() ? null : ids.get(0));
        }
        if (p == null || risk == null) {
            rows.clear();
            problem.set("No results: " + context.problemProperty().get());
            return;
        }
        problem.set("");
        Double vol = number(volatilityPercent, "Volatility %", 0, 10_000);
        Double hours = number(horizonHours, "Horizon (hours)", 1e-3, 87_600);
        Double mu = number(drift, "Drift %", -10_000, 10_000);
        if (vol == null || hours == null || mu == null) {
            rows.clear();
            return;
        }
        boolean sameMc = monteCarlo != null && p.equals(monteCarloFor);
        List<Row> out = new ArrayList<>();
        for (PositionRisk r : risk.positions()) {
            double mark = p.requireMarket(r.symbol()).markPrice();
            double pc = BarrierProbability.touch(r.side(), mark, r.liquidationPrice(), vol / 100, mu / 100,
                    BarrierProbability.years(hours));
            var mc = sameMc ? monteCarlo.positions().stream().filter(x -> x.id().equals(r.id())).findFirst()
                    .orElse(null) : null;
            out.add(new Row(r.id(), r.symbol(), r.liquidationPrice() == null ? "none"
                    : formats.price(r.liquidationPrice(), mark), formats.percent(pc, 2),
                    mc == null ? Formats.NONE : formats.percent(mc.probability(), 2),
                    mc == null ? Formats.NONE : "± " + formats.percent(mc.standardError(), 2)));
        }
        rows.setAll(out);
    }

    // ------------------------------------------------------------------ Monte Carlo

    /** The Monte Carlo settings from the fields, or null (with the problem set). */
    public MonteCarloLiquidation.Settings monteCarloSettings() {
        Double vol = number(volatilityPercent, "Volatility %", 0, 10_000);
        Double hours = number(horizonHours, "Horizon (hours)", 1e-3, 87_600);
        Double n = number(paths, "Paths", 1, 10_000_000);
        Double s = number(seed, "Seed", -9e15, 9e15);
        Double rho = number(correlation, "Correlation", -1, 1);
        Double mu = number(drift, "Drift %", -10_000, 10_000);
        if (vol == null || hours == null || n == null || s == null || rho == null || mu == null) {
            return null;
        }
        return MonteCarloLiquidation.Settings.of(vol / 100, hours, (int) Math.round(n), Math.round(s))
                .withCorrelation(rho).withDrift(mu / 100).withFunding(funding.get());
    }

    /** Runs the Monte Carlo on the calling thread (tests; the task calls this). */
    public MonteCarloLiquidation.Result runMonteCarlo(Portfolio p, MonteCarloLiquidation.Settings s,
                                                      BooleanSupplier cancel, DoubleConsumer onProgress) {
        return MonteCarloLiquidation.run(p, s, cancel, onProgress);
    }

    /** Shows a finished (or cancelled) run. */
    public void accept(Portfolio p, MonteCarloLiquidation.Result r) {
        monteCarlo = r;
        monteCarloFor = p;
        mcStatus.set(r.cancelled() ? "Cancelled after " + formats.quantity((double) r.paths(), 0) + " paths"
                + (r.paths() > 0 ? ": the figures use the paths finished" : "")
                : formats.quantity((double) r.paths(), 0) + " paths × " + r.steps() + " steps");
        refresh();
    }

    /** Starts the Monte Carlo in the background; progress and cancel through the properties. */
    public Task<MonteCarloLiquidation.Result> startMonteCarlo() {
        cancelMonteCarlo();
        Portfolio p = context.getPortfolio();
        if (p == null || p.positions().isEmpty()) {
            mcStatus.set("Nothing to simulate");
            return null;
        }
        MonteCarloLiquidation.Settings s = monteCarloSettings();
        if (s == null) {
            mcStatus.set(problem.get());
            return null;
        }
        AtomicBoolean stop = new AtomicBoolean();
        Task<MonteCarloLiquidation.Result> t = new Task<>() {
            @Override
            protected MonteCarloLiquidation.Result call() {
                return runMonteCarlo(p, s, () -> stop.get() || isCancelled(), share -> updateProgress(share, 1));
            }

            @Override
            protected void cancelled() {
                stop.set(true);
            }
        };
        t.setOnSucceeded(e -> {
            running.set(false);
            progress.unbind();
            progress.set(1);
            accept(p, t.getValue());
        });
        t.setOnCancelled(e -> {
            running.set(false);
            progress.unbind();
            mcStatus.set("Cancelled");
        });
        t.setOnFailed(e -> {
            running.set(false);
            progress.unbind();
            mcStatus.set("Failed: " + (t.getException() == null ? "" : t.getException().getMessage()));
        });
        progress.bind(t.progressProperty());
        running.set(true);
        mcStatus.set("Running " + formats.quantity((double) s.paths(), 0) + " paths…");
        task = t;
        Thread th = new Thread(t, "perprisk-monte-carlo");
        th.setDaemon(true);
        th.start();
        return t;
    }

    public void cancelMonteCarlo() {
        if (task != null && task.isRunning()) {
            task.cancel();
        }
        task = null;
    }

    // ------------------------------------------------------------------ sizing

    /** Largest size and leverage under the level, and the largest size for the loss budget at the stop. */
    public void size() {
        Portfolio p = context.getPortfolio();
        if (p == null || sizingPosition.get() == null) {
            sizingResult.set("Choose a position.");
            return;
        }
        Position pos = p.positions().stream().filter(x -> x.id().equals(sizingPosition.get())).findFirst()
                .orElse(null);
        if (pos == null) {
            sizingResult.set("Choose a position.");
            return;
        }
        Market m = p.requireMarket(pos.symbol());
        double mark = m.markPrice();
        Double vol = number(volatilityPercent, "Volatility %", 0, 10_000);
        Double hours = number(horizonHours, "Horizon (hours)", 1e-3, 87_600);
        Double mu = number(drift, "Drift %", -10_000, 10_000);
        Double level = number(levelPercent, "Level %", 0, 100);
        if (vol == null || hours == null || mu == null || level == null) {
            sizingResult.set(problem.get());
            return;
        }
        double years = BarrierProbability.years(hours);
        List<String> lines = new ArrayList<>();
        try {
            Sizing.Answer a = Sizing.largestSize(p, pos.id(), vol / 100, mu / 100, years, level / 100);
            lines.add("Largest size with ≤ " + formats.quantity(level, 2) + "% chance of liquidation in "
                    + formats.quantity(hours, 1) + " h: " + formats.quantity(a.value(), 6) + " " + pos.symbol()
                    + " (now " + formats.quantity(pos.size(), 6) + "; liq. " + (a.liquidationPrice() == null ? "none"
                    : formats.price(a.liquidationPrice(), mark)) + ", " + formats.percent(a.probability(), 2) + ")"
                    + (a.bounded() ? "" : " — not bounded: no size reaches the level"));
        } catch (RuntimeException e) {
            lines.add("Largest size: " + e.getMessage());
        }
        if (pos.isIsolated()) {
            try {
                Sizing.Answer a = Sizing.largestLeverage(p, pos.id(), vol / 100, mu / 100, years, level / 100);
                lines.add("Largest leverage: " + formats.quantity(a.value(), 2) + "× (liq. "
                        + (a.liquidationPrice() == null ? "none" : formats.price(a.liquidationPrice(), mark)) + ", "
                        + formats.percent(a.probability(), 2) + ")" + (a.bounded() ? "" : " — the bracket's maximum"));
            } catch (RuntimeException e) {
                lines.add("Largest leverage: " + e.getMessage());
            }
        } else {
            lines.add("Leverage: a cross position's liquidation price does not depend on it (the cross wallet backs"
                    + " it); size it instead.");
        }
        Double stop = formats.parse(stopPrice.get());
        Double loss = formats.parse(maxLoss.get());
        if (stop != null && loss != null) {
            try {
                double q = Sizing.largestSizeForLoss(pos.side(), pos.entryPrice(), stop, loss, m.takerFeeRate());
                lines.add("Largest size for a loss of " + formats.money(loss) + " at a stop at "
                        + formats.price(stop, mark) + ": " + formats.quantity(q, 6) + " (fees included, taker "
                        + formats.percent(m.takerFeeRate(), 3) + " in and out)");
            } catch (RuntimeException e) {
                lines.add("Size for a loss at a stop: " + e.getMessage());
            }
        } else {
            lines.add("Give a stop price and a loss budget for the largest size at a stop.");
        }
        sizingResult.set(String.join("\n", lines));
    }
}
