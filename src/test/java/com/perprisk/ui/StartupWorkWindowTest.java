package com.perprisk.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.perprisk.engine.risk.Quantity;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.controls.LazyTooltip;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.workspace.PositionRow;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: work the first frame does not show is not done at start-up. The theme's stylesheet is in place before
 * the first control exists (JavaFX then never parses its default one); the tooltips (each a popup window with its
 * own scene) of the account bar, the live-data bar, the positions table's headers, buttons and result cells, the
 * markets, tiers and scenario bars and the tiles are made on the first hover, with their text as the nodes'
 * accessible help meanwhile; the dense tables' rows have a fixed height, so that no table builds a hidden row to
 * measure its rows.
 */
@Tag("ui")
class StartupWorkWindowTest extends ApplicationTest {
    private static final List<String> LAZY_TIPS = List.of("#wallet-balance", "#wallet-scope", "#mode-one-way",
            "#mode-hedge", "#horizon-hours", "#live-refresh", "#live-refresh-all", "#live-cancel",
            "#live-import-toggle", "#add-position", "#duplicate-position", "#remove-position", "#adl-population",
            "#scenario-slider", "#scenario-percent", "#scenario-reset");
    /** The tiles: the margin-ratio dial and the {@code TileCard}s. */
    private static final List<String> TILE_CARDS = List.of("#tile-margin-ratio", "#tile-distance", "#tile-funding", "#tile-adl",
            "#tile-available");
    private MainView view;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.twentyPositions(), null);
        ThemeManager theme = new ThemeManager(AppSettings.Theme.LIGHT);
        view = new MainView(vm, null, theme);
        view.setDialogs(null);
        stage.setScene(new Scene(view, 1280, 800));
        theme.attach(view);
        stage.show();
    }

    /**
     * JavaFX keeps one cache of matched selectors per distinct set of parent stylesheets: a panel with a stylesheet of
     * its own has every node kind inside it matched against the whole theme again. The window's stylesheets are all
     * on the scene, and no node of the main window carries one.
     */
    @Test
    void everyStylesheetIsOnTheSceneAndNoneOnAPanel() {
        interact(() -> {
            assertEquals(ThemeManager.WINDOW_CSS, view.getScene().getStylesheets());
            List<String> withSheets = new java.util.ArrayList<>();
            walk(view, n -> {
                if (n instanceof javafx.scene.Parent p && !p.getStylesheets().isEmpty()) {
                    withSheets.add(n.getClass().getSimpleName() + " " + n.getStyleClass() + " " + p.getStylesheets());
                }
            });
            assertEquals(List.of(), withSheets);
        });
    }

    private static void walk(Node n, java.util.function.Consumer<Node> each) {
        each.accept(n);
        if (n instanceof javafx.scene.Parent p) {
            for (Node k : p.getChildrenUnmodifiable()) {
                walk(k, each);
            }
        }
    }

    @Test
    void theThemesStylesheetIsSetWhenTheThemeIsMadeBeforeAnyControl() {
        interact(() -> {
            Application.setUserAgentStylesheet(Application.STYLESHEET_MODENA);
            new ThemeManager(AppSettings.Theme.DARK);
            assertEquals(new PrimerDark().getUserAgentStylesheetBSS(), Application.getUserAgentStylesheet());
            new ThemeManager(AppSettings.Theme.LIGHT);
            assertEquals(new PrimerLight().getUserAgentStylesheetBSS(), Application.getUserAgentStylesheet());
        });
    }

    @Test
    void fixedTooltipsAreMadeOnTheFirstHover() {
        for (String id : LAZY_TIPS) {
            Control c = lookup(id).queryAs(Control.class);
            assertNull(c.getTooltip(), id + " has a tooltip before the pointer came");
            assertTrue(c.getAccessibleHelp() != null && !c.getAccessibleHelp().isBlank(), id + " has no help text");
        }
        Control wallet = lookup("#wallet-balance").queryAs(Control.class);
        moveTo(wallet);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(wallet.getTooltip(), "hovering the wallet made no tooltip");
        assertEquals(wallet.getAccessibleHelp(), wallet.getTooltip().getText());
        assertTrue(wallet.getTooltip().getText().startsWith("Wallet balance"), wallet.getTooltip().getText());
        assertNull(lookup("#horizon-hours").queryAs(Control.class).getTooltip(), "only the hovered control's");
    }

    @Test
    void thePositionsTablesHeadersAndResultCellsHaveNoTooltipUntilHovered() {
        TableView<PositionRow> table = view.positionsView().table();
        int headers = 0;
        for (TableColumn<PositionRow, ?> c : table.getVisibleLeafColumns()) {
            if (c.getGraphic() instanceof Label l) {
                headers++;
                assertNull(l.getTooltip(), c.getId() + "'s header has a tooltip at start");
                assertTrue(l.getAccessibleHelp() != null && !l.getAccessibleHelp().isBlank(), c.getId());
            }
        }
        assertTrue(headers >= 10, "header labels with help: " + headers);
        List<Node> results = lookup(".result-cell").queryAll().stream().toList();
        assertTrue(results.size() >= 3 * 7, "result cells: " + results.size());
        for (Node n : results) {
            assertNull(((Control) n).getTooltip(), "a result cell made its tooltip at start");
        }
        List<Node> adl = lookup(".adl-cell").queryAll().stream().filter(n -> ((TableCell<?, ?>) n).getItem() != null)
                .toList();
        assertTrue(adl.size() >= 3, "ADL cells: " + adl.size());
        for (Node n : adl) {
            assertNull(((Control) n).getTooltip(), "an ADL cell made its tooltip at start");
            assertTrue(((Control) n).getAccessibleHelp().contains("queue"), ((Control) n).getAccessibleHelp());
        }

        // first hover: the liquidation price's header says what it is
        Label liq = (Label) column(table, "col-liquidationPrice").getGraphic();
        moveTo(liq);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(liq.getTooltip(), "hovering the header made no tooltip");
        assertEquals(Quantity.LIQUIDATION_PRICE.description(), liq.getTooltip().getText());
        assertEquals(liq.getAccessibleHelp(), liq.getTooltip().getText());

        // a maintenance-margin cell names its bracket, on hover
        TableCell<?, ?> mm = maintenanceCell(0);
        String first = mm.getAccessibleHelp();
        assertTrue(first.startsWith("Bracket 1, MMR "), first);
        moveTo(mm);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(mm.getTooltip(), "hovering a result cell made no tooltip");
        assertEquals(first, mm.getTooltip().getText());
        assertNull(maintenanceCell(1).getTooltip(), "only the hovered cell's");
    }

    private TableCell<?, ?> maintenanceCell(int row) {
        return (TableCell<?, ?>) lookup(".result-cell").queryAll().stream()
                .filter(n -> "col-maintenanceMargin".equals(n.getId()) && n.isVisible()
                        && ((TableCell<?, ?>) n).getIndex() == row)
                .findFirst().orElseThrow();
    }

    @Test
    void aTilesTooltipIsMadeOnTheFirstHoverAndFollowsItsValue() {
        for (String id : TILE_CARDS) {
            Node tile = lookup(id).query();
            assertNull(LazyTooltip.made(tile), id + " made its tooltip at start");
            assertNull(tile.getProperties().get("javafx.scene.control.Tooltip"), id);
            assertTrue(tile.getAccessibleHelp() != null && !tile.getAccessibleHelp().isBlank(), id);
        }
        Node funding = lookup("#tile-funding").query();
        assertTrue(funding.getAccessibleHelp().startsWith("Σ funding"), funding.getAccessibleHelp());
        moveTo(funding);
        WaitForAsyncUtils.waitForFxEvents();
        Tooltip tip = LazyTooltip.made(funding);
        assertNotNull(tip, "hovering the funding tile made no tooltip");
        assertEquals(funding.getAccessibleHelp(), tip.getText());
        assertTrue(tip.isWrapText());
        String before = tip.getText();
        interact(() -> view.viewModel().account().horizonHoursProperty().set("24"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!tip.getText().equals(before) && tip.getText().contains("24"), tip.getText());
        assertNull(LazyTooltip.made(lookup("#tile-available").query()), "only the hovered tile's");
    }

    /**
     * In a narrow window the result tabs show short titles; a shortened tab's full title is its tooltip, made when
     * the pointer first enters its header (a popup window each: the titles flipping makes none), and gone once the
     * full titles fit again.
     */
    @Test
    void aShortenedTabsTooltipIsMadeOnTheFirstHover() {
        javafx.scene.control.TabPane tabs = view.resultTabs();
        javafx.scene.control.Tab probability = tabs.getTabs().stream()
                .filter(t -> "probability-tab".equals(t.getId())).findFirst().orElseThrow();
        assertEquals("Probability", probability.getText(), "full titles at 1280 px");
        interact(() -> stage.setWidth(1000));
        WaitForAsyncUtils.waitForFxEvents();
        sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Prob.", probability.getText(), "the result tabs are shortened at 1000 px");
        for (javafx.scene.control.Tab t : tabs.getTabs()) {
            assertNull(t.getTooltip(), t.getId() + " has a tooltip before the pointer came");
        }
        moveTo(header(tabs, "probability-tab"));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(probability.getTooltip(), "hovering the shortened tab made no tooltip");
        assertEquals("Probability", probability.getTooltip().getText());
        sleep(1500); // the tooltip's show delay
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(probability.getTooltip().isShowing(), "the first hover's tooltip shows");
        for (javafx.scene.control.Tab t : tabs.getTabs()) {
            if (t != probability) {
                assertNull(t.getTooltip(), "only the hovered tab's: " + t.getId());
            }
        }
        moveTo((Node) lookup("#wallet-balance").query());
        // full titles again when they fit: no tooltip repeating the title
        interact(() -> stage.setWidth(1280));
        WaitForAsyncUtils.waitForFxEvents();
        sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Probability", probability.getText());
        assertNull(probability.getTooltip(), "a tab showing its full title keeps no tooltip");
    }

    /**
     * The tier table's menu and the chart tabs' menu of export sizes (popup windows) are made when first asked for,
     * and work that first time.
     */
    @Test
    void theTierAndChartMenusAreMadeWhenFirstAskedFor() {
        TableView<?> tiers = lookup("#tier-table").queryAs(TableView.class);
        assertNull(tiers.getContextMenu(), "the tier table's menu exists before it was asked for");
        for (javafx.scene.control.Tab t : view.chartsPanel().getTabs()) {
            assertNull(t.getContextMenu(), t.getId() + "'s menu exists before it was asked for");
        }
        requestMenu(tiers.lookup(".table-row-cell"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ContextMenu tierMenu = tiers.getContextMenu();
        assertNotNull(tierMenu, "right-clicking the tier table made no menu");
        assertTrue(tierMenu.isShowing(), "the tier table's menu shows on the first right click");
        assertEquals("tier-recompute-amounts", tierMenu.getItems().get(0).getId());
        interact(tierMenu::hide);

        Node chartTab = header(view.chartsPanel(), view.chartsPanel().getTabs().get(0).getId());
        requestMenu(chartTab);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ContextMenu scales = view.chartsPanel().getTabs().get(0).getContextMenu();
        assertNotNull(scales, "right-clicking a chart tab made no menu");
        assertTrue(scales.isShowing(), "the chart tab's menu shows on the first right click");
        assertEquals(4, scales.getItems().size());
        for (javafx.scene.control.Tab t : view.chartsPanel().getTabs()) {
            assertEquals(scales, t.getContextMenu(), "one menu for every chart tab: " + t.getId());
        }
        javafx.scene.control.RadioMenuItem two = (javafx.scene.control.RadioMenuItem) scales.getItems().get(1);
        assertTrue(two.isSelected(), "2× is the default size");
        interact(() -> scales.getItems().get(2).fire());
        assertEquals(3, view.chartsPanel().exportScaleProperty().get(), 1e-12);
        interact(scales::hide);
    }

    /** What the platform sends on a right click or the menu key (Monocle sends none): a menu request at the node. */
    private void requestMenu(Node n) {
        interact(() -> {
            javafx.geometry.Bounds b = n.localToScreen(n.getBoundsInLocal());
            javafx.geometry.Point2D local = n.screenToLocal(b.getCenterX(), b.getCenterY());
            javafx.geometry.Point2D scene = n.localToScene(local);
            javafx.event.Event.fireEvent(n, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getX(), local.getY(),
                    b.getCenterX(), b.getCenterY(), false,
                    new javafx.scene.input.PickResult(n, scene.getX(), scene.getY())));
        });
    }

    private static Node header(javafx.scene.control.TabPane tabs, String tabId) {
        for (Node n : tabs.lookupAll(".tab")) {
            if (tabId.equals(n.getId())) {
                return n;
            }
        }
        throw new AssertionError("no header for " + tabId);
    }

    @Test
    void theDenseTablesRowsHaveAFixedHeightAndNoHiddenMeasuringRow() {
        for (String id : List.of("#positions-table", "#markets-table", "#tier-table")) {
            TableView<?> t = lookup(id).queryAs(TableView.class);
            // AtlantaFX's dense row is 2em; at the window's 13 px type: 26 px, as it measured before
            assertEquals(26, t.getFixedCellSize(), 1e-9, id);
            for (Node r : t.lookupAll(".table-row-cell")) {
                assertTrue(r.isVisible(), id + ": a hidden row (the one a table without a fixed row height "
                        + "builds to measure rows)");
                assertEquals(26, ((TableRow<?>) r).getHeight(), 1e-9, id);
            }
        }
        interact(() -> view.setPresentation(true));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> positions = view.positionsView().table();
        assertEquals(32, positions.getFixedCellSize(), 1e-9, "2em at the presentation size's 16 px");
        TableRow<?> row = (TableRow<?>) positions.lookup(".table-row-cell");
        assertEquals(32, row.getHeight(), 1e-9);
        interact(() -> view.setPresentation(false));
    }

    private static TableColumn<PositionRow, ?> column(TableView<PositionRow> t, String id) {
        return t.getVisibleLeafColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
