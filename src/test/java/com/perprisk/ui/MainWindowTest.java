package com.perprisk.ui;

import com.perprisk.ui.support.ScriptedDialogs;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.risk.Quantity;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.controls.FieldDecorations;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.decoration.Decorator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real main window headless (Monocle): typing in cells, toggles, shortcuts, files. */
@Tag("ui")
class MainWindowTest extends ApplicationTest {
    private WorkspaceViewModel vm;
    private RiskContext ctx;
    private MainView view;
    private final ScriptedDialogs dialogs = scriptedDialogs();

    /** Dialogs answered by the test; "unsaved changes?" is answered Cancel unless a test says otherwise. */
    private static ScriptedDialogs scriptedDialogs() {
        ScriptedDialogs d = new ScriptedDialogs();
        d.unsaved = MainView.UnsavedChoice.CANCEL;
        return d;
    }

    /** The workspace each test starts from. */
    protected WorkspaceDocument startDocument() {
        return TestDocs.isolatedLong();
    }

    @Override
    public void start(Stage stage) {
        ctx = new RiskContext();
        vm = new WorkspaceViewModel(ctx, new Formats(Locale.US));
        vm.load(startDocument(), null);
        ThemeManager theme = new ThemeManager(AppSettings.Theme.LIGHT);
        view = new MainView(vm, null, theme);
        view.setDialogs(dialogs);
        view.setOnExit(stage::hide);
        stage.setScene(new Scene(view, 1280, 800));
        theme.attach(view);
        stage.titleProperty().bind(vm.titleProperty());
        stage.show();
        view.focusStart();
    }

    // ------------------------------------------------------------------ helpers

    private TableView<?> positionsTable() {
        return view.positionsView().table();
    }

