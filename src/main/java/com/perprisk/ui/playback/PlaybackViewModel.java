package com.perprisk.ui.playback;

import com.perprisk.io.SimulationWorkspace;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.simulation.PricePath;
import com.perprisk.engine.simulation.Simulation;
import com.perprisk.engine.simulation.SimulationEvent;
import com.perprisk.io.FieldProblem;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Price-path playback: builds a path (seeded GBM, an imported CSV, or a path drawn by hand), runs the simulation once
 * over it keeping the state after every point, and replays it tick by tick. Each tick pushes the simulated portfolio
 * into the workspace ({@link WorkspaceViewModel#showPlayback}) so every number, tile and chart follows; the event log
 * grows with the events up to the tick. Stop returns to the entered workspace. Runs on the FX thread (any single
 * thread in tests: {@link #step()} and {@link #seek(int)} do not need the timeline).
 */
public final class PlaybackViewModel {
    /** Where the prices come from. */
    public enum Source {
        GBM("Random walk (GBM)"),
        CSV("Imported CSV"),
        DRAWN("Drawn by hand");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One line of the event log. */
    public record EventRow(int step, double timeHours, String type, String position, String details,
                           SimulationEvent event) {
    }

    private final WorkspaceViewModel workspace;
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.GBM);
    private final DoubleProperty volatility = new SimpleDoubleProperty(this, "volatility", 0.8);
    private final DoubleProperty drift = new SimpleDoubleProperty(this, "drift", 0);
    private final DoubleProperty stepHours = new SimpleDoubleProperty(this, "stepHours", 1);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 240);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 1);
    private final DoubleProperty correlation = new SimpleDoubleProperty(this, "correlation", 0.7);
    /** Ticks per second. */
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 10);
    private final DoubleProperty slippage = new SimpleDoubleProperty(this, "slippage", 0);
    private final DoubleProperty liquidationFee = new SimpleDoubleProperty(this, "liquidationFee", 0);
    private final BooleanProperty pauseOnLiquidation = new SimpleBooleanProperty(this, "pauseOnLiquidation", true);
    /** Whether the chart shows the path ahead of the tick (off: the class sees it unfold). */
    private final BooleanProperty showFuture = new SimpleBooleanProperty(this, "showFuture", false);

    private final ReadOnlyIntegerWrapper tick = new ReadOnlyIntegerWrapper(this, "tick", 0);
    private final ReadOnlyIntegerWrapper lastTick = new ReadOnlyIntegerWrapper(this, "lastTick", 0);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<PricePath> path = new ReadOnlyObjectWrapper<>(this, "path");
    private final ReadOnlyObjectWrapper<Simulation.Tick> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ObservableList<EventRow> log = FXCollections.observableArrayList();

    private String csvText;
    private String csvName;
    /** Hand-drawn marks: symbol → (step → mark), interpolated between the points drawn. */
    private final Map<String, TreeMap<Integer, Double>> drawn = new LinkedHashMap<>();
    private List<Simulation.Tick> ticks = List.of();
    private List<SimulationEvent> events = List.of();
    private Simulation.Result result;
    private Portfolio startPortfolio;
    /** Created on the first play, so that the view model works without a JavaFX toolkit (tests). */
    private Timeline timeline;

    public PlaybackViewModel(WorkspaceViewModel workspace) {
        this.workspace = workspace;
        speed.addListener((obs, o, n) -> retime());
        // a new document ends the playback (the workspace has already dropped the simulated state)
        workspace.loadsProperty().addListener((obs, o, n) -> reset());
        // an edit of the inputs during a playback ends it: the run no longer belongs to them
        workspace.context().enteredPortfolioProperty().addListener((obs, o, n) -> {
            if (active.get() && !workspace.isPlaybackShown()) {
                reset();
                status.set("The inputs changed: Play runs the path from the new inputs.");
            }
        });
    }

    private void retime() {
        if (timeline == null) {
            return;
        }
        boolean wasPlaying = playing.get();
        timeline.stop();
        double s = Math.max(0.25, Math.min(200, speed.get()));
        timeline.getKeyFrames().setAll(new KeyFrame(Duration.millis(1000 / s), e -> {
            if (!step()) {
                pause();
            }
        }));
        if (wasPlaying) {
            timeline.play();
        }
    }

    // ------------------------------------------------------------------ properties

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public DoubleProperty volatilityProperty() {
        return volatility;
    }

    public DoubleProperty driftProperty() {
        return drift;
    }

    public DoubleProperty stepHoursProperty() {
        return stepHours;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public DoubleProperty correlationProperty() {
        return correlation;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public DoubleProperty slippageProperty() {
        return slippage;
    }

    public DoubleProperty liquidationFeeProperty() {
        return liquidationFee;
    }

    public BooleanProperty pauseOnLiquidationProperty() {
        return pauseOnLiquidation;
    }

    public BooleanProperty showFutureProperty() {
        return showFuture;
    }

    public ReadOnlyIntegerProperty tickProperty() {
        return tick.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty lastTickProperty() {
        return lastTick.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** True while a prepared run is shown in the workspace. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** One line: time, fund, what is happening. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the playback cannot start, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PricePath> pathProperty() {
        return path.getReadOnlyProperty();
    }

    /** The state shown now, or null. */
    public ReadOnlyObjectProperty<Simulation.Tick> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Events up to the current tick, in order. */
    public ObservableList<EventRow> log() {
        return log;
    }

    /** Every event of the prepared run (the log shows those up to the tick). */
    public List<SimulationEvent> allEvents() {
        return events;
    }

    public Simulation.Result result() {
        return result;
    }

    public WorkspaceViewModel workspace() {
        return workspace;
    }

    // ------------------------------------------------------------------ sources

    /** Uses a CSV price path ({@code timestamp, symbol, mark[, index, fundingRate]}); errors show at prepare. */
    public void useCsv(String name, String text) {
        csvName = name;
        csvText = text;
        source.set(Source.CSV);
        reset();
    }

    public String csvName() {
        return csvName;
    }

    /**
     * Sets the hand-drawn mark of a market at a step (other steps are interpolated between drawn points; before the
     * first and after the last drawn point the nearest drawn value holds; step 0 is always the entered mark).
     */
    public void draw(String symbol, int step, double mark) {
        if (!(mark > 0) || !Double.isFinite(mark) || step < 0) {
            return;
        }
        drawn.computeIfAbsent(symbol, s -> new TreeMap<>()).put(step, mark);
        source.set(Source.DRAWN);
    }

    public void clearDrawing() {
        drawn.clear();
    }

    public Map<String, TreeMap<Integer, Double>> drawing() {
        return drawn;
    }

    /** The path the current settings describe, from the entered portfolio's marks. */
    public PricePath buildPath(Portfolio entered) {
        return PlaybackPaths.build(source.get(), () -> new PricePath.GbmSpec(volatility.get(), drift.get(),
                stepHours.get(), steps.get(), seed.get(), correlation.get()), csvText, drawn, steps.get(),
                stepHours.get(), entered);
    }

    // ------------------------------------------------------------------ run

    /**
     * Builds the path and runs the simulation over it from the entered workspace (its insurance fund and
     * counterparties included), then shows tick 0. Returns false (with {@link #problemProperty()}) when it cannot.
     */
    public boolean prepare() {
        pause();
        workspace.context().playbackNotesProperty().set(Map.of());
        workspace.clearPlayback();
        Portfolio entered = workspace.context().enteredPortfolioProperty().get();
        if (entered == null || workspace.hasErrors()) { // a partial result leaves positions out: not playable
            fail("The workspace has no results to play: " + workspace.context().problemProperty().get());
            return false;
        }
        if (entered.markets().isEmpty()) {
            fail("The workspace has no markets to play.");
            return false;
        }
        try {
            SimulationWorkspace.Extension ext = SimulationWorkspace.read(workspace.toDocument().extra(), entered);
            if (ext.hasErrors()) {
                fail(ext.problems().stream().filter(FieldProblem::isError).findFirst().orElseThrow().toString());
                return false;
            }
            PricePath p = buildPath(entered);
            Simulation.Settings settings = new Simulation.Settings(ext.insuranceFund(), ext.counterparties(),
                    slippage.get(), liquidationFee.get()).withCoinFunds(ext.coinInsuranceFunds());
            List<Simulation.Tick> all = new ArrayList<>(p.points());
            result = Simulation.run(entered, p, settings, all::add);
            ticks = List.copyOf(all);
            events = result.events();
            startPortfolio = entered;
            path.set(p);
        } catch (RuntimeException e) {
            fail(e.getMessage() == null ? e.toString() : e.getMessage());
            return false;
        }
        problem.set("");
        log.clear();
        lastTick.set(ticks.size() - 1);
        active.set(true);
        tick.set(-1);
        show(0);
        return true;
    }

    private void fail(String message) {
        problem.set(message);
        status.set("");
        active.set(false);
    }

    /** Plays from the current tick (prepares first when nothing is prepared). */
    public void play() {
        if (!active.get() && !prepare()) {
            return;
        }
        if (tick.get() >= lastTick.get()) {
            show(0);
        }
        playing.set(true);
        if (timeline == null) {
            timeline = new Timeline();
            timeline.setCycleCount(Timeline.INDEFINITE);
            retime();
        }
        timeline.play();
    }

    public void pause() {
        if (timeline != null) {
            timeline.stop();
        }
        playing.set(false);
    }

    /** One tick forward; false at the end. Prepares first when nothing is prepared. */
    public boolean step() {
        if (!active.get() && !prepare()) {
            return false;
        }
        if (tick.get() >= lastTick.get()) {
            return false;
        }
        int before = log.size();
        show(tick.get() + 1);
        if (pauseOnLiquidation.get() && playing.get() && log.subList(before, log.size()).stream()
                .anyMatch(r -> pausesAt(r.event()))) {
            pause();
        }
        return tick.get() < lastTick.get();
    }

    /** Whether "Pause at liquidation" stops at this event: a liquidation, full or partial, or an ADL. */
    static boolean pausesAt(SimulationEvent e) {
        return e.type() == SimulationEvent.Type.LIQUIDATION || e.type() == SimulationEvent.Type.PARTIAL_LIQUIDATION
                || e.type() == SimulationEvent.Type.ADL;
    }

    /** Jumps to a tick (the log shows the events up to it). */
    public void seek(int k) {
        if (!active.get() && !prepare()) {
            return;
        }
        show(Math.max(0, Math.min(lastTick.get(), k)));
    }

    /** Jumps to the end of the path. */
    public void toEnd() {
        if (!active.get() && !prepare()) {
            return;
        }
        seek(lastTick.get());
    }

    /** Stops and returns every number to the entered workspace. */
    public void reset() {
        pause();
        boolean was = active.get();
        active.set(false);
        ticks = List.of();
        events = List.of();
        result = null;
        log.clear();
        tick.set(0);
        lastTick.set(0);
        current.set(null);
        status.set("");
        if (was) {
            path.set(null);
        }
        workspace.context().playbackNotesProperty().set(Map.of());
        workspace.clearPlayback();
    }

    private void show(int k) {
        Simulation.Tick t = ticks.get(k);
        int shown;
        if (k < tick.get() || tick.get() < 0) {
            log.clear();
            shown = 0;
        } else {
            shown = log.size();
        }
        List<EventRow> add = new ArrayList<>();
        for (int i = shown; i < t.events(); i++) {
            add.add(EventRows.of(events.get(i), workspace.context().enteredPortfolioProperty().get(),
                    workspace.formats()));
        }
        log.addAll(add);
        tick.set(k);
        current.set(t);
        workspace.context().playbackNotesProperty().set(SimulatedInputs.notes(events, t.events(), workspace.formats()));
        workspace.context().playbackTimeProperty().set(t.timeHours());
        workspace.showPlayback(t.portfolio(), startPortfolio);
        status.set(String.format("t = %s h · step %d of %d · insurance fund %s · %d events · %s",
                PlaybackPaths.trim(t.timeHours()), k, lastTick.get(), workspace.formats().money(t.insuranceFund()), t.events(),
                pathSummary()));
    }

    /** The path in words: "random walk σ 80%, seed 1, 240 × 1 h steps". */
    public String pathSummary() {
        return PlaybackPaths.summary(source.get(), workspace.formats(), volatility.get(), seed.get(), steps.get(),
                stepHours.get(), correlation.get(), csvName);
    }
}
