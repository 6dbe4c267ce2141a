package com.perprisk.ui.live;

import com.perprisk.engine.Convention;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.ui.workspace.MarketRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import com.perprisk.venue.ApiKey;
import com.perprisk.venue.KeyStore;
import com.perprisk.venue.LiveMarket;
import com.perprisk.venue.RateLimiter;
import com.perprisk.venue.SnapshotCache;
import com.perprisk.venue.Venue;
import com.perprisk.venue.VenueClient;
import com.perprisk.venue.VenueException;
import com.perprisk.venue.VenueHttp;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

/**
 * Live data for the markets table: refresh one market or all of them, import positions, all off the FX thread on a
 * worker and cancellable. A fetched market replaces the row's market in one undo step (keeping the fee the user
 * typed); a failed fetch changes nothing and shows its message at the market's row. Each fetch is also written to
 * the snapshot cache. Never touches a Node: the views bind to the properties and ask {@link #state}.
 */
public final class LiveViewModel {
    private final WorkspaceViewModel ws;
    private final LiveConfig config;
    private final KeyStore keys;
    private final SnapshotCache cache;
    private final Clock clock;
    private final ExecutorService worker;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final Map<String, MarketDoc> markets = new HashMap<>();
    /** What each refresh of this session put in, to tell when the user has typed over it since. */
    private final Map<String, MarketDoc> fetched = new HashMap<>();
    private Future<?> running;
    private int job;

    public LiveViewModel(WorkspaceViewModel ws, LiveConfig config, KeyStore keys, SnapshotCache cache, Clock clock,
                         ExecutorService worker, Executor fx) {
        this.ws = Objects.requireNonNull(ws);
        this.config = config;
        this.keys = keys;
        this.cache = cache;
        this.clock = clock;
        this.worker = worker;
        this.fx = fx;
        ws.lastRecomputeNanosProperty().addListener((o, a, b) -> reread()); // a change listener: re-armed each time
        reread();
    }

    // ------------------------------------------------------------------ state

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0..1 for Refresh all; −1 (indeterminate) for one fetch. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One line: what is being fetched, what was, or the last error. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the status line reports a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Changes whenever a row's state may have changed (fetch, edit, time passing). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The last error of each market's refresh, by symbol. */
    public ObservableMap<String, String> errors() {
        return errors;
    }

    public KeyStore keys() {
        return keys;
    }

    /** Ages are measured against the clock: the view calls this every few seconds. */
    public void tick() {
        revision.set(revision.get() + 1);
    }

    /** Re-reads the live fields of the current markets and the venues' liquidation prices of the positions. */
    private void reread() {
        WorkspaceDocument doc = ws.documentProperty().get(); // built once by the recalculation, not again here
        markets.clear();
        if (doc.markets() != null) {
            doc.markets().stream().filter(m -> m.symbol() != null).forEach(m -> markets.putIfAbsent(m.symbol(), m));
        }
        Map<String, Double> liq = new HashMap<>();
        if (doc.positions() != null) {
            for (PositionDoc p : doc.positions()) {
                LiveMarket.venueLiquidationPrice(p).ifPresent(v -> liq.put(p.id(), v));
            }
        }
        var target = ws.context().venueLiquidationPrices();
        if (!target.equals(liq)) {
            target.keySet().retainAll(liq.keySet());
            target.putAll(liq);
        }
        tick();
    }

    /** Data age, preset badge and error of a market row. */
    public RowState state(MarketRow row) {
        if (liveless(row)) {
            return new RowState("typed", "", null, "Typed or from a file: no live data for a coin-margined market",
                    false, false);
        }
        String symbol = row == null ? null : row.symbolProperty().get();
        String key = symbol == null ? null : symbol.strip();
        return RowState.of(key == null ? null : markets.get(key), key == null ? null : errors.get(key),
                key == null ? null : fetched.get(key), venueOf(row), clock.instant());
    }

    /** A coin-margined (inverse) market: no venue client fetches it. */
    static boolean liveless(MarketRow row) {
        return row != null && row.conventionProperty().get() != null
                && row.conventionProperty().get().contractType() == com.perprisk.engine.ContractType.INVERSE;
    }

    static Venue venueOf(MarketRow row) {
        Convention c = row == null ? null : row.conventionProperty().get();
        return Venue.of(c == null ? Convention.BINANCE : c);
    }

    private VenueClient client(Venue v, ApiKey key) {
        VenueHttp http = new VenueHttp(v, config.baseUrl(v), config.timeout(), RateLimiter.shared(v));
        return VenueClient.of(http, key, clock);
    }

    // ------------------------------------------------------------------ refresh

