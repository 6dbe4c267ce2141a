package com.perprisk.ui;

import com.perprisk.ui.account.AccountBar;
import com.perprisk.ui.markets.MarketsView;
import com.perprisk.ui.positions.AdlQueueViewModel;
import com.perprisk.ui.positions.PositionsView;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.tiers.TierEditor;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The main window's content. Top: menu bar and account bar. Centre: the positions table across the full width;
 * below it the markets table with the selected market's tier editor (left) and the tiles over the charts and
 * explain tabs (right). Bottom: the scenario bar and a status line (first problem, calculation time).
 */
public final class MainView extends BorderPane {
    /** What the window asks the user; replaced in tests so that no native dialog opens. */
    public interface Dialogs {
        Optional<Path> chooseOpen(Window owner);

        Optional<Path> chooseSave(Window owner, String suggestedName);

        /** Unsaved changes: SAVE, DISCARD or CANCEL. */
        UnsavedChoice confirmUnsaved(Window owner, String name);

        void error(Window owner, String header, String message);
    }

    public enum UnsavedChoice {
        SAVE,
        DISCARD,
        CANCEL
    }

    private final WorkspaceViewModel vm;
    private final AppSettings settings;
    private final ThemeManager theme;
    private final PositionsView positions;
    private final MarketsView markets;
    private final com.perprisk.ui.live.LivePanel live;
    private final TierEditor tiers;
    private final AccountBar account;
    private final TabPane tabs = new TabPane();
    private final VBox topBox;
    private final Node tilesPanel;
    private final com.perprisk.ui.charts.ChartsPane chartsPanel;
    private final Node scenarioPanel;
    private final TeachingPanels teaching;
    private final com.perprisk.ui.ticket.TicketTab ticket;
    private Dialogs dialogs = new NativeDialogs();
    private Runnable onExit = Platform::exit;
    private MainMenu menu;
    private final DocumentActions actions;
    private ResultsFill fill;

    public MainView(WorkspaceViewModel vm, AppSettings settings, ThemeManager theme) {
        this(vm, settings, theme, null);
    }

    /** @param adl the ADL ranking of {@code vm}'s positions made already (at start-up), or null to make it here */
    MainView(WorkspaceViewModel vm, AppSettings settings, ThemeManager theme, AdlQueueViewModel adl) {
        this.vm = vm;
        this.settings = settings;
        this.theme = theme;
        this.actions = new DocumentActions(vm, settings, () -> dialogs, this::window);
        setId("main-view");
        getStyleClass().add("main-view");

        account = new AccountBar(vm);
        positions = new PositionsView(vm, adl != null ? adl : new AdlQueueViewModel(vm));
        ticket = new com.perprisk.ui.ticket.TicketTab(vm);
        markets = new MarketsView(vm);
        live = com.perprisk.ui.live.LivePanel.attach(vm, markets);
        tiers = new TierEditor(vm);
        tiers.marketProperty().bind(markets.selectedMarketProperty());
        teaching = new TeachingPanels(vm, this::setRight, this::confirmDiscard,
                m -> dialogs.error(window(), "Teach", m));
        tilesPanel = Panels.tiles(vm.context());
        chartsPanel = Panels.charts(vm.context());
        scenarioPanel = Panels.scenario(vm.context());

        topBox = new VBox(buildMenuBar(), account);
        setTop(topBox);
        setCenter(buildCentre());
        setBottom(new VBox(scenarioPanel, new StatusBar(vm)));
        // clicking a result selects it and shows its working
        positions.setOnResultClicked(() -> tabs.getSelectionModel().select(explainTab()));
        // while a document is being opened, nothing is typed or clicked into the one it replaces
        addEventFilter(javafx.scene.input.InputEvent.ANY, e -> {
            if (vm.files().isOpening() && takesInput(e)) {
                e.consume();
            }
        });
        vm.files().openingProperty().addListener((obs, o, n) -> setCursor(n == null ? null : javafx.scene.Cursor.WAIT));
    }

    /** Input that could edit the document or start another action (not the pointer merely moving). */
    private static boolean takesInput(javafx.scene.input.InputEvent e) {
        var type = e.getEventType();
        return type != javafx.scene.input.MouseEvent.MOUSE_MOVED && type != javafx.scene.input.MouseEvent.MOUSE_ENTERED
                && type != javafx.scene.input.MouseEvent.MOUSE_EXITED
                && type != javafx.scene.input.MouseEvent.MOUSE_ENTERED_TARGET
                && type != javafx.scene.input.MouseEvent.MOUSE_EXITED_TARGET;
    }

    // ------------------------------------------------------------------ layout

