package com.perprisk.ui.live;

import com.perprisk.ui.controls.LazyTooltip;
import com.perprisk.ui.markets.MarketsView;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import com.perprisk.venue.InMemoryKeyStore;
import com.perprisk.venue.SnapshotCache;
import com.perprisk.venue.Venue;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.PopOver;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The live-data strip under the markets table: Refresh (the selected market), Refresh all, Cancel, progress and the
 * last message; "Import positions…" opens a row to read positions by address (Hyperliquid, dYdX) or with a
 * read-only key (Binance, Bybit, OKX), and says where keys are kept. {@link #attach} is the one hook the main window
 * needs: it adds the "Data" column to the markets table and this strip below it.
 */
public final class LivePanel extends VBox {
    private final LiveViewModel vm;
    private final ChoiceBox<Venue> venue = new ChoiceBox<>(FXCollections.observableArrayList(Venue.values()));
    private final TextField address = new TextField();
    private final PasswordField apiKey = new PasswordField(); // masked too: never in a screenshot
    private final PasswordField secret = new PasswordField();
    private final PasswordField passphrase = new PasswordField();
    /** The import form's popup, made when it is first opened (a popup window: its own scene and CSS pass). */
    private PopOver popOver;
    /** The data-age clock's task while the panel is in a window (FX thread only). */
    private java.util.concurrent.ScheduledFuture<?> tick;

    LivePanel(LiveViewModel vm, MarketsView markets) {
        this.vm = vm;
        setId("live-panel");
        Button refresh = new Button("Refresh");
        refresh.setId("live-refresh");
        refresh.getStyleClass().add("small");
        LazyTooltip.install(refresh, "Fetch the selected market from its venue (F5)");
        refresh.disableProperty().bind(vm.busyProperty().or(markets.selectedMarketProperty().isNull()));
        refresh.setOnAction(e -> vm.refresh(markets.selectedMarketProperty().get()));
        Button all = new Button("Refresh all");
        all.setId("live-refresh-all");
        all.getStyleClass().add("small");
        LazyTooltip.install(all, "Fetch every market in turn, within each venue's rate limit (Shift+F5)");
        all.disableProperty().bind(vm.busyProperty());
        all.setOnAction(e -> vm.refreshAll());
        Button cancel = new Button("Cancel");
        cancel.setId("live-cancel");
        cancel.getStyleClass().add("small");
        LazyTooltip.install(cancel, "Stop fetching (Esc): what has arrived stays");
        cancel.disableProperty().bind(vm.busyProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button snapshot = new Button("Use snapshot");
        snapshot.setId("live-use-snapshot");
        snapshot.getStyleClass().add("small");
        LazyTooltip.install(snapshot, "Offline: put the selected market's last fetched snapshot in place");
        snapshot.visibleProperty().bind(Bindings.createBooleanBinding(() -> !vm.busyProperty().get()
                        && vm.newerSnapshot(markets.selectedMarketProperty().get()).isPresent(),
                vm.revisionProperty(), vm.busyProperty(), markets.selectedMarketProperty()));
        snapshot.managedProperty().bind(snapshot.visibleProperty());
        snapshot.setOnAction(e -> vm.useSnapshot(markets.selectedMarketProperty().get()));
        ProgressBar progress = new ProgressBar();
        progress.setId("live-progress");
        progress.setPrefWidth(70);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("live-status");
        status.getStyleClass().add("live-status");
        status.textProperty().bind(vm.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.tooltipProperty().bind(Bindings.createObjectBinding(() -> vm.statusProperty().get().isEmpty() ? null
                : new Tooltip(vm.statusProperty().get()), vm.statusProperty()));
        vm.failedProperty().addListener((o, a, f) -> {
            status.getStyleClass().remove("live-failed");
            if (f) {
                status.getStyleClass().add("live-failed");
            }
        });
        Button importButton = new Button("Import positions…");
        importButton.setId("live-import-toggle");
        importButton.getStyleClass().add("small");
        importButton.setOnAction(e -> {
            if (importShowing()) {
                popOver.hide();
            } else {
                popOver().show(importButton);
            }
        });
        // like the markets header's buttons: out of the Tab order (inputs only), reached by their shortcuts
        for (Button b : new Button[]{refresh, all, cancel, snapshot, importButton}) {
            b.setFocusTraversable(false);
        }
        LazyTooltip.install(importButton, "Read the open positions of an account, read-only (Ctrl+Shift+I)");
        HBox bar = new HBox(refresh, all, cancel, snapshot, progress, status, importButton);
        bar.getStyleClass().add("live-bar");
        getChildren().add(bar);

        markets.table().addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5) {
                if (e.isShiftDown()) {
                    vm.refreshAll();
                } else {
                    vm.refresh(markets.selectedMarketProperty().get());
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && vm.busyProperty().get()) {
                vm.cancel();
                e.consume();
            }
        });
        KeyCombination importKey = new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN);
        Runnable openImport = () -> {
            if (!importShowing()) {
                popOver().show(importButton);
            }
            venue.requestFocus();
        };
        sceneProperty().addListener((o, a, s) -> {
            if (a != null) {
                a.getAccelerators().remove(importKey);
            }
            if (s != null) {
                s.getAccelerators().put(importKey, openImport);
            }
            ticking(s != null);
        });
    }

    private PopOver popOver() {
        if (popOver == null) {
            popOver = new PopOver(importForm());
            popOver.setTitle("Import positions (read-only)");
            popOver.setHeaderAlwaysVisible(true);
            popOver.setDetachable(false);
            popOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
        }
        return popOver;
    }

    private boolean importShowing() {
        return popOver != null && popOver.isShowing();
    }

    private VBox importForm() {
        venue.setId("live-import-venue");
        venue.setConverter(new StringConverter<>() {
            @Override
            public String toString(Venue v) {
                return v == null ? "" : v.displayName();
            }

            @Override
            public Venue fromString(String s) {
                return null;
            }
        });
        venue.setValue(Venue.HYPERLIQUID);
        address.setId("live-import-address");
        address.setPromptText("0x… address");
        address.setPrefColumnCount(20);
        apiKey.setId("live-import-key");
        apiKey.setPromptText("read-only API key");
        apiKey.setPrefColumnCount(12);
        secret.setId("live-import-secret");
        secret.setPromptText("secret");
        secret.setPrefColumnCount(10);
        passphrase.setId("live-import-passphrase");
        passphrase.setPromptText("passphrase");
        passphrase.setPrefColumnCount(8);
        var byAddress = Bindings.createBooleanBinding(() -> venue.getValue() != null
                && venue.getValue().positionsByAddress(), venue.valueProperty());
        address.visibleProperty().bind(byAddress);
        address.managedProperty().bind(byAddress);
        apiKey.visibleProperty().bind(byAddress.not());
        apiKey.managedProperty().bind(byAddress.not());
        secret.visibleProperty().bind(byAddress.not());
        secret.managedProperty().bind(byAddress.not());
        var okx = Bindings.createBooleanBinding(() -> venue.getValue() == Venue.OKX, venue.valueProperty());
        passphrase.visibleProperty().bind(okx);
        passphrase.managedProperty().bind(okx);
        venue.valueProperty().addListener((o, a, v) -> address.setPromptText(v == Venue.DYDX ? "dydx1… address"
                : "0x… address"));
        Button go = new Button("Import");
        go.setId("live-import-run");
        go.getStyleClass().addAll("small", "accent");
        go.disableProperty().bind(vm.busyProperty());
        go.setOnAction(e -> runImport());
        address.setOnAction(e -> runImport());
        Label note = new Label(vm.keys().description() + ". Read-only keys only: a key that may trade or withdraw "
                + "is refused.");
        note.setId("live-keys-note");
        note.getStyleClass().add("live-keys-note");
        note.setWrapText(true);
        note.setMaxWidth(420);
        FlowPane fields = new FlowPane(new Label("From"), venue, address, apiKey, secret, passphrase, go);
        fields.getStyleClass().add("live-import");
        fields.setPrefWrapLength(420);
        VBox form = new VBox(6, fields, note);
        form.getStyleClass().add("live-import-form");
        return form;
    }

    private void runImport() {
        Venue v = venue.getValue();
        if (v == null) {
            return;
        }
        if (!v.positionsByAddress()) {
            if (!apiKey.getText().isBlank() || vm.keys().get(v).isEmpty()) {
                String problem = vm.setKey(v, apiKey.getText(), secret.getText(), passphrase.getText());
                // the key now lives in the key store only: clear the fields
                apiKey.clear();
                secret.clear();
                passphrase.clear();
                if (!problem.isEmpty()) {
                    vm.keys().remove(v);
                    apiKey.setPromptText(problem);
                    return;
                }
            }
        }
        if (vm.importPositions(v, v.positionsByAddress() ? address.getText().strip() : null) && popOver != null) {
            popOver.hide();
        }
    }

    private static final long TICK_SECONDS = 20;
    private static java.util.concurrent.ScheduledExecutorService clock;

    /** One daemon thread for the whole app that says when the data's age has moved on. */
    private static synchronized java.util.concurrent.ScheduledExecutorService clock() {
        if (clock == null) {
            clock = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "perprisk-live-clock");
                t.setDaemon(true);
                return t;
            });
        }
        return clock;
    }

    /**
     * Moves the data's age on every 20 s while the panel is in a window. Not a Timeline: a running animation keeps
     * JavaFX pulsing 60 times a second even when nothing changes (IdleWindowTest).
     */
    private void ticking(boolean on) {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        if (on) {
            tick = clock().scheduleAtFixedRate(() -> Platform.runLater(vm::tick), TICK_SECONDS, TICK_SECONDS,
                    java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static ExecutorService worker;

    /** One daemon worker thread for the whole app: fetches run one after another, never on the FX thread. */
    private static synchronized ExecutorService worker() {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "perprisk-live");
                t.setDaemon(true);
                return t;
            });
        }
        return worker;
    }

    public LiveViewModel viewModel() {
        return vm;
    }

    /**
     * Adds live data to a markets view: the "Data" column and this strip. Base URLs come from system properties
     * ({@link LiveConfig}), snapshots go to the settings folder, keys to an in-memory store.
     */
    public static LivePanel attach(WorkspaceViewModel ws, MarketsView markets) {
        LiveViewModel vm = new LiveViewModel(ws, LiveConfig.fromSystemProperties(), new InMemoryKeyStore(),
                new SnapshotCache(AppSettings.defaultDirectory().resolve("snapshots")), Clock.systemUTC(), worker(),
                Platform::runLater);
        // after Symbol and Venue: the age of the data is read with the symbol
        var columns = markets.table().getColumns();
        columns.add(Math.min(2, columns.size()), LiveCell.column(vm));
        LivePanel panel = new LivePanel(vm, markets);
        markets.getChildren().add(panel);
        return panel;
    }
}