    private TableCell<?, ?> cell(TableView<?> table, int row, String columnId) {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup((Node n) -> n instanceof TableCell<?, ?> c && c.getTableView() == table && c.getIndex() == row
                && c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()) && c.isVisible())
                .query();
    }

    private String text(TableView<?> table, int row, String columnId) {
        return cell(table, row, columnId).getText();
    }

    /** Selects a cell, presses Enter to edit it, types the text and Enter to commit. */
    private void typeInto(TableView<?> table, int row, String columnId, String text) {
        clickOn(cell(table, row, columnId));
        WaitForAsyncUtils.waitForFxEvents();
        if (lookup(".cell-editor").tryQuery().isEmpty()) {
            type(KeyCode.ENTER); // a click on the focused cell has already opened the editor
        }
        TextField editor = lookup(".cell-editor").queryAs(TextField.class);
        assertNotNull(editor, "the cell opens an editor");
        write(text);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens a choice cell's combo box and picks an item by its text. */
    private void choose(TableView<?> table, int row, String columnId, String item) {
        TableCell<?, ?> c = cell(table, row, columnId);
        clickOn(c);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<?> combo = (ComboBox<?>) c.getGraphic();
        assertNotNull(combo, "the cell shows a combo box");
        assertTrue(combo.isShowing(), "Enter opens its list");
        clickOn((Node n) -> n instanceof javafx.scene.control.ListCell<?> lc && item.equals(lc.getText())
                && lc.isVisible());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String liq(int row) {
        return text(positionsTable(), row, "col-liquidationPrice");
    }

    // ------------------------------------------------------------------ tests

    @Test
    void theMainWindowHoldsEveryPanel() {
        assertNotNull(lookup("#account").query());
        assertNotNull(lookup("#positions-table").query());
        assertNotNull(lookup("#markets-table").query());
        assertNotNull(lookup("#tier-table").query());
        assertTrue(view.tilesPanel() instanceof com.perprisk.ui.tiles.TilesPane);
        assertNotNull(view.tilesPanel().getScene(), "tiles");
        assertNotNull(view.chartsPanel().getScene(), "charts");
        assertTrue(view.scenarioPanel() instanceof com.perprisk.ui.scenario.ScenarioBar);
        assertNotNull(view.scenarioPanel().getScene(), "scenario bar");
        clickOn("Explain");
        assertTrue(view.explainPanel() instanceof com.perprisk.ui.explain.ExplainPane);
        assertNotNull(view.explainPanel().getScene(), "explain");
        assertTrue(view.explainPanel().isVisible());
        assertEquals("Teaching — PerpRisk", ((Stage) window(0)).getTitle());
    }

    @Test
    void theWorkedExampleShowsItsLiquidationPrice() {
        assertEquals("54,271.36", liq(0));
        assertEquals("60,000.00", text(positionsTable(), 0, "col-notional"));
        assertEquals("6,000.00", text(positionsTable(), 0, "col-initialMargin"));
    }

    @Test
    void enterAPositionAndSeeItsLiquidationPrice() {
        interact(() -> vm.removePosition(vm.positions().get(0)));
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm.positions().size());
        assertEquals("BTCUSDT", vm.positions().get(0).symbolProperty().get());

        typeInto(positionsTable(), 0, "col-size", "1");
        typeInto(positionsTable(), 0, "col-entryPrice", "60000");
        typeInto(positionsTable(), 0, "col-leverage", "10");
        choose(positionsTable(), 0, "col-marginMode", "Isolated");

        assertEquals(MarginMode.ISOLATED, vm.positions().get(0).marginModeProperty().get());
        assertEquals("54,271.36", liq(0));
        assertEquals("1", text(positionsTable(), 0, "col-size"));
    }

    @Test
    void switchCrossIsolatedAndOneWayHedge() {
        assertEquals("54,271.36", liq(0));
        choose(positionsTable(), 0, "col-marginMode", "Cross");
        assertEquals(MarginMode.CROSS, vm.positions().get(0).marginModeProperty().get());
        assertNotEquals("54,271.36", liq(0), "cross: the whole wallet backs the position");
        assertEquals(MarginMode.CROSS, ctx.getRisk().positions().get(0).marginMode());

        clickOn("#mode-hedge");
        assertEquals(PositionMode.HEDGE, vm.account().positionModeProperty().get());
        clickOn(cell(positionsTable(), 0, "col-notional"));
        push(KeyCode.SHORTCUT, KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, vm.positions().size());
        assertEquals(Side.SHORT, vm.positions().get(1).sideProperty().get(), "hedge: the copy is the short leg");
        assertNotNull(ctx.getRisk());
        assertNotEquals(Formats.NONE, liq(1));

        clickOn("#mode-one-way");
        assertEquals(PositionMode.ONE_WAY, vm.account().positionModeProperty().get());
        TableCell<?, ?> symbol = cell(positionsTable(), 1, "col-symbol");
        assertTrue(symbol.getStyleClass().contains(FieldDecorations.ERROR), "one-way: the second BTC row is marked");
        assertEquals(Formats.NONE, liq(0));
        assertNull(ctx.getRisk());
    }

    @Test
    void editATierAndSeeResultsChange() {
        String before = liq(0);
        TableView<?> tiers = view.tierEditor().table();
        assertEquals("0.5%", text(tiers, 0, "tier-col-mmr"));
        typeInto(tiers, 0, "tier-col-mmr", "0.8");
        assertEquals("0.8%", text(tiers, 0, "tier-col-mmr"));
        assertEquals(0.008, ctx.getPortfolio().markets().get(0).tiers().tier(0).mmr(), 1e-12);
        assertNotEquals(before, liq(0));
        assertEquals("54,435.48", liq(0), "LP = (60,000 − 6,000) / (1 − 0.008)");

        typeInto(tiers, 0, "tier-col-mmr", "1.5");
        assertTrue(cell(tiers, 0, "tier-col-mmr").getStyleClass().contains(FieldDecorations.ERROR),
                "MMR above the initial margin rate of 100x is marked at the cell");
        assertEquals(Formats.NONE, liq(0));
    }

    @Test
    void importedTiersAppearInTheTable(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("brackets.csv");
        Files.writeString(csv, "floor,cap,maxLeverage,mmr,maintenanceAmount\n0,50000,125,0.004,0\n"
                + "50000,600000,100,0.005,50\n600000,3000000,75,0.0065,950\n");
        interact(() -> view.tierEditor().importPath(csv, false));
        TableView<?> tiers = view.tierEditor().table();
        assertEquals(3, tiers.getItems().size());
        assertEquals("3,000,000", text(tiers, 2, "tier-col-cap"));
        assertEquals("0.65%", text(tiers, 2, "tier-col-mmr"));
        assertEquals("54,221.11", liq(0), "(60,000 − 6,000 − 50) / (1 − 0.005): the 0.5% bracket with cum 50");
        push(KeyCode.SHORTCUT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, tiers.getItems().size());
    }

    @Test
    void invalidInputShowsItsDecorationAndNoResult() {
        typeInto(positionsTable(), 0, "col-size", "abc");
        TableCell<?, ?> size = cell(positionsTable(), 0, "col-size");
        assertTrue(size.getStyleClass().contains(FieldDecorations.ERROR));
        assertNotNull(size.getTooltip());
        assertTrue(size.getTooltip().getText().contains("abc"));
        assertEquals(Formats.NONE, liq(0));
        assertTrue(lookup("#status-text").queryLabeled().getText().startsWith("No results"));
        for (Node n : lookup(".result-cell").queryAll()) {
            String t = ((TableCell<?, ?>) n).getText();
            assertFalse(t != null && (t.contains("NaN") || t.contains("∞") || t.contains("Infinity")), t);
        }

        typeInto(positionsTable(), 0, "col-size", "1");
        assertFalse(cell(positionsTable(), 0, "col-size").getStyleClass().contains(FieldDecorations.ERROR));
        assertEquals("54,271.36", liq(0));

        TextField wallet = view.accountBar().walletField();
        doubleClickOn(wallet);
        push(KeyCode.SHORTCUT, KeyCode.A);
        write("-5");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Decorator.getDecorations(wallet) == null || Decorator.getDecorations(wallet).isEmpty(),
                "ControlsFX decoration on the wallet field");
        assertTrue(wallet.getStyleClass().contains(FieldDecorations.ERROR));
        assertNotNull(FieldDecorations.messageOf(wallet));
    }

    @Test
    void openAndSaveRoundTrip(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trip.perprisk.json");
        dialogs.saveTo = file;
        clickOn(cell(positionsTable(), 0, "col-notional"));
        push(KeyCode.SHORTCUT, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.isRegularFile(file));
        assertEquals("Teaching — trip.perprisk.json — PerpRisk", ((Stage) window(0)).getTitle());

        typeInto(positionsTable(), 0, "col-size", "3");
        assertTrue(((Stage) window(0)).getTitle().contains("•"), "unsaved-changes mark");

        dialogs.openFrom = file;
        dialogs.unsaved = MainView.UnsavedChoice.DISCARD;
        push(KeyCode.SHORTCUT, KeyCode.O);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.confirmations, "asked about the unsaved change");
        assertEquals("1", vm.positions().get(0).sizeProperty().get());
        assertFalse(vm.isDirty());
        assertEquals("54,271.36", liq(0));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void exportResultsAsCsvFromTheFileMenu(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("results.csv");
        dialogs.saveTo = csv;
        clickOn("File");
        clickOn("Export");
        clickOn("Results as CSV…");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        String text = Files.readString(csv);
        assertTrue(text.contains("p1"), text);
        assertTrue(text.contains("54271.36") || text.contains("54271.3"), text);
    }

    @Test
    void exportTheChartAsPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");
        dialogs.saveTo = png;
        clickOn("File");
        clickOn("Export");
        clickOn("Chart as PNG…");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG");
        assertTrue(image.getWidth() > 100 && image.getHeight() > 50);
    }

    @Test
    void clickingTheLiquidationPriceExplainsIt() {
        clickOn(cell(positionsTable(), 0, "col-liquidationPrice"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("explain-tab", view.resultTabs().getSelectionModel().getSelectedItem().getId());
        String shown = lookup("#explain-substituted").queryLabeled() != null
                ? lookup("#explain-substituted").queryLabeled().getText() : "";
        // the entry price 60,000 substituted into the working, exactly as the engine wrote it
        var lp = ctx.getRisk().positions().get(0).explanations().get(ExplainKey.LIQUIDATION_PRICE);
        // on screen each number to its precision (the engine's ten digits stay in calc's JSON)
        assertTrue(shown.startsWith(new com.perprisk.ui.format.WorkingText(vm.formats()).substituted(lp) + "  =  "),
                shown);
        assertTrue(lp.substituted().contains(" × 60000"), lp.substituted());
    }

    @Test
    void cancellingKeepsTheUnsavedWork() {
        typeInto(positionsTable(), 0, "col-size", "3");
        dialogs.unsaved = MainView.UnsavedChoice.CANCEL;
        push(KeyCode.SHORTCUT, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3", vm.positions().get(0).sizeProperty().get());
        assertTrue(vm.isDirty());
    }

    @Test
    void undoAndRedoShortcuts() {
        typeInto(positionsTable(), 0, "col-leverage", "20");
        assertEquals("20", vm.positions().get(0).leverageProperty().get());
        clickOn(cell(positionsTable(), 0, "col-notional"));
        push(KeyCode.SHORTCUT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("10", vm.positions().get(0).leverageProperty().get());
        assertEquals("54,271.36", liq(0));
        push(KeyCode.SHORTCUT, KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("20", vm.positions().get(0).leverageProperty().get());
    }

    @Test
    void keyboardOnlyEntry() {
        push(KeyCode.SHORTCUT, KeyCode.DIGIT4); // wallet
        assertTrue(view.accountBar().walletField().isFocused());
        push(KeyCode.SHORTCUT, KeyCode.DIGIT1); // positions table, first cell
        assertTrue(positionsTable().isFocused());
        type(KeyCode.RIGHT, 3); // size column (after ID, symbol, side)
        write("2"); // typing a digit starts editing the focused cell
        type(KeyCode.TAB); // commit, move to entry
        write("61000");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2", vm.positions().get(0).sizeProperty().get());
        assertEquals("61000", vm.positions().get(0).entryPriceProperty().get());
        assertEquals("120,000.00", text(positionsTable(), 0, "col-notional"), "size × mark");
        assertEquals("12,200.00", text(positionsTable(), 0, "col-initialMargin"), "size × entry / leverage");
    }

    @Test
    void tabMovesThroughTheInputsInReadingOrder() {
        push(KeyCode.SHORTCUT, KeyCode.DIGIT4);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            type(KeyCode.TAB);
            Node f = window(0).getScene().getFocusOwner();
            order.add(f == null ? "null" : f.getId() == null ? f.getClass().getSimpleName() : f.getId());
        }
        assertEquals(List.of("mode-one-way", "horizon-hours", "positions-table", "markets-table", "tier-table"),
                order.subList(0, 5), order.toString());
    }

    @Test
    void themeAndPresentationSizeShortcuts() {
        clickOn(cell(positionsTable(), 0, "col-notional"));
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.getStyleClass().contains("theme-dark"));
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.getStyleClass().contains("theme-light"));
        double before = cell(positionsTable(), 0, "col-notional").getFont().getSize();
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cell(positionsTable(), 0, "col-notional").getFont().getSize() > before, "larger for a projector");
    }

    @Test
    void clickingAResultSelectsItForTheOtherPanels() {
        clickOn(cell(positionsTable(), 0, "col-maintenanceMargin"));
        assertEquals(Quantity.MAINTENANCE_MARGIN, ctx.selectedQuantityProperty().get());
        assertEquals("p1", ctx.selectedPositionIdProperty().get());
        clickOn(cell(positionsTable(), 0, "col-liquidationPrice"));
        assertEquals(Quantity.LIQUIDATION_PRICE, ctx.selectedQuantityProperty().get());
        assertEquals("explain-tab", view.resultTabs().getSelectionModel().getSelectedItem().getId(),
                "a clicked result shows its working");
    }

    @Test
    void deleteClearsTheCellCtrlDeleteRemovesAndKeyboardAddsPositions() {
        // issue 9 §2.11: Delete on a selected cell removed the whole position without asking
        clickOn(cell(positionsTable(), 0, "col-extraMargin"));
        type(KeyCode.ESCAPE);
        interact(() -> vm.positions().get(0).extraMarginProperty().set("250"));
        clickOn(cell(positionsTable(), 0, "col-extraMargin"));
        type(KeyCode.ESCAPE);
        type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm.positions().size(), "Delete keeps the position");
        assertEquals("", vm.positions().get(0).extraMarginProperty().get(), "and clears the cell");
        clickOn(cell(positionsTable(), 0, "col-notional"));
        push(KeyCode.SHORTCUT, KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.positions().isEmpty());
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.N);
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, vm.positions().size());
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), vm.positions().stream()
                .map(p -> p.symbolProperty().get()).toList());
    }
}
