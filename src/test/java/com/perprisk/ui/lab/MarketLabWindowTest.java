package com.perprisk.ui.lab;

import com.perprisk.ui.support.ScriptedDialogs;
import com.perprisk.ui.MainView;
import com.perprisk.ui.TeachingPanels;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Market lab in the real main window, headless: the pages, an edited feed, a lab lesson, the cascade. */
class MarketLabWindowTest extends ApplicationTest {
    /** Set -Dperprisk.labShots=DIR to save a PNG of each page (to look at the layout). */
    private static final String SHOTS = System.getProperty("perprisk.labShots");

    private MainView view;
    private Stage stage;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> errors = dialogs.errors;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.isolatedLong(), null);
        ThemeManager theme = new ThemeManager(Boolean.getBoolean("perprisk.labShotsDark") ? AppSettings.Theme.DARK
                : AppSettings.Theme.LIGHT);
        view = new MainView(vm, null, theme);
        view.setDialogs(dialogs);
        stage.setScene(new Scene(view, 1280, 800));
        theme.attach(view);
        stage.show();
    }

    private void shot(String name) throws Exception {
        if (SHOTS == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        Path dir = Path.of(SHOTS);
        Files.createDirectories(dir);
        var img = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private void page(String id) {
        clickOn("#lab-page-" + id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertNoNaN() {
        List<String> bad = new ArrayList<>();
        collect(stage.getScene().getRoot(), bad);
        assertTrue(bad.isEmpty(), "texts with NaN or Infinity: " + bad);
    }

    private static void collect(Node n, List<String> bad) {
        String t = n instanceof Labeled l ? l.getText() : n instanceof Text tx ? tx.getText()
                : n instanceof TextField f ? f.getText() : null;
        if (t != null && (t.contains("NaN") || t.contains("Infinity"))) {
            bad.add(t);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, bad);
            }
        }
    }

    @Test
    void theLabOpensFromTheTeachMenuWithEveryPage() throws Exception {
        clickOn("#menu-teach");
        clickOn("Market lab");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TeachingPanels.MARKET_LAB + "-tab", view.resultTabs().getSelectionModel().getSelectedItem()
                .getId());
        assertNotNull(lookup("#market-lab").tryQuery().orElse(null));
        // the tour: the seed index, with the stale and the deviating feed struck through
        assertEquals("60,111.54", text("#lab-index-price"));
        TableView<?> table = lookup("#lab-index-table").queryAs(TableView.class);
        long struck = lookup((Node n) -> n instanceof TableRow<?> r && r.getTableView() == table
                && r.getStyleClass().contains("lab-dropped")).queryAll().size();
        assertEquals(2, struck);
        shot("market-lab-index");
        page("book");
        assertEquals("60,074.03", text("#lab-impact-bid"));
        assertEquals("60,145.94", text("#lab-impact-ask"));
        shot("market-lab-book");
        page("funding");
        assertEquals("+0.0100% per 8 h", text("#lab-funding-rate"));
        shot("market-lab-funding");
        page("vamm");
        assertEquals("37.5 base", text("#lab-vamm-result"));
        assertEquals("16.0000", text("#lab-vamm-average"));
        shot("market-lab-vamm");
        page("pool");
        assertEquals("1,996,000.00", text("#lab-pool-value"));
        shot("market-lab-pool");
        page("cascade");
        assertTrue(text("#lab-cascade-verdict").contains("the local book amplifies, the index damps"),
                text("#lab-cascade-verdict"));
        assertNoNaN();
        shot("market-lab-cascade");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    /** Types into a table cell as a user does: select it, F2, the text, Enter. */
    private void typeInCell(String tableId, int row, int column, String text) {
        TableView<?> table = lookup(tableId).queryAs(TableView.class);
        interact(() -> focusCell(table, row, column));
        type(javafx.scene.input.KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();
        TextField editor = lookup((Node n) -> n instanceof TextField f && f.getParent() instanceof
                javafx.scene.control.TableCell<?, ?> && isAncestor(table, f)).queryAs(TextField.class);
        interact(() -> editor.selectAll());
        write(text);
        type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <S> void focusCell(TableView<S> table, int row, int column) {
        table.requestFocus();
        table.getSelectionModel().clearAndSelect(row);
        table.getFocusModel().focus(row, table.getColumns().get(column));
    }

    private static boolean isAncestor(Node ancestor, Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    @Test
    void editingABookLevelRecomputesTheImpactPricesAndABadCellNamesItself() throws Exception {
        interact(() -> view.teaching().select(TeachingPanels.MARKET_LAB));
        WaitForAsyncUtils.waitForFxEvents();
        page("book");
        assertEquals("60,074.03", text("#lab-impact-bid"));
        // the best bid's size (column 1 of the bids table) made unreadable: the figures blank, the cell named
        typeInCell("#lab-book-bids", 0, 1, "lots");
        assertEquals("—", text("#lab-impact-bid"));
        assertTrue(lookup((Node n) -> n instanceof Label l && "Bid 1 size: not a number: lots".equals(l.getText()))
                .tryQuery().isPresent(), "the bad cell is named on the page");
        assertNoNaN();
        // a big best bid: the whole impact notional sells at 60,090
        typeInCell("#lab-book-bids", 0, 1, "10");
        assertEquals("60,090.00", text("#lab-impact-bid"));
        // and the asks table edits the other side
        typeInCell("#lab-book-asks", 0, 1, "10");
        assertEquals("60,130.00", text("#lab-impact-ask"));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void editingAPremiumSampleRecomputesTheRateAndABadCellNamesItself() throws Exception {
        interact(() -> view.teaching().select(TeachingPanels.MARKET_LAB));
        WaitForAsyncUtils.waitForFxEvents();
        page("funding");
        assertEquals("+0.0100% per 8 h", text("#lab-funding-rate"));
        typeInCell("#lab-funding-sample-table", 3, 0, "0.5");
        assertEquals("+0.2200%", text("#lab-funding-premium"));
        assertEquals("+0.1700% per 8 h", text("#lab-funding-rate"));
        typeInCell("#lab-funding-sample-table", 1, 0, "abc");
        assertEquals("—", text("#lab-funding-rate"));
        assertTrue(lookup((Node n) -> n instanceof Label l && "Sample 2: not a number: abc".equals(l.getText()))
                .tryQuery().isPresent(), "the bad cell is named on the page");
        assertNoNaN();
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void editingAFeedRecomputesTheIndexAndABadCellNamesItself() throws Exception {
        interact(() -> view.teaching().select(TeachingPanels.MARKET_LAB));
        WaitForAsyncUtils.waitForFxEvents();
        IndexPageModel m = view.teaching().marketLab().viewModel().index();
        // Bitstamp (58,200) is dropped at 2%; widen the limit to 5% and it comes back into the VWAP
        TextField dev = lookup("#lab-index-deviation").queryAs(TextField.class);
        clickOn(dev).eraseText(dev.getText().length()).write("5");
        WaitForAsyncUtils.waitForFxEvents();
        double vwap = (60_100.0 * 20_000 + 60_150 * 30_000 + 60_050 * 15_000 + 58_200 * 8_000) / 73_000;
        assertEquals(new Formats(Locale.US).number(vwap, 2), text("#lab-index-price"));
        interact(() -> m.rows().get(0).priceProperty().set("abc"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("—", text("#lab-index-price"));
        assertTrue(m.problemProperty().get().startsWith("Feed 1 price: not a number"), m.problemProperty().get());
        assertNoNaN();
    }

    @Test
    void aLabLessonOpensItsPageAndNarrativeAndTheCascadePlaysItsRounds() throws Exception {
        clickOn("#menu-teach");
        clickOn("#menu-lab-lessons");
        clickOn("Cascade: amplify or damp");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(lookup("#lesson-panel").tryQuery().orElse(null), "the narrative shows beside the window");
        assertEquals("lab-page-cascade", lookup("#lab-pages").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedItem().getId());
        CascadePageModel c = view.teaching().marketLab().viewModel().cascade();
        clickOn("#lab-cascade-restart");
        assertEquals(0, c.roundProperty().get());
        clickOn("#lab-cascade-step");
        assertEquals(1, c.roundProperty().get());
        assertTrue(text("#lab-cascade-book-text").contains("2 liquidated"), text("#lab-cascade-book-text"));
        clickOn("#lab-cascade-play");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> c.roundProperty().get() == c.roundsProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text("#lab-cascade-book-text").contains("ADL 93.00"), text("#lab-cascade-book-text"));
        assertTrue(text("#lab-cascade-anchored-text").contains("0 liquidated"), text("#lab-cascade-anchored-text"));
        assertFalse(text("#lab-cascade-verdict").isEmpty());
        shot("market-lab-lesson-cascade");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void theLabMovesIntoItsOwnWindowAndBack() throws Exception {
        interact(() -> view.teaching().select(TeachingPanels.MARKET_LAB));
        WaitForAsyncUtils.waitForFxEvents();
        LabTeaching lab = view.teaching().marketLab();
        clickOn("#lab-detach");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lab.detached());
        assertTrue(lab.labView().getScene().getWindow() != stage.getScene().getWindow(), "a window of its own");
        assertNotNull(lookup("#lab-attach").tryQuery().orElse(null), "the tab says where the lab went");
        if (SHOTS != null) {
            Path dir = Path.of(SHOTS);
            Files.createDirectories(dir);
            String[][] shots = {{"index", "1"}, {"book", "3"}, {"funding", "2"}, {"vamm", "3"}, {"pool", "3"},
                    {"cascade", "4"}};
            for (String[] sh : shots) {
                String pg = sh[0];
                interact(() -> {
                    lab.viewModel().loadBundled(LabViewModel.BUNDLED.get(Integer.parseInt(sh[1])));
                    lab.labView().showPage(pg);
                });
                WaitForAsyncUtils.waitForFxEvents();
                var img = WaitForAsyncUtils.asyncFx(() -> lab.labView().getScene().snapshot(null))
                        .get(10, TimeUnit.SECONDS);
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png",
                        dir.resolve("market-lab-window-" + pg + ".png").toFile());
            }
        }
        // the lab's window covers the main one: press the tab's button directly
        interact(() -> lookup("#lab-attach").queryAs(javafx.scene.control.Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(lab.detached());
        assertTrue(lab.labView().getScene() == stage.getScene(), "back in the tab");
    }

    /** The page's scroll pane around a node. */
    private static javafx.scene.control.ScrollPane pageOf(Node n) {
        Node p = n.getParent();
        while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        return (javafx.scene.control.ScrollPane) p;
    }

    /** Every lab chart is at least readable, and its page ends inside the window (scrolls, never runs under it). */
    private void assertChartsReadable(String when) {
        String[][] charts = {{"book", "#lab-depth-chart"}, {"funding", "#lab-funding-samples"},
                {"vamm", "#lab-vamm-chart"}, {"vamm", "#lab-vamm-book-chart"}, {"cascade", "#lab-cascade-book"}};
        double windowHeight = stage.getScene().getHeight();
        for (String[] c : charts) {
            page(c[0]);
            javafx.scene.layout.Region chart = lookup(c[1]).queryAs(javafx.scene.layout.Region.class);
            assertTrue(chart.getHeight() >= LabCharts.MIN_HEIGHT, when + ": " + c[1] + " is " + chart.getHeight()
                    + " px high, below the readable " + LabCharts.MIN_HEIGHT);
            javafx.scene.control.ScrollPane sp = pageOf(chart);
            javafx.geometry.Bounds page = sp.localToScene(sp.getLayoutBounds());
            assertTrue(page.getMaxY() <= windowHeight + 0.5, when + ": the " + c[0] + " page runs " + (page.getMaxY()
                    - windowHeight) + " px below the window");
            // scroll as a reader would, until the chart's top is at the page's top (or as far as the page goes)
            interact(() -> {
                Node content = sp.getContent();
                double top = content.sceneToLocal(chart.localToScene(chart.getLayoutBounds())).getMinY();
                double extra = content.getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight();
                double v = extra <= 0 ? 0 : Math.min(1, top / extra);
                sp.setVvalue(sp.getVmin() + v * (sp.getVmax() - sp.getVmin()));
            });
            WaitForAsyncUtils.waitForFxEvents();
            javafx.geometry.Bounds shown = chart.localToScene(chart.getLayoutBounds());
            assertTrue(shown.getMaxY() <= page.getMaxY() + 0.5 && shown.getMinY() >= page.getMinY() - 0.5,
                    when + ": " + c[1] + " cannot be scrolled into its page: " + shown + " in " + page);
            interact(() -> sp.setVvalue(0));
        }
    }

    @Test
    void theLabTabTakesTheWindowsHeightAndItsChartsStayReadable() throws Exception {
        Node bar = lookup("#scenario-bar").query();
        assertTrue(bar.isVisible());
        clickOn("#menu-teach");
        clickOn("Market lab");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(bar.isVisible() || bar.isManaged(), "the scenario bar steps aside: the scenario does not move the"
                + " lab");
        assertFalse(lookup("#center-split").queryAs(javafx.scene.control.SplitPane.class).getItems().get(0)
                .isVisible(), "the positions step aside for the lab");
        assertChartsReadable("1280 × 800");
        shot("market-lab-room-vamm");
        interact(() -> com.perprisk.ui.theme.PresentationSize.set(view, true));
        WaitForAsyncUtils.waitForFxEvents();
        assertChartsReadable("presentation size");
        page("vamm");
        shot("market-lab-room-vamm-presentation");
        interact(() -> com.perprisk.ui.theme.PresentationSize.set(view, false));
        interact(() -> view.resultTabs().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(bar.isVisible() && bar.isManaged(), "the scenario bar is back with the charts");
        assertTrue(lookup("#center-split").queryAs(javafx.scene.control.SplitPane.class).getItems().get(0)
                .isVisible(), "the positions are back with the charts");
    }
}