    /** Fetches one market again (its venue is its convention's). */
    public boolean refresh(MarketRow row) {
        if (row == null || row.symbolProperty().get() == null || row.symbolProperty().get().isBlank()
                || liveless(row)) {
            return false;
        }
        return start(List.of(new Step(venueOf(row), row.symbolProperty().get().strip())), false);
    }

    /** Fetches every market in turn, each venue within its rate limit. */
    public boolean refreshAll() {
        List<Step> steps = new ArrayList<>();
        for (MarketRow r : ws.markets()) {
            String s = r.symbolProperty().get();
            if (s != null && !s.isBlank() && !liveless(r)) {
                steps.add(new Step(venueOf(r), s.strip()));
            }
        }
        return !steps.isEmpty() && start(steps, true);
    }

    private record Step(Venue venue, String symbol) {
    }

    private boolean start(List<Step> steps, boolean all) {
        if (busy.get()) {
            return false;
        }
        int id = ++job;
        busy.set(true);
        failed.set(false);
        progress.set(all ? 0 : -1);
        status.set("Fetching " + label(steps.get(0)) + (all ? " (1 of " + steps.size() + ")" : "") + "…");
        running = worker.submit(() -> {
            int ok = 0;
            int failed = 0;
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                int n = i;
                if (all && i > 0) {
                    fx.execute(() -> {
                        if (id == job) {
                            status.set("Fetching " + label(step) + " (" + (n + 1) + " of " + steps.size() + ")…");
                        }
                    });
                }
                try {
                    MarketDoc m = client(step.venue(), keys.get(step.venue()).orElse(null)).fetchMarket(step.symbol());
                    saveSnapshot(step.venue(), m);
                    ok++;
                    fx.execute(() -> applied(id, step, m));
                } catch (VenueException e) {
                    if (e.kind() == VenueException.Kind.CANCELLED) {
                        break;
                    }
                    failed++;
                    fx.execute(() -> failed(id, step, e.getMessage()));
                } catch (RuntimeException e) {
                    failed++;
                    String msg = step.venue().displayName() + ": " + (e.getMessage() == null
                            ? e.getClass().getSimpleName() : e.getMessage());
                    fx.execute(() -> failed(id, step, msg));
                }
                int done = i + 1;
                fx.execute(() -> {
                    if (id == job && all) {
                        progress.set(done / (double) steps.size());
                    }
                });
            }
            int okCount = ok;
            int failCount = failed;
            boolean cancelled = Thread.currentThread().isInterrupted();
            fx.execute(() -> finished(id, steps, okCount, failCount, cancelled));
        });
        return true;
    }

    private static String label(Step s) {
        return s.venue().displayName() + " " + s.symbol();
    }

    private void saveSnapshot(Venue v, MarketDoc m) {
        if (cache != null) {
            try {
                cache.save(v, m);
            } catch (java.io.IOException e) {
                // the snapshot is a convenience: the fetch itself succeeded
            }
        }
    }

    private void applied(int id, Step step, MarketDoc fetched) {
        if (id != job) {
            return; // cancelled: a late answer is not applied
        }
        WorkspaceDocument doc = ws.toDocument();
        List<MarketDoc> list = new ArrayList<>(doc.markets() == null ? List.of() : doc.markets());
        boolean found = false;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) != null && step.symbol().equals(list.get(i).symbol())) {
                list.set(i, LiveMarket.mergeInto(list.get(i), fetched));
                found = true;
            }
        }
        if (!found) {
            list.add(fetched);
        }
        errors.remove(step.symbol());
        ws.replaceInputs(doc.withMarkets(list));
        ws.toDocument().markets().stream().filter(m -> m != null && step.symbol().equals(m.symbol())).findFirst()
                .ifPresent(m -> this.fetched.put(step.symbol(), m));
        reread();
    }

    private void failed(int id, Step step, String message) {
        if (id != job) {
            return;
        }
        errors.put(step.symbol(), message);
        status.set(message);
        failed.set(true);
        tick();
    }

    private void finished(int id, List<Step> steps, int ok, int failed, boolean cancelled) {
        if (id != job) {
            return;
        }
        busy.set(false);
        running = null;
        progress.set(cancelled ? 0 : 1);
        if (cancelled) {
            status.set("Cancelled" + (ok > 0 ? " after " + ok + " of " + steps.size() + " markets" : ""));
        } else if (steps.size() == 1 && failed == 0) {
            status.set("Fetched " + label(steps.get(0)));
        } else if (steps.size() > 1) {
            status.set("Fetched " + ok + " of " + steps.size() + " markets"
                    + (failed > 0 ? "; " + failed + " failed (see the ⚠ rows)" : ""));
        }
        this.failed.set(failed > 0 && !cancelled);
        tick();
    }

    /** Stops the running fetch: what has arrived stays, nothing more is applied. */
    public void cancel() {
        Future<?> f = running;
        if (f == null) {
            return;
        }
        f.cancel(true);
        job++;
        running = null;
        busy.set(false);
        progress.set(0);
        status.set("Cancelled");
        tick();
    }

    /** The last snapshot of a market, if one is newer than what the row holds. */
    public Optional<SnapshotCache.Snapshot> newerSnapshot(MarketRow row) {
        if (cache == null || row == null || row.symbolProperty().get() == null || liveless(row)) {
            return Optional.empty();
        }
        String symbol = row.symbolProperty().get().strip();
        Optional<Instant> held = LiveMarket.asOf(markets.get(symbol));
        return cache.load(venueOf(row), symbol).filter(s -> held.isEmpty() || s.fetchedAt().isAfter(held.get()));
    }

    /** Puts a market's last snapshot in place (offline), in one undo step. */
    public boolean useSnapshot(MarketRow row) {
        Optional<SnapshotCache.Snapshot> s = newerSnapshot(row);
        if (s.isEmpty() || busy.get()) {
            return false;
        }
        applied(job, new Step(venueOf(row), row.symbolProperty().get().strip()), s.get().market());
        status.set("Using the snapshot of " + row.symbolProperty().get().strip() + " fetched " + s.get().fetchedAt());
        return true;
    }

    // ------------------------------------------------------------------ positions

    /**
     * Imports the open positions (read-only) of an address (Hyperliquid, dYdX) or of the venue's stored key, with
     * the market of every symbol the workspace does not have yet. Positions with the same id are replaced.
     */
    public boolean importPositions(Venue venue, String address) {
        if (busy.get()) {
            return false;
        }
        Optional<ApiKey> key = keys.get(venue);
        if (!venue.positionsByAddress() && key.isEmpty()) {
            status.set(venue.displayName() + " positions need a read-only API key: enter it first");
            failed.set(true);
            return false;
        }
        int id = ++job;
        busy.set(true);
        failed.set(false);
        progress.set(-1);
        status.set("Importing positions from " + venue.displayName() + "…");
        java.util.Set<String> have = new java.util.HashSet<>(markets.keySet());
        running = worker.submit(() -> {
            try {
                VenueClient c = client(venue, key.orElse(null));
                List<PositionDoc> ps = c.positions(address);
                List<MarketDoc> added = new ArrayList<>();
                for (PositionDoc p : ps) {
                    if (!have.contains(p.symbol()) && added.stream().noneMatch(m -> m.symbol().equals(p.symbol()))) {
                        MarketDoc m = c.fetchMarket(p.symbol());
                        saveSnapshot(venue, m);
                        added.add(m);
                    }
                }
                fx.execute(() -> imported(id, venue, ps, added));
            } catch (VenueException e) {
                if (e.kind() != VenueException.Kind.CANCELLED) {
                    fx.execute(() -> importFailed(id, e.getMessage()));
                }
            } catch (RuntimeException e) {
                fx.execute(() -> importFailed(id, venue.displayName() + ": " + e));
            }
        });
        return true;
    }

    private void imported(int id, Venue venue, List<PositionDoc> ps, List<MarketDoc> added) {
        if (id != job) {
            return;
        }
        WorkspaceDocument doc = ws.toDocument();
        List<MarketDoc> ms = new ArrayList<>(doc.markets() == null ? List.of() : doc.markets());
        ms.addAll(added);
        List<PositionDoc> pos = new ArrayList<>(doc.positions() == null ? List.of() : doc.positions());
        for (PositionDoc p : ps) {
            pos.removeIf(old -> old != null && p.id().equals(old.id()));
            pos.add(p);
        }
        ws.replaceInputs(doc.withMarkets(ms).withPositions(pos));
        busy.set(false);
        running = null;
        progress.set(1);
        status.set("Imported " + ps.size() + " position" + (ps.size() == 1 ? "" : "s") + " from "
                + venue.displayName() + (added.isEmpty() ? "" : " and " + added.size() + " market"
                + (added.size() == 1 ? "" : "s")) + " (read-only)");
        reread();
    }

    private void importFailed(int id, String message) {
        if (id != job) {
            return;
        }
        busy.set(false);
        running = null;
        progress.set(0);
        status.set(message);
        failed.set(true);
        tick();
    }

    /** Stores a key for this session (or in the store's keychain) after a minimal check of its shape. */
    public String setKey(Venue venue, String key, String secret, String passphrase) {
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            return "Enter the API key and its secret";
        }
        if (venue == Venue.OKX && (passphrase == null || passphrase.isBlank())) {
            return "OKX keys have a passphrase: enter it too";
        }
        keys.put(venue, new ApiKey(key, secret, passphrase));
        return "";
    }
}
