package com.perprisk.ui.charts;

import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One chart's view model: turns a snapshot of the {@link RiskContext} into {@link ChartData} with {@link #compute}
 * (pure, tested without a screen). While {@link #setActive active} (its tab is shown) it follows the context: every
 * change of the results or the selection sends a sweep to the {@link ChartWorker}; the newest result is applied on the
 * FX thread and older ones are dropped.
 */
public abstract class ChartViewModel {
    /** Points per swept curve. */
    public static final int POINTS = 500;

    protected final Formats fmt;
    private final RiskContext context;
    private final ReadOnlyObjectWrapper<ChartData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final AtomicLong latest = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private boolean active;

    protected ChartViewModel(RiskContext context, Formats fmt) {
        this.context = context;
        this.fmt = fmt;
        if (context != null) {
            context.riskProperty().addListener((o, a, b) -> refresh());
            context.problemProperty().addListener((o, a, b) -> refresh());
            context.selectedPositionIdProperty().addListener((o, a, b) -> refresh());
        }
    }

    /** The chart's title (also its tab's text). */
    public abstract String title();

    /** Computes the chart for a snapshot. Pure: safe on any thread. */
    public abstract ChartData compute(ChartInput input);

    /** The last applied chart, or null before the first one arrives. */
    public ReadOnlyObjectProperty<ChartData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ChartData getData() {
        return data.get();
    }

    /** Only an active model (its chart is on screen) sweeps; activating it brings it up to date. */
    public void setActive(boolean active) {
        this.active = active;
        if (active) {
            refresh();
        }
    }

    public boolean isActive() {
        return active;
    }

    /** Whether the newest request has been applied (for tests: the chart is up to date). */
    public boolean isSettled() {
        return applied.get() == latest.get();
    }

    /** Requests a sweep of the current context (FX thread). */
    public void refresh() {
        if (!active || context == null) {
            return;
        }
        ChartInput input = ChartInput.of(context);
        long generation = latest.incrementAndGet();
        ChartWorker.submit(() -> {
            if (generation != latest.get()) {
                return; // a newer request is queued
            }
            ChartData result = safeCompute(input);
            Platform.runLater(() -> {
                if (generation == latest.get()) {
                    data.set(result);
                    applied.set(generation);
                }
            });
        });
    }

    /** {@link #compute}, turning an engine failure into a message instead of an exception. */
    public ChartData safeCompute(ChartInput input) {
        String missing = input.missing();
        if (missing != null) {
            return ChartData.empty(title(), missing);
        }
        try {
            return compute(input);
        } catch (RuntimeException e) {
            String m = e.getMessage();
            return ChartData.empty(title(), "This chart cannot be computed: "
                    + (m == null || m.isBlank() ? e.getClass().getSimpleName() : m));
        }
    }
}
