package com.perprisk.ui.workspace;

import com.perprisk.engine.Convention;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;
import com.perprisk.io.WorkspaceException;
import com.perprisk.io.WorkspaceMapper;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The editable workspace: account, markets with their tier tables, and positions, as JavaFX properties that the
 * views bind to. After every edit it builds the workspace document, maps it to the engine's portfolio, applies the
 * scenario move to every mark, evaluates it, and writes the result into the shared {@link RiskContext}. Input
 * problems are kept per field path ({@link #problems()}) so that a view can mark the exact field or cell.
 *
 * <p>Owns the dirty flag, the undo/redo history (document snapshots; typing in one field within a second is one
 * step) and the file operations. All methods run on the thread that owns the properties (the FX thread in the app;
 * any single thread in tests).
 */
public final class WorkspaceViewModel {
    private static final int MAX_UNDO = 200;
    private static final long COALESCE_NANOS = 1_000_000_000L;

    private final RiskContext context;
    private final Formats formats;
    private final AccountFields account;
    private final ObservableList<MarketRow> markets = FXCollections.observableArrayList();
    private final ObservableList<PositionRow> positions = FXCollections.observableArrayList();
    private final ObservableList<String> symbols = FXCollections.observableArrayList();
    private final ObservableMap<String, InputProblem> problems = FXCollections.observableHashMap();
    private final StringProperty name = new SimpleStringProperty(this, "name", "Untitled");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<WorkspaceDocument> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyLongWrapper lastRecomputeNanos = new ReadOnlyLongWrapper(this, "lastRecomputeNanos");
    private final ReadOnlyObjectWrapper<List<String>> warnings = new ReadOnlyObjectWrapper<>(this, "warnings",
            List.of());

    private final javafx.beans.property.ReadOnlyIntegerWrapper loads =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "loads");
    private final Deque<WorkspaceDocument> undo = new ArrayDeque<>();
    private final Deque<WorkspaceDocument> redo = new ArrayDeque<>();
    private Map<String, Object> docExtra = new LinkedHashMap<>();
    private WorkspaceDocument current;
    private WorkspaceDocument saved;
    /** Depth of programmatic changes in progress (loading, undo, batches): field listeners ignore them. */
    private int applying;
    private Object lastEditKey;
    private long lastEditTime;
    private int nextId = 1;
    private LongSupplier clock = System::nanoTime;
    /** A simulated state shown instead of the entered one (price-path playback), or null. */
    private Portfolio playback;
    /** The entered portfolio the playback started from: once the inputs differ, the playback is dropped. */
    private Portfolio playbackBase;

    public WorkspaceViewModel(RiskContext context) {
        this(context, Formats.current());
    }

    public WorkspaceViewModel(RiskContext context, Formats formats) {
        this.context = Objects.requireNonNull(context);
        this.formats = formats;
        this.account = new AccountFields(this::edited);
        EditListener.watch(this::edited, name, markets, positions);
        context.scenarioMoveProperty().addListener((obs, o, n) -> recompute());
        title.bind(Bindings.createStringBinding(this::computeTitle, name, file, dirty));
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
        return problems;
    }

    public Optional<InputProblem> problemAt(String path) {
        return Optional.ofNullable(problems.get(path));
    }

    public boolean hasErrors() {
        return problems.values().stream().anyMatch(InputProblem::error);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path getFile() {
        return file.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Window title: "name — file.perprisk.json •" with a dot while there are unsaved changes. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Time the last recalculation took (document, mapping, engine), in nanoseconds. */
    public ReadOnlyLongProperty lastRecomputeNanosProperty() {
        return lastRecomputeNanos.getReadOnlyProperty();
    }

    /** Engine warnings of the last calculation (tier tables off the recursion and the like). */
    public ReadOnlyObjectProperty<List<String>> warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    /** Counts documents loaded (new, open, recover): views reset their layout when it changes. */
    public javafx.beans.property.ReadOnlyIntegerProperty loadsProperty() {
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
        return new DocumentBuilder(formats).build(name.get(), account, markets, positions, docExtra);
    }

    /** The workspace's fields this editor has no cell for (e.g. the simulation's "counterparties"), read-only. */
    public Map<String, Object> documentExtra() {
        return java.util.Collections.unmodifiableMap(docExtra);
    }

    /** Sets one such field (null removes it) as one undoable edit. */
    public void setDocumentField(String key, Object value) {
        batch(() -> {
            if (value == null) {
                docExtra.remove(key);
            } else {
                docExtra.put(key, value);
            }
        });
    }

    /** Test seam: the clock used to merge quick edits of one field into one undo step. */
    void setClock(LongSupplier clock) {
        this.clock = clock;
    }

    // ------------------------------------------------------------------ loading

    /** Replaces everything with a document; clears the history and marks it saved when it came from a file. */
    public void load(WorkspaceDocument doc, Path source) {
        playback = null;
        apply(doc);
        undo.clear();
        redo.clear();
        lastEditKey = null;
        file.set(source);
        saved = current;
        updateFlags();
        loads.set(loads.get() + 1);
    }

    /** Puts the document's values into the rows, reusing rows where counts match, then recalculates once. */
    private void apply(WorkspaceDocument doc) {
        applying++;
        try {
            name.set(doc.name() == null ? "Untitled" : doc.name());
            docExtra = new LinkedHashMap<>(doc.extra() == null ? Map.of() : doc.extra());
            var acc = doc.account();
            account.walletBalanceProperty().set(acc == null ? "" : formats.editText(acc.walletBalance()));
            account.positionModeProperty().set(acc == null ? PositionMode.ONE_WAY
                    : parseEnum(PositionMode.class, acc.positionMode(), PositionMode.ONE_WAY));
            account.extra = new LinkedHashMap<>(acc == null || acc.extra() == null ? Map.of() : acc.extra());
            account.horizonHoursProperty().set(formats.editText(doc.horizonHours()));

            List<MarketDoc> mds = doc.markets() == null ? List.of() : doc.markets();
            resize(markets, mds.size(), () -> new MarketRow(this::edited));
            for (int i = 0; i < mds.size(); i++) {
                applyMarket(markets.get(i), mds.get(i));
            }
            List<PositionDoc> pds = doc.positions() == null ? List.of() : doc.positions();
            resize(positions, pds.size(), () -> new PositionRow(this::edited));
            for (int i = 0; i < pds.size(); i++) {
                applyPosition(positions.get(i), pds.get(i));
            }
            nextId = positions.size() + 1;
        } finally {
            applying--;
        }
        refreshSymbols();
        recompute();
    }

    private void applyMarket(MarketRow m, MarketDoc d) {
        m.symbolProperty().set(nz(d.symbol()));
        m.conventionProperty().set(parseEnum(Convention.class, d.convention(), Convention.BINANCE));
        m.markPriceProperty().set(formats.editText(d.markPrice()));
        m.indexPriceProperty().set(formats.editText(d.indexPrice()));
        m.takerFeePercentProperty().set(formats.editPercentText(d.takerFeeRate()));
        m.fundingRatePercentProperty().set(d.funding() == null ? "" : formats.editPercentText(d.funding().rate()));
        m.fundingIntervalHoursProperty().set(d.funding() == null ? ""
                : formats.editText(d.funding().intervalHours()));
        m.futurePriceProperty().set(d.future() == null ? "" : formats.editText(d.future().price()));
        m.futureDaysProperty().set(d.future() == null ? "" : formats.editText(d.future().daysToExpiry()));
        applyDydx(m, d.dydx());
        m.tierSourceProperty().set(""); // an undo, a redo or another workspace: the label no longer describes it
        m.extra = copy(d.extra());
        m.fundingExtra = d.funding() == null ? new LinkedHashMap<>() : copy(d.funding().extra());
        m.futureExtra = d.future() == null ? new LinkedHashMap<>() : copy(d.future().extra());
        applyTiers(m, d.tiers() == null ? List.of() : d.tiers());
    }

    private void applyDydx(MarketRow m, WorkspaceDocument.DydxDoc d) {
        m.dydxImfPercentProperty().set(d == null ? "" : formats.editPercentText(d.initialMarginFraction()));
        m.dydxMaintenancePercentProperty().set(d == null ? "" : formats.editPercentText(d.maintenanceFraction()));
        m.dydxOpenInterestProperty().set(d == null ? "" : formats.editText(d.openInterestNotional()));
        m.dydxOiLowerProperty().set(d == null ? "" : formats.editText(d.oiLowerCap()));
        m.dydxOiUpperProperty().set(d == null ? "" : formats.editText(d.oiUpperCap()));
        m.dydxExtra = d == null ? new LinkedHashMap<>() : copy(d.extra());
    }

    private void applyTiers(MarketRow m, List<TierDoc> tds) {
        resize(m.tiers(), tds.size(), () -> new TierRow(this::edited));
        for (int t = 0; t < tds.size(); t++) {
            TierDoc td = tds.get(t);
            TierRow r = m.tiers().get(t);
            r.floorProperty().set(formats.editText(td.floor()));
            r.capProperty().set(td.cap() == null || td.cap().isInfinite() ? "" : formats.editText(td.cap()));
            r.maxLeverageProperty().set(formats.editText(td.maxLeverage()));
            r.mmrPercentProperty().set(formats.editPercentText(td.mmr()));
            r.maintenanceAmountProperty().set(formats.editText(td.maintenanceAmount()));
            r.extra = copy(td.extra());
        }
    }

    private void applyPosition(PositionRow p, PositionDoc d) {
        p.idProperty().set(d.id() == null || d.id().isBlank() ? freshId() : d.id());
        p.symbolProperty().set(nz(d.symbol()));
        p.sideProperty().set(parseEnum(Side.class, d.side(), Side.LONG));
        p.sizeProperty().set(formats.editText(d.size()));
        p.entryPriceProperty().set(formats.editText(d.entryPrice()));
        p.leverageProperty().set(formats.editText(d.leverage()));
        p.marginModeProperty().set(parseEnum(MarginMode.class, d.marginMode(), MarginMode.CROSS));
        p.isolatedMarginProperty().set(formats.editText(d.isolatedMargin()));
        p.extraMarginProperty().set(formats.editText(d.extraMargin()));
        p.extra = copy(d.extra());
    }

    private static <T> void resize(ObservableList<T> list, int size, java.util.function.Supplier<T> factory) {
        if (list.size() > size) {
            list.remove(size, list.size());
        }
        List<T> add = new ArrayList<>();
        for (int i = list.size(); i < size; i++) {
            add.add(factory.get());
        }
        list.addAll(add);
    }

    // ------------------------------------------------------------------ edits

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
        long now = clock.getAsLong();
        boolean coalesce = field == lastEditKey && now - lastEditTime < COALESCE_NANOS
                && !(field instanceof ObservableList<?>);
        if (!coalesce && before != null) {
            undo.push(before);
            while (undo.size() > MAX_UNDO) {
                undo.removeLast();
            }
        }
        redo.clear();
        lastEditKey = field;
        lastEditTime = now;
        updateFlags();
    }

    /** Runs several edits as one undo step with one recalculation. */
    public void batch(Runnable edits) {
        WorkspaceDocument before = current;
        applying++;
        try {
            edits.run();
        } finally {
            applying--;
        }
        refreshSymbols();
        recompute();
        if (!Objects.equals(before, current)) {
            undo.push(before);
            redo.clear();
            lastEditKey = null;
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
        if (undo.isEmpty()) {
            return;
        }
        redo.push(current);
        apply(undo.pop());
        lastEditKey = null;
        updateFlags();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        undo.push(current);
        apply(redo.pop());
        lastEditKey = null;
        updateFlags();
    }

    private void updateFlags() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        dirty.set(!Objects.equals(current, saved));
    }

    private String computeTitle() {
        StringBuilder sb = new StringBuilder();
        sb.append(name.get() == null || name.get().isBlank() ? "Untitled" : name.get());
        Path f = file.get();
        if (f != null && f.getFileName() != null) {
            sb.append(" — ").append(f.getFileName());
        }
        if (dirty.get()) {
            sb.append(" •");
        }
        sb.append(" — PerpRisk");
        return sb.toString();
    }

    // ------------------------------------------------------------------ positions

    /**
     * Adds a position the position mode allows: on the first market without one (in hedge mode, the free leg of a
     * market), long, 10x cross, about 10,000 notional at the mark. When every market is taken, a new market comes
     * with it (one undo step), so the new row never makes the workspace invalid.
     */
    public PositionRow addPosition() {
        String symbol = firstFreeSymbol();
        if (symbol != null) {
            PositionRow row = newPosition(symbol);
            positions.add(row);
            return row;
        }
        PositionRow[] added = new PositionRow[1];
        batch(() -> {
            MarketRow m = addMarket();
            refreshSymbols();
            added[0] = newPosition(m.symbolProperty().get());
            positions.add(added[0]);
        });
        return added[0];
    }

    private PositionRow newPosition(String symbol) {
        Side side = Side.LONG;
        if (account.positionModeProperty().get() == PositionMode.HEDGE && legTaken(symbol, Side.LONG, null)) {
            side = Side.SHORT;
        }
        PositionRow row = new PositionRow(this::edited);
        applying++;
        try {
            row.idProperty().set(freshId());
            row.symbolProperty().set(symbol);
            row.sideProperty().set(side);
            Double mark = market(symbol).map(m -> formats.parse(m.markPriceProperty().get())).orElse(null);
            row.entryPriceProperty().set(mark == null ? "" : formats.editText(mark));
            row.sizeProperty().set(mark == null || mark <= 0 ? "1" : formats.editText(roundSize(10_000 / mark)));
            row.leverageProperty().set("10");
            row.marginModeProperty().set(MarginMode.CROSS);
        } finally {
            applying--;
        }
        return row;
    }

    /**
     * Copies a position below it. In hedge mode the copy takes the other side when that leg is free; in one-way
     * mode it moves to a market without a position when there is one.
     */
    public PositionRow duplicatePosition(PositionRow source) {
        int index = positions.indexOf(source);
        if (index < 0) {
            return null;
        }
        PositionRow row = new PositionRow(this::edited);
        applying++;
        try {
            row.idProperty().set(freshId());
            row.symbolProperty().set(source.symbolProperty().get());
            row.sideProperty().set(source.sideProperty().get());
            row.sizeProperty().set(source.sizeProperty().get());
            row.entryPriceProperty().set(source.entryPriceProperty().get());
            row.leverageProperty().set(source.leverageProperty().get());
            row.marginModeProperty().set(source.marginModeProperty().get());
            row.isolatedMarginProperty().set(source.isolatedMarginProperty().get());
            row.extraMarginProperty().set(source.extraMarginProperty().get());
            String symbol = source.symbolProperty().get();
            if (account.positionModeProperty().get() == PositionMode.HEDGE) {
                Side other = source.sideProperty().get() == null ? Side.SHORT : source.sideProperty().get().opposite();
                if (!legTaken(symbol, other, null)) {
                    row.sideProperty().set(other);
                }
            } else {
                String free = firstFreeSymbol();
                if (free != null && !free.equals(symbol) && positions.stream()
                        .noneMatch(p -> free.equals(p.symbolProperty().get()))) {
                    row.symbolProperty().set(free);
                    market(free).ifPresent(m -> row.entryPriceProperty().set(m.markPriceProperty().get()));
                    Double mark = market(free).map(m -> formats.parse(m.markPriceProperty().get())).orElse(null);
                    Double notional = notionalOf(source);
                    if (mark != null && mark > 0 && notional != null) {
                        row.sizeProperty().set(formats.editText(roundSize(notional / mark)));
                    }
                }
            }
        } finally {
            applying--;
        }
        positions.add(index + 1, row);
        return row;
    }

    public void removePosition(PositionRow row) {
        if (row != null) {
            positions.remove(row);
            if (row.getId().equals(context.selectedPositionIdProperty().get())) {
                context.selectedPositionIdProperty().set(null);
            }
        }
    }

    private Double notionalOf(PositionRow p) {
        Double size = formats.parse(p.sizeProperty().get());
        Double entry = formats.parse(p.entryPriceProperty().get());
        return size == null || entry == null ? null : size * entry;
    }

    /** A market a new position may go on under the position mode, or null when every one is taken. */
    private String firstFreeSymbol() {
        for (String s : symbols) {
            boolean used = positions.stream().anyMatch(p -> s.equals(p.symbolProperty().get()));
            if (!used) {
                return s;
            }
        }
        if (account.positionModeProperty().get() == PositionMode.HEDGE) {
            for (String s : symbols) {
                if (!legTaken(s, Side.LONG, null) || !legTaken(s, Side.SHORT, null)) {
                    return s;
                }
            }
        }
        return null;
    }

    private boolean legTaken(String symbol, Side side, PositionRow except) {
        return positions.stream().anyMatch(p -> p != except && Objects.equals(symbol, p.symbolProperty().get())
                && p.sideProperty().get() == side);
    }

    private String freshId() {
        Set<String> used = new HashSet<>();
        positions.forEach(p -> used.add(p.getId()));
        String id;
        do {
            id = "p" + nextId++;
        } while (used.contains(id));
        return id;
    }

    private static double roundSize(double size) {
        if (!(size > 0) || !Double.isFinite(size)) {
            return 1;
        }
        double scale = Math.pow(10, Math.floor(Math.log10(size)) - 1);
        return java.math.BigDecimal.valueOf(Math.round(size / scale)).multiply(java.math.BigDecimal.valueOf(scale))
                .round(new java.math.MathContext(2)).doubleValue();
    }

    // ------------------------------------------------------------------ markets and tiers

    /** Adds a market (Binance convention, a one-bracket table the user is expected to replace). */
    public MarketRow addMarket() {
        MarketRow m = new MarketRow(this::edited);
        applying++;
        try {
            Set<String> used = new HashSet<>(symbols);
            String symbol = "NEW" + "USDT";
            for (int i = 2; used.contains(symbol); i++) {
                symbol = "NEW" + i + "USDT";
            }
            m.symbolProperty().set(symbol);
            m.conventionProperty().set(Convention.BINANCE);
            m.markPriceProperty().set("100");
            m.indexPriceProperty().set("100");
            m.takerFeePercentProperty().set("0.05");
            m.fundingRatePercentProperty().set("0.01");
            m.fundingIntervalHoursProperty().set("8");
            applyTiers(m, Defaults.defaultTiers());
        } finally {
            applying--;
        }
        markets.add(m);
        return m;
    }

    /** Removes a market; positions on it then show a problem until moved or removed. */
    public void removeMarket(MarketRow m) {
        markets.remove(m);
    }

    public TierRow addTier(MarketRow m) {
        TierRow row = new TierRow(this::edited);
        applying++;
        try {
            if (!m.tiers().isEmpty()) {
                TierRow last = m.tiers().get(m.tiers().size() - 1);
                Double floor = formats.parse(last.floorProperty().get());
                Double cap = formats.parse(last.capProperty().get());
                double newFloor = cap != null ? cap : floor == null ? 0 : Math.max(floor * 2, 1);
                if (cap == null) {
                    last.capProperty().set(formats.editText(newFloor));
                }
                row.floorProperty().set(formats.editText(newFloor));
                Double lev = formats.parse(last.maxLeverageProperty().get());
                row.maxLeverageProperty().set(lev == null ? "" : formats.editText(Math.max(1, Math.floor(lev / 2))));
                Double mmr = formats.parsePercent(last.mmrPercentProperty().get());
                row.mmrPercentProperty().set(mmr == null ? "" : formats.editPercentText(Math.min(0.5, mmr * 2)));
            } else {
                row.floorProperty().set("0");
                row.maxLeverageProperty().set("20");
                row.mmrPercentProperty().set("1");
            }
        } finally {
            applying--;
        }
        m.tiers().add(row);
        return row;
    }

    public void removeTier(MarketRow m, TierRow t) {
        m.tiers().remove(t);
    }

    /**
     * Replaces a market's tier table (preset or import) in one undo step.
     *
     * @param convention the table's venue convention, or null to keep the market's
     * @param source     where it came from, shown above the table
     */
    public void replaceTiers(MarketRow m, List<TierDoc> tiers, Convention convention, String source) {
        replaceMargin(m, tiers, null, convention, source);
    }

    /** Replaces a market's brackets or dYdX parameters (one of the two, the other null) in one undo step. */
    public void replaceMargin(MarketRow m, List<TierDoc> tiers, WorkspaceDocument.DydxDoc dydx, Convention convention,
                              String source) {
        batch(() -> {
            if (convention != null) {
                m.conventionProperty().set(convention);
            }
            applyDydx(m, dydx);
            applyTiers(m, tiers == null ? List.of() : tiers);
            m.tierSourceProperty().set(source == null ? "" : source);
        });
    }

    private void refreshSymbols() {
        List<String> now = new ArrayList<>();
        for (MarketRow m : markets) {
            String s = m.symbolProperty().get();
            if (s != null && !s.isBlank() && !now.contains(s.strip())) {
                now.add(s.strip());
            }
        }
        if (!now.equals(symbols)) {
            symbols.setAll(now);
        }
    }

    // ------------------------------------------------------------------ calculation

    /** Builds, maps and evaluates the workspace and publishes the results. Cheap: runs on every edit. */
    public void recompute() {
        long t0 = System.nanoTime();
        DocumentBuilder builder = new DocumentBuilder(formats);
        WorkspaceDocument doc = builder.build(name.get(), account, markets, positions, docExtra);
        current = doc;
        document.set(doc);
        List<String> ids = positions.stream().map(PositionRow::getId).toList();
        Map<String, InputProblem> found = new LinkedHashMap<>();
        builder.problems().forEach(p -> found.putIfAbsent(p.path(), new InputProblem(p.path(),
                FieldPaths.inUserWords(p.message(), ids), p.error())));
        Portfolio entered = null;
        String failure = null;
        try {
            var mapped = WorkspaceMapper.toPortfolio(doc);
            for (var fp : mapped.problems()) {
                boolean error = "ERROR".equals(String.valueOf(fp.severity()));
                String path = fp.path() == null ? "" : fp.path();
                InputProblem prior = found.get(path);
                if (prior == null || !prior.error() && error) {
                    found.put(path, new InputProblem(path, FieldPaths.inUserWords(fp.message(), ids), error));
                }
            }
            entered = mapped.portfolio();
        } catch (RuntimeException e) {
            failure = safeMessage(e);
        }
        refuseMarginBelowInitial(found);
        boolean errors = found.values().stream().anyMatch(InputProblem::error);
        PartialInputs partial = null;
        if (errors && failure == null) {
            // what does not depend on the bad inputs is still computed and shown
            Map<String, String> errorTexts = new LinkedHashMap<>();
            found.values().stream().filter(InputProblem::error).forEach(p -> errorTexts.put(p.path(), p.message()));
            partial = PartialInputs.of(doc, errorTexts);
            entered = null;
            if (!partial.nothing()) {
                try {
                    var reduced = WorkspaceMapper.toPortfolio(partial.document());
                    entered = reduced.hasErrors() ? null : reduced.portfolio();
                } catch (RuntimeException e) {
                    entered = null;
                }
            }
            playback = null;
        }
        PortfolioRisk risk = null;
        Portfolio computed = null;
        if (entered != null && failure == null) {
            if (playback != null && !entered.equals(playbackBase)) {
                playback = null; // the inputs changed: the simulated state no longer belongs to them
            }
            computed = playback != null ? playback : withScenario(entered, context.scenarioMoveProperty().get());
            try {
                risk = RiskEngine.evaluate(computed, true);
            } catch (RuntimeException e) {
                failure = safeMessage(e);
            }
        }
        if (!found.equals(new HashMap<>(problems))) {
            problems.keySet().retainAll(found.keySet());
            problems.putAll(found);
        }
        String problem = "";
        if (errors) {
            InputProblem first = found.values().stream().filter(InputProblem::error).findFirst().orElseThrow();
            problem = first.where(ids) + ": " + first.message();
        } else if (failure != null) {
            problem = failure;
        } else if (risk == null) {
            problem = "No results";
        }
        boolean ok = risk != null;
        Map<Integer, String> hiddenRows = ok && partial != null ? partial.hiddenRows() : Map.of();
        context.enteredPortfolioProperty().set(ok ? entered : null);
        context.portfolioProperty().set(ok ? computed : null);
        context.unavailableProperty().set(ok && partial != null ? partial.hidden() : Map.of());
        context.problemProperty().set(problem);
        context.riskProperty().set(risk);
        warnings.set(risk == null ? List.of() : risk.warnings());
        for (int i = 0; i < positions.size(); i++) {
            PositionRow row = positions.get(i);
            String hidden = hiddenRows.get(i);
            PositionRisk pr = risk == null || hidden != null ? null : risk.position(row.getId()).orElse(null);
            row.setNotComputedReason(hidden != null ? "Depends on " + hidden : problem);
            row.setRisk(pr);
        }
        lastRecomputeNanos.set(System.nanoTime() - t0);
    }

    /**
     * An isolated margin below the initial margin (100 at 5x on a 21,375 notional) cannot open the position: refused
     * at its field, so IM and ROE never use one margin while the liquidation price uses another.
     */
    private void refuseMarginBelowInitial(Map<String, InputProblem> found) {
        for (int i = 0; i < positions.size(); i++) {
            PositionRow r = positions.get(i);
            String path = FieldPaths.position(i, "isolatedMargin");
            if (r.marginModeProperty().get() != MarginMode.ISOLATED || found.containsKey(path)) {
                continue;
            }
            Double margin = formats.parse(r.isolatedMarginProperty().get());
            Double size = formats.parse(r.sizeProperty().get());
            Double entry = formats.parse(r.entryPriceProperty().get());
            Double lev = formats.parse(r.leverageProperty().get());
            if (margin == null || size == null || entry == null || lev == null || !(lev > 0) || !(size > 0)) {
                continue;
            }
            double im = size * entry / lev; // initial margin = entry notional / leverage
            if (margin < im * (1 - 1e-12)) {
                found.put(path, new InputProblem(path, formats.money(margin) + " is below the initial margin "
                        + formats.money(im) + " (entry notional / leverage): post at least that, or raise the "
                        + "leverage", true));
            }
        }
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
        playback = Objects.requireNonNull(simulated);
        playbackBase = Objects.requireNonNull(from);
        recompute();
    }

    /** Back to the entered workspace after a playback. */
    public void clearPlayback() {
        if (playback != null) {
            playback = null;
            recompute();
        }
    }

    public boolean isPlaybackShown() {
        return playback != null;
    }

    /** The portfolio with every mark moved by the scenario's fraction (0.05 = +5%). */
    static Portfolio withScenario(Portfolio p, double move) {
        if (move == 0 || !Double.isFinite(move)) {
            return p;
        }
        double factor = Math.max(1e-6, 1 + move);
        List<Market> moved = new ArrayList<>();
        for (Market m : p.markets()) {
            moved.add(m.withMarkPrice(m.markPrice() * factor));
        }
        return p.withMarkets(moved);
    }

    private static String safeMessage(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "The results cannot be computed for these inputs" : m;
    }

    // ------------------------------------------------------------------ files

    /** Starts a new, empty workspace (one market, no positions). */
    public void newWorkspace() {
        load(Defaults.newDocument(), null);
    }

    /** Opens a workspace file; on failure nothing changes and the exception names the problem. */
    public void open(Path path) throws WorkspaceException {
        WorkspaceDocument doc = WorkspaceCodec.read(path);
        load(doc, path);
    }

    /** Saves to the current file. */
    public void save() throws WorkspaceException {
        if (file.get() == null) {
            throw new IllegalStateException("no file yet: use saveAs");
        }
        saveAs(file.get());
    }

    /** Saves to a file (atomically) and makes it the current file. */
    public void saveAs(Path path) throws WorkspaceException {
        WorkspaceDocument doc = toDocument();
        WorkspaceCodec.write(doc, path);
        file.set(path);
        saved = doc;
        current = doc;
        updateFlags();
    }

    /** The document for the current inputs, updated on every change (crash recovery listens to it). */
    public ReadOnlyObjectProperty<WorkspaceDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    /** Loads a recovery copy as unsaved changes to {@code originalFile} (may be null): Save then writes there. */
    public void recover(WorkspaceDocument doc, Path originalFile) {
        load(doc, originalFile);
        saved = null;
        updateFlags();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * A choice from the file: {@code fallback} when it is left out; null when it names nothing known, so that the
     * mapper reports it at its field instead of the value silently changing.
     */
    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, E fallback) {
        return text == null ? fallback : com.perprisk.engine.InputRule.choice(type, text);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, Object> copy(Map<String, Object> m) {
        return m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m);
    }
}
