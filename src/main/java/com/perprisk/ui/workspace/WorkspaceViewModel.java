package com.perprisk.ui.workspace;

import com.perprisk.engine.Portfolio;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The editable workspace: account, markets with their tier tables, and positions, as JavaFX properties that the
 * views bind to. After every edit it builds the workspace document, maps it to the engine's portfolio, applies the
 * scenario move to every mark, evaluates it, and writes the result into the shared {@link RiskContext}. Input
 * problems are kept per field path ({@link #problems()}) so that a view can mark the exact field or cell.
 *
 * <p>A façade over the parts that do the work: {@link DocumentBinding} (document → rows), {@link DocumentBuilder}
 * (rows → document), {@link EditHistory} (undo/redo), {@link NewRowDefaults} (what + Add proposes),
 * {@link Recalculation} (engine calls, partial results, playback), {@link SavedState} (file, dirty flag, title),
 * {@link WorkspaceFiles} (new, open, save, save as, recovery; {@link PreparedDocument}: a document made ready off the
 * owner thread), {@link TierEdits} (a market's tier table) and {@link RowEdits} (add, copy, remove); it owns
 * the rows. All methods run on the thread that owns the properties (the FX thread in the app; any single thread in
 * tests).
 */
public final class WorkspaceViewModel {
    private final RiskContext context;
    private final Formats formats;
    private final AccountFields account;
    private final DocumentBinding binding;
    private final NewRowDefaults defaults;
    private final Recalculation recalculation;
    /** Rows → document, kept between edits: an edit parses only the rows it changed. */
    private DocumentBuilder builder;
    private final ObservableList<MarketRow> markets = FXCollections.observableArrayList();
    private final ObservableList<PositionRow> positions = FXCollections.observableArrayList();
    private final ObservableList<String> symbols = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty(this, "name", "Untitled");
    private final ReadOnlyObjectWrapper<WorkspaceDocument> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final SavedState savedState = new SavedState(this, name);
    private final WorkspaceFiles files = new WorkspaceFiles(this, savedState);
    private final TierEdits tiers;
    private final RowEdits rows;
    private final ReadOnlyLongWrapper lastRecomputeNanos = new ReadOnlyLongWrapper(this, "lastRecomputeNanos");

    private final ReadOnlyIntegerWrapper loads = new ReadOnlyIntegerWrapper(this, "loads");
    private final EditHistory history = new EditHistory(this);
    private Map<String, Object> docExtra = new LinkedHashMap<>();
    private WorkspaceDocument current;
    /** Depth of programmatic changes in progress (loading, undo, batches): field listeners ignore them. */
    private int applying;

    public WorkspaceViewModel(RiskContext context) {
        this(context, Formats.current());
    }

    public WorkspaceViewModel(RiskContext context, Formats formats) {
        this.context = Objects.requireNonNull(context);
        this.formats = formats;
        this.recalculation = new Recalculation(this, context, formats);
        this.builder = new DocumentBuilder(formats);
        this.account = new AccountFields(this::edited);
        this.defaults = new NewRowDefaults(formats, account, positions, symbols, this::market);
        this.binding = new DocumentBinding(formats, this::edited, defaults::freshId);
        this.tiers = new TierEdits(this::edited, this::quietly, this::batch, defaults, binding);
        this.rows = new RowEdits(this::edited, this::quietly, this::batch, defaults, positions, markets, binding,
                this::refreshSymbols, context);
        EditListener.watch(this::edited, name, markets, positions);
        context.scenarioMoveProperty().addListener((obs, o, n) -> recompute());
        load(Defaults.newDocument(), null);
    }

    // ------------------------------------------------------------------ state

    public RiskContext context() {
        return context;
    }

    public Formats formats() {
        return formats;
    }

    public AccountFields account() {
        return account;
    }

    public ObservableList<MarketRow> markets() {
        return markets;
    }

    public ObservableList<PositionRow> positions() {
        return positions;
    }

    /** Symbols of the markets, in order: the choices for a position's symbol. */
    public ObservableList<String> symbols() {
        return symbols;
    }

    /** Input problems by field path ({@link FieldPaths}); errors and warnings. */
    public ObservableMap<String, InputProblem> problems() {
        return recalculation.problems();
    }

    public Optional<InputProblem> problemAt(String path) {
        return Optional.ofNullable(problems().get(path));
    }

    public boolean hasErrors() {
        return problems().values().stream().anyMatch(InputProblem::error);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return savedState.fileProperty();
    }

    public Path getFile() {
        return savedState.fileProperty().get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return savedState.dirtyProperty();
    }

    public boolean isDirty() {
        return savedState.dirtyProperty().get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    /** Window title: "name — file.perprisk.json •" with a dot while there are unsaved changes. */
    public ReadOnlyStringProperty titleProperty() {
        return savedState.titleProperty();
    }

    /** Time the last recalculation took (document, mapping, engine), in nanoseconds. */
    public ReadOnlyLongProperty lastRecomputeNanosProperty() {
        return lastRecomputeNanos.getReadOnlyProperty();
    }

    /** Engine warnings of the last calculation (tier tables off the recursion and the like). */
    public ReadOnlyObjectProperty<List<String>> warningsProperty() {
        return recalculation.warningsProperty();
    }

    /** Counts documents loaded (new, open, recover): views reset their layout when it changes. */
    public ReadOnlyIntegerProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    /** Row index of a position, or −1. */
    public int indexOf(PositionRow row) {
        return positions.indexOf(row);
    }

    public int indexOf(MarketRow row) {
        return markets.indexOf(row);
    }

    public Optional<MarketRow> market(String symbol) {
        return markets.stream().filter(m -> Objects.equals(m.symbolProperty().get(), symbol)).findFirst();
    }

    /** The document for the current inputs (text that is not a number is left out). */
    public WorkspaceDocument toDocument() {
        return builder.build(name.get(), account, markets, positions, docExtra);
    }

    /** The workspace's fields this editor has no cell for (e.g. the simulation's "counterparties"), read-only. */
    public Map<String, Object> documentExtra() {
        return java.util.Collections.unmodifiableMap(docExtra);
    }

    /** Sets one such field (null removes it) as one undoable edit. */
    public void setDocumentField(String key, Object value) {
        batch(() -> docExtra.compute(key, (k, old) -> value)); // a null value removes the field
    }

    /** Test seam: the incremental document builder, whose counters say what an edit rebuilt. */
    DocumentBuilder builder() { return builder; }

    /** Test seam: the clock used to merge quick edits of one field into one undo step. */
    void setClock(LongSupplier clock) {
        history.setClock(clock);
    }

    // ------------------------------------------------------------------ loading

    /** Replaces everything with a document; clears the history and marks it saved when it came from a file. */
    public void load(WorkspaceDocument doc, Path source) {
        install(prepare(doc, context.scenarioMoveProperty().get()), source);
    }

    /** Any thread: a document's rows and results for {@link #install}, at {@code move} (read on the owner thread). */
    PreparedDocument prepare(WorkspaceDocument doc, double move) {
        return new PreparedDocument(doc, formats, this::edited, move);
    }

    /** Shows a prepared document: its rows and results replace the current ones; clears the history, like load. */
    void install(PreparedDocument p, Path source) {
        recalculation.clearPlayback();
        quietly(() -> {
            binding.applyAccount(p.source, name, account);
            markets.setAll(p.markets);
            positions.setAll(p.positions);
            docExtra = p.extra;
            defaults.restartIdsAt(positions.size() + 1);
        });
        p.shown();
        builder = p.builder;
        refreshSymbols();
        recalculation.adopt(p.recalculation);
        long t0 = System.nanoTime();
        // built again (every part reused): the account's fields are read, so that their next change is reported
        WorkspaceDocument doc = builder.build(name.get(), account, markets, positions, docExtra);
        if (doc.equals(p.built) && p.move == context.scenarioMoveProperty().get()) {
            current = doc;
            document.set(doc);
            recalculation.publish(recalculation.sameReportIfUnchanged(p.outcome), positions);
            lastRecomputeNanos.set(System.nanoTime() - t0);
        } else {
            recompute(); // the scenario moved while the document was made ready
        }
        history.clear();
        savedState.savedAs(source, current);
        updateFlags();
        loads.set(loads.get() + 1);
    }

    /** Puts the document's values into the rows, reusing rows where counts match, then recalculates once. */
    private void apply(WorkspaceDocument doc) {
        quietly(() -> {
            docExtra = binding.apply(doc, name, account, markets, positions);
            defaults.restartIdsAt(positions.size() + 1);
        });
        refreshSymbols();
        recompute();
    }

    // ------------------------------------------------------------------ edits

    /** Runs changes that are not the user's (filling a new row): the field listeners ignore them. */
    private void quietly(Runnable changes) {
        applying++;
        try {
            changes.run();
        } finally {
            applying--;
        }
    }

    private void edited(Observable field) {
        if (applying > 0) {
            return;
        }
        if (field == markets || field instanceof javafx.beans.property.Property<?> p
                && p.getBean() instanceof MarketRow && "symbol".equals(p.getName())) {
            refreshSymbols();
        }
        WorkspaceDocument before = current;
        recompute();
        if (Objects.equals(before, current)) {
            return;
        }
        history.edited(before, field, field instanceof ObservableList<?>);
        updateFlags();
    }

    /** Runs several edits as one undo step with one recalculation. */
    public void batch(Runnable edits) {
        WorkspaceDocument before = current;
        quietly(edits);
        refreshSymbols();
        recompute();
        if (!Objects.equals(before, current)) {
            history.batched(before);
        }
        updateFlags();
    }

    /**
     * Replaces the inputs with a document in one undo step, keeping the file (a live refresh or position import:
     * the document is the current one with fetched markets or positions put in).
     */
    public void replaceInputs(WorkspaceDocument doc) {
        batch(() -> apply(doc));
    }

    public void undo() {
        WorkspaceDocument back = history.undo(current);
        if (back != null) {
            apply(back);
            updateFlags();
        }
    }

    public void redo() {
        WorkspaceDocument forward = history.redo(current);
        if (forward != null) {
            apply(forward);
            updateFlags();
        }
    }

    private void updateFlags() {
        history.publish();
        savedState.compare(current);
    }

    // ------------------------------------------------------------------ positions

    /**
     * Adds a position the position mode allows: on the first market without one (in hedge mode, the free leg of a
     * market), long, 10x cross, about 10,000 notional at the mark. When every market is taken, a new market comes
     * with it (one undo step), so the new row never makes the workspace invalid.
     */
    public PositionRow addPosition() {
        return rows.add();
    }

    /**
     * Copies a position below it. In hedge mode the copy takes the other side when that leg is free; in one-way
     * mode it moves to a market without a position when there is one.
     */
    public PositionRow duplicatePosition(PositionRow source) {
        return rows.duplicate(source);
    }

    public void removePosition(PositionRow row) {
        rows.remove(row);
    }

    // ------------------------------------------------------------------ markets (tier tables: TierEdits)

    /** Adds a market (Binance convention, a one-bracket table the user is expected to replace). */
    public MarketRow addMarket() {
        return rows.addMarket();
    }

    /** Removes a market; positions on it then show a problem until moved or removed. */
    public void removeMarket(MarketRow m) {
        markets.remove(m);
    }

    private void refreshSymbols() {
        List<String> now = NewRowDefaults.symbolsOf(markets);
        if (!now.equals(symbols)) {
            symbols.setAll(now);
        }
    }

    // ------------------------------------------------------------------ calculation

    /** Builds, maps and evaluates the workspace and publishes the results: on every edit, only what it changed. */
    public void recompute() {
        long t0 = System.nanoTime();
        WorkspaceDocument doc = builder.build(name.get(), account, markets, positions, docExtra);
        current = doc;
        document.set(doc);
        recalculation.run(doc, builder.problems(), positions);
        lastRecomputeNanos.set(System.nanoTime() - t0);
    }

    // ------------------------------------------------------------------ playback hook

    /**
     * Shows a simulated state (a tick of the price-path playback: moved marks, settled funding, liquidated positions)
     * in every result, tile and chart in place of the entered inputs. The inputs, the dirty flag and the undo history
     * are untouched; {@link #clearPlayback()}, loading a document or an edit that changes the inputs (so that they
     * no longer equal {@code from}) returns to the entered workspace.
     *
     * @param simulated the state to show
     * @param from      the entered portfolio the simulation started from
     */
    public void showPlayback(Portfolio simulated, Portfolio from) {
        recalculation.showPlayback(simulated, from);
        recompute();
    }

    /** Back to the entered workspace after a playback. */
    public void clearPlayback() {
        if (recalculation.clearPlayback()) {
            recompute();
        }
    }

    public boolean isPlaybackShown() {
        return recalculation.isPlaybackShown();
    }

    // ------------------------------------------------------------------ files

    /** A market's tier table: add and remove brackets, replace the table or the dYdX parameters ({@link TierEdits}). */
    public TierEdits tiers() {
        return tiers;
    }

    /** New, open, save, save as and recovery ({@link WorkspaceFiles}). */
    public WorkspaceFiles files() {
        return files;
    }

    /** After {@link WorkspaceFiles}: {@code doc} (null: unchanged) is now the saved document; updates the flags. */
    void saved(WorkspaceDocument doc) {
        if (doc != null) {
            current = doc;
        }
        updateFlags();
    }

    /** The document for the current inputs, updated on every change (crash recovery listens to it). */
    public ReadOnlyObjectProperty<WorkspaceDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }
}
