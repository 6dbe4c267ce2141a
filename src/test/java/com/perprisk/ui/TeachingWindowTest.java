package com.perprisk.ui;

import com.perprisk.ui.support.ScriptedDialogs;
import com.perprisk.io.LessonCodec;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.playback.PlaybackViewModel;
import com.perprisk.ui.probability.ProbabilityViewModel;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
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

/** The teaching features in the real main window, headless: a lesson played to a liquidation, the other tabs. */
@Tag("ui")
class TeachingWindowTest extends ApplicationTest {
    /** Set -Dperprisk.teachShots=DIR to save a PNG of each state (to look at the layout). */
    private static final String SHOTS = System.getProperty("perprisk.teachShots");

    private WorkspaceViewModel vm;
    private MainView view;
    private Stage stage;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> errors = dialogs.errors;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.isolatedLong(), null);
        ThemeManager theme = new ThemeManager(Boolean.getBoolean("perprisk.teachShotsDark") ? AppSettings.Theme.DARK
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

    /**
     * No text in the window reads NaN or Infinity, and none in the teaching panes reads ∞ (the tier editor's open
     * last cap is a deliberate ∞).
     */
    private void assertNoNaN() {
        List<String> bad = new ArrayList<>();
        collect(stage.getScene().getRoot(), bad, false);
        assertTrue(bad.isEmpty(), "texts with NaN or ∞: " + bad);
    }

    private static void collect(Node n, List<String> bad, boolean teach) {
        boolean inTeach = teach || n.getStyleClass().contains("teach-panel") || n.getStyleClass().contains(
                "lesson-panel");
        String t = n instanceof Labeled l ? l.getText() : n instanceof Text tx ? tx.getText()
                : n instanceof TextField f ? f.getText() : null;
        if (t != null && (t.contains("NaN") || t.contains("Infinity") || inTeach && t.contains("∞"))) {
            bad.add(t);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, bad, inTeach);
            }
        }
    }

    private LessonCodec.Lesson lesson(String id) throws Exception {
        return LessonCodec.find(id).orElseThrow();
    }

    @Test
    void aLessonOpensFromTheMenuPlaysAndShowsALiquidationInTheEventLog() throws Exception {
        clickOn("#menu-teach");
        clickOn("#menu-lessons");
        clickOn("4. A liquidation cascade ending in ADL");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.nameProperty().get().startsWith("Lesson 4"), vm.nameProperty().get());
        assertNotNull(lookup("#lesson-panel").tryQuery().orElse(null), "the narrative shows beside the window");
        assertEquals("A liquidation cascade ending in ADL", view.teaching().narrativeView().titleText());
        assertEquals("playback-tab", view.resultTabs().getSelectionModel().getSelectedItem().getId());
        PlaybackViewModel p = view.teaching().playback();
        assertTrue(p.activeProperty().get(), "the lesson primes the playback: " + p.problemProperty().get());
        assertEquals(10, p.seedProperty().get());
        shot("teach-lesson-start");

        // play at full speed: the playback pauses at the first liquidation
        interact(() -> p.speedProperty().set(200));
        clickOn("#playback-play");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !p.playingProperty().get());
        TableView<?> log = lookup("#playback-events").queryAs(TableView.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(p.log().stream().anyMatch(r -> r.type().equals("LIQUIDATION")), "a liquidation was played");
        assertTrue(lookup((Node n) -> n instanceof TableCell<?, ?> c && c.getTableView() == log
                && "Liquidation".equals(c.getText())).tryQuery().isPresent(), "a liquidation row is on screen");
        // the liquidated position's results are gone from the positions table while the playback shows its state
        assertTrue(vm.context().getPortfolio().positions().stream().noneMatch(x -> x.id().equals("reckless")));
        shot("teach-lesson-liquidation");

        // step to the end: the fund ran dry and ADL fired
        clickOn("#playback-end");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(p.log().stream().anyMatch(r -> r.type().equals("ADL")), "ADL in the log");
        assertNoNaN();
        shot("teach-lesson-end");

        // Stop: every number returns to the workspace as entered, nothing became an unsaved change
        clickOn("#playback-stop");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.isPlaybackShown());
        assertEquals(3, vm.context().getPortfolio().positions().size());
        assertFalse(vm.isDirty());
        assertFalse(vm.canUndoProperty().get());

        // the classroom key: → steps once
        clickOn("#playback-events");
        type(javafx.scene.input.KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, p.tickProperty().get());
    }

    @Test
    void aPathDrawnByHandOnTheChartPlaysToALiquidation() throws Exception {
        interact(() -> view.teaching().select(TeachingPanels.PLAYBACK));
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#playback-path-settings");
        clickOn("#playback-draw");
        PlaybackViewModel p = view.teaching().playback();
        assertEquals(PlaybackViewModel.Source.DRAWN, p.sourceProperty().get());
        Node chart = lookup("#playback-chart").query();
        var b = chart.localToScreen(chart.getBoundsInLocal());
        // from the start level down to the bottom right corner: a fall well below the liquidation price
        drag(b.getMinX() + 70, b.getMinY() + b.getHeight() / 2).moveTo(new javafx.geometry.Point2D(
                b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() * 0.7)).moveTo(
                new javafx.geometry.Point2D(b.getMaxX() - 14, b.getMaxY() - 24)).drop();
        assertFalse(p.drawing().isEmpty(), "the drag drew points");
        clickOn("#playback-end");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(p.activeProperty().get(), p.problemProperty().get());
        assertTrue(p.log().stream().anyMatch(r -> r.type().equals("LIQUIDATION")), "the drawn fall liquidates: "
                + p.drawing() + " last mark " + p.pathProperty().get().mark("BTCUSDT", p.lastTickProperty().get())
                + " " + p.log() + " tick " + p.tickProperty().get() + " status " + p.statusProperty().get() + " events " + p.allEvents().size());
        assertNoNaN();
        shot("teach-drawn");
    }

    @Test
    void pathSettingsTypedInTheFieldsRestartThePlaybackOnlyWhenTheyChange() {
        interact(() -> view.teaching().select(TeachingPanels.PLAYBACK));
        PlaybackViewModel p = view.teaching().playback();
        clickOn("#playback-step");
        assertEquals(1, p.tickProperty().get());
        clickOn("#playback-path-settings");
        // visiting a field without changing it keeps the run
        clickOn("#playback-seed");
        clickOn("#playback-events");
        assertTrue(p.activeProperty().get());
        // a new volatility restarts it
        TextField vol = lookup("#playback-volatility").queryAs(TextField.class);
        doubleClickOn(vol);
        interact(vol::selectAll);
        write("50");
        type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.5, p.volatilityProperty().get(), 1e-12);
        assertFalse(p.activeProperty().get());
        assertFalse(vm.isPlaybackShown());
    }

    @Test
    void compareTabShowsFiveConventionsAndWhyTheyDiffer() throws Exception {
        interact(() -> view.teaching().select(TeachingPanels.COMPARE));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> t = lookup("#compare-table").queryAs(TableView.class);
        for (String c : List.of("BINANCE", "BYBIT", "OKX", "HYPERLIQUID", "DYDX")) {
            assertTrue(t.getColumns().stream().anyMatch(col -> ("col-" + c).equals(col.getId())), c);
        }
        assertEquals(5, t.getItems().size(), "one row per quantity for the one position");
        interact(() -> t.getSelectionModel().select(0));
        String details = lookup("#compare-details").queryAs(javafx.scene.control.TextArea.class).getText();
        assertTrue(details.contains("Bybit") || details.contains("BYBIT") || details.contains("vs"), details);
        assertNoNaN();
        shot("teach-compare");
    }

    @Test
    void reconcileFindsTheCauseOfAGap() throws Exception {
        interact(() -> view.teaching().select(TeachingPanels.RECONCILE));
        WaitForAsyncUtils.waitForFxEvents();
        // the exchange shows ≈54,300: MM measured at entry (the source document's figure)
        clickOn("#reconcile-exchange-price").write("54300");
        clickOn("#reconcile-tick").write("0.1");
        clickOn("#reconcile-run");
        WaitForAsyncUtils.waitForFxEvents();
        String verdict = lookup("#reconcile-verdict").queryAs(javafx.scene.control.Label.class).getText();
        // 54,300 is the bracket measured at entry, exactly (the exact price is 54,271.36): explained, with that cause
        assertTrue(verdict.startsWith("✔ Explained by bracket at entry"), verdict);
        assertTrue(verdict.contains("54,300 vs 54,300 (residual 0)"), verdict); // grouped as every number shown
        assertNoNaN();
        shot("teach-reconcile");
    }

    @Test
    void probabilityShowsTheClosedFormAndAMonteCarloRunCanBeCancelled() throws Exception {
        interact(() -> view.teaching().select(TeachingPanels.PROBABILITY));
        WaitForAsyncUtils.waitForFxEvents();
        ProbabilityViewModel p = view.teaching().probabilityView().viewModel();
        assertEquals(1, p.rows().size());
        assertTrue(p.rows().get(0).closedForm().endsWith("%"), p.rows().get(0).closedForm());
        // a long run, cancelled while it runs: the UI stays responsive and says so
        interact(() -> p.pathsProperty().set("5000000"));
        clickOn("#probability-run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> p.runningProperty().get());
        assertTrue(lookup("#probability-cancel").queryAs(Button.class).isDisabled() == false);
        clickOn("#probability-cancel");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !p.runningProperty().get());
        assertTrue(p.monteCarloStatusProperty().get().startsWith("Cancelled"), p.monteCarloStatusProperty().get());
        // a short run finishes and fills the Monte Carlo column
        interact(() -> p.pathsProperty().set("2000"));
        clickOn("#probability-run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !p.runningProperty().get()
                && p.monteCarloResult() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(p.rows().get(0).monteCarlo().endsWith("%"), p.rows().get(0).monteCarlo());
        interact(() -> {
            p.stopPriceProperty().set("57000");
            p.maxLossProperty().set("1000");
        });
        clickOn("#sizing-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(p.sizingResultProperty().get().contains("Largest size"), p.sizingResultProperty().get());
        assertNoNaN();
        shot("teach-probability");
    }

    @Test
    void everyLessonOpensAndShowsItsNarrative() throws Exception {
        for (LessonCodec.Lesson l : LessonCodec.list()) {
            interact(() -> assertTrue(view.teaching().openLesson(l), l.id()));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(view.teaching().playback().activeProperty().get(), l.id() + ": "
                    + view.teaching().playback().problemProperty().get());
            assertFalse(view.teaching().narrativeView().titleText().isBlank());
            assertNoNaN();
        }
        assertTrue(errors.isEmpty(), errors.toString());
        shot("teach-lesson-5");
    }
}