    /** The centre: positions (with the ticket's tab) across the full width over the markets and results columns. */
    private Node buildCentre() {
        SplitPane bottom = new SplitPane(buildMarketsColumn(), buildResultsColumn());
        bottom.setDividerPositions(0.5);
        bottom.setId("bottom-split");

        SplitPane center = new SplitPane(ticket.besidePositions(positions), bottom);
        ticket.roomIn(center);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.34);
        center.setId("center-split");
        javafx.scene.layout.StackPane stack = new javafx.scene.layout.StackPane(center);
        fill = new ResultsFill(stack, bottom, tabs);
        return stack;
    }

    /** The markets table over the selected market's tier editor. */
    private Node buildMarketsColumn() {
        SplitPane marketsSplit = new SplitPane(markets, tiers);
        marketsSplit.setOrientation(Orientation.VERTICAL);
        marketsSplit.setDividerPositions(0.40);
        marketsSplit.setId("markets-split");
        return marketsSplit;
    }

    /** The tiles over the result tabs. */
    private Node buildResultsColumn() {
        buildResultTabs();
        SplitPane right = new SplitPane(wrap(tilesPanel), tabs);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.32);
        right.setId("right-split");
        if (tilesPanel instanceof com.perprisk.ui.tiles.TilesPane t) {
            com.perprisk.ui.tiles.TilesRoom.keep(right, t); // the tiles as tall as their lines, the charts the rest
        }
        return right;
    }

    /** Charts (shown at start), Explain and the teaching tabs, each built when first selected. */
    private void buildResultTabs() {
        Tab chartsTab = new Tab("Charts");
        chartsTab.setId("charts-tab");
        chartsTab.setClosable(false);
        chartsTab.setContent(chartsPanel);
        Tab explainTab = new Tab("Explain");
        explainTab.setId("explain-tab");
        explainTab.setClosable(false);
        explainTab.selectedProperty().addListener((obs, o, sel) -> {
            if (sel) {
                explainPanel();
            }
        });
        tabs.getTabs().addAll(chartsTab, explainTab);
        teaching.addTabs(tabs);
        tabs.setId("result-tabs");
        // every tab in sight: short titles when the full ones do not fit
        com.perprisk.ui.controls.TabTitles.install(tabs, Map.of("playback-tab", "Play", "compare-tab", "Venues",
                "reconcile-tab", "Recon.", "probability-tab", "Prob.", "market-lab-tab", "Lab"));
    }

    private Tab explainTab() {
        return tabs.getTabs().get(1);
    }

    /** A panel in a split pane: scrolls when it needs more room than the split gives it, never spills over. */
    private static Node wrap(Node n) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(n);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setMinHeight(0);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    // ------------------------------------------------------------------ menus

    private MenuBar buildMenuBar() {
        Map<MainAction, Runnable> commands = new EnumMap<>(MainAction.class);
        commands.put(MainAction.NEW, this::newWorkspace);
        commands.put(MainAction.OPEN, this::openDialog);
        commands.put(MainAction.SAVE, this::save);
        commands.put(MainAction.SAVE_AS, this::saveAsDialog);
        commands.put(MainAction.EXPORT_CSV, this::exportCsv);
        commands.put(MainAction.EXPORT_PNG, this::exportPng);
        commands.put(MainAction.EXIT, this::exit);
        commands.put(MainAction.UNDO, vm::undo);
        commands.put(MainAction.REDO, vm::redo);
        commands.put(MainAction.ADD_POSITION, positions::addPosition);
        commands.put(MainAction.DUPLICATE_POSITION, positions::duplicateSelected);
        commands.put(MainAction.REMOVE_POSITION, positions::removeSelected);
        commands.put(MainAction.ADD_MARKET, () -> markets.select(vm.addMarket()));
        commands.put(MainAction.GO_POSITIONS, () -> {
            setResultsFill(false);
            ticket.showPositions();
            focus(positions.table());
        });
        commands.put(MainAction.ORDER_TICKET, () -> {
            setResultsFill(false);
            ticket.open();
        });
        commands.put(MainAction.GO_MARKETS, () -> {
            setResultsFill(false);
            focus(markets.table());
        });
        commands.put(MainAction.GO_TIERS, () -> {
            setResultsFill(false);
            focus(tiers.table());
        });
        commands.put(MainAction.RESULTS_FILL, () -> setResultsFill(!fill.isOn()));
        commands.put(MainAction.GO_WALLET, () -> account.walletField().requestFocus());
        commands.put(MainAction.EXPLAIN, () -> tabs.getSelectionModel().select(explainTab()));
        commands.put(MainAction.CHARTS, () -> tabs.getSelectionModel().select(0));
        menu = new MainMenu(commands, vm, theme, settings, actions, this, this::setPresentation,
                (header, message) -> dialogs.error(window(), header, message));
        return menu.build(teaching.menu());
    }

    private static void focus(javafx.scene.control.TableView<?> t) {
        t.requestFocus();
        if (t.getSelectionModel().isEmpty() && !t.getItems().isEmpty()) {
            selectFirstCell(t);
        }
    }

    /** Selects row 0 at its first column (the tables select cells, not rows). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void selectFirstCell(javafx.scene.control.TableView t) {
        if (t.getItems().isEmpty()) {
            return;
        }
        javafx.scene.control.TableColumn first = t.getVisibleLeafColumn(0);
        t.getSelectionModel().clearAndSelect(0, first);
        t.getFocusModel().focus(0, first);
    }

    // ------------------------------------------------------------------ file actions

    /** Puts the keyboard in the positions table with the first position selected. */
    public void focusStart() {
        focus(positions.table());
    }

    /** View › Presentation size, as if chosen from the menu. */
    public void setPresentation(boolean on) {
        menu.presentationItem().setSelected(on);
        com.perprisk.ui.theme.PresentationSize.set(this, on, positions.table(), markets.table(), tiers.table());
    }

    /** View › Results fill the window: the tiles and the result tabs over the whole centre, or back in place. */
    public void setResultsFill(boolean on) {
        fill.set(on);
        menu.resultsFillItem().setSelected(on);
    }

    public boolean isResultsFill() {
        return fill.isOn();
    }

    public void setDialogs(Dialogs dialogs) {
        this.dialogs = dialogs;
    }

    /** Shows an error once the window is up (e.g. a workspace from the command line that could not be read). */
    public void setDialogsErrorLater(String message) {
        Platform.runLater(() -> dialogs.error(window(), "Cannot open the workspace", message));
    }

    public void setOnExit(Runnable onExit) {
        this.onExit = onExit;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** File › New, Open, Save and the recovery banner's actions, testable without a screen. */
    public DocumentActions documentActions() {
        return actions;
    }

    public void newWorkspace() {
        actions.newWorkspace();
    }

    public void openDialog() {
        actions.openDialog();
    }

    /** Opens a file (read off the FX thread), reporting a failure in a dialog; completes with whether it opened. */
    public java.util.concurrent.CompletableFuture<Boolean> openFile(Path path) {
        return actions.openFile(path);
    }

    /** Saves to the current file, or asks for one; returns whether it was saved. */
    public boolean save() {
        return actions.save();
    }

    public boolean saveAsDialog() {
        return actions.saveAsDialog();
    }

    public boolean saveTo(Path path) {
        return actions.saveTo(path);
    }

    /** With unsaved changes, asks whether to save them; returns false when the user cancels. */
    public boolean confirmDiscard() {
        return actions.confirmDiscard();
    }

    public void exit() {
        if (confirmDiscard()) {
            onExit.run();
        }
    }

    private void exportCsv() {
        var risk = vm.context().getRisk();
        if (risk == null) {
            dialogs.error(window(), "Nothing to export", "There are no results: " + vm.context().problemProperty()
                    .get());
            return;
        }
        Optional<Path> p = dialogs.chooseSave(window(), baseName() + "-results.csv");
        p.ifPresent(path -> {
            try {
                Panels.exportCsv(risk, path);
            } catch (Exception e) {
                dialogs.error(window(), "Cannot export", e.getMessage());
            }
        });
    }

    private void exportPng() {
        Optional<Path> p = dialogs.chooseSave(window(), baseName() + "-chart.png");
        p.ifPresent(path -> {
            try {
                Panels.exportChartPng(chartsPanel, path);
            } catch (Exception e) {
                dialogs.error(window(), "Cannot export", e.getMessage());
            }
        });
    }

    private String baseName() {
        String n = vm.nameProperty().get();
        return n == null || n.isBlank() ? "perprisk" : n.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Shows a banner offering each recovery copy a crash left behind, saying what it would restore (name, file,
     * time of the last edit), each with Restore and Discard. The banner goes when every copy is handled.
     */
    public void offerRecovery(com.perprisk.ui.workspace.RecoveryStore store,
                              List<com.perprisk.ui.workspace.RecoveryStore.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        RecoveryBanner banner = new RecoveryBanner(store, entries, actions, b -> topBox.getChildren().remove(b));
        topBox.getChildren().add(1, banner);
    }

    // ------------------------------------------------------------------ accessors for the app and tests

    public WorkspaceViewModel viewModel() {
        return vm;
    }

    public PositionsView positionsView() {
        return positions;
    }

    public com.perprisk.ui.live.LivePanel livePanel() {
        return live;
    }

    public MarketsView marketsView() {
        return markets;
    }

    public TierEditor tierEditor() {
        return tiers;
    }

    public AccountBar accountBar() {
        return account;
    }

    public Node tilesPanel() {
        return tilesPanel;
    }

    public com.perprisk.ui.charts.ChartsPane chartsPanel() {
        return chartsPanel;
    }

    public Node scenarioPanel() {
        return scenarioPanel;
    }

    /** The explain panel, created on first use. */
    public Node explainPanel() {
        Tab t = explainTab();
        if (t.getContent() == null) {
            t.setContent(Panels.explain(vm.context()));
        }
        return t.getContent();
    }

    public TabPane resultTabs() {
        return tabs;
    }

    /** The order ticket's tab beside Positions. */
    public com.perprisk.ui.ticket.TicketTab ticket() {
        return ticket;
    }

    /** Lessons, playback, venue comparison, reconcile and probability. */
    public TeachingPanels teaching() {
        return teaching;
    }
}
