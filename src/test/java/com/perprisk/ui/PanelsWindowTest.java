package com.perprisk.ui;

import com.perprisk.engine.Market;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.risk.Quantity;
import com.perprisk.io.Samples;
import com.perprisk.ui.charts.ChartData;
import com.perprisk.ui.charts.ChartView;
import com.perprisk.ui.charts.ChartViewModel;
import com.perprisk.ui.charts.ChartsPane;
import com.perprisk.ui.charts.EquityChartModel;
import com.perprisk.ui.charts.MarkedLineChart;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.explain.ExplainPane;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.format.WorkingText;
import com.perprisk.ui.scenario.ScenarioBar;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.support.Snapshots;
import com.perprisk.ui.tiles.TilesPane;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The result panels in the real main window, headless: charts, explain, scenario, tiles and the exports. */
@Tag("ui")
class PanelsWindowTest extends ApplicationTest {
    private WorkspaceViewModel vm;
    private RiskContext ctx;
    private MainView view;
    private Scene scene;

    @Override
    public void start(Stage stage) throws Exception {
        ctx = new RiskContext();
        vm = new WorkspaceViewModel(ctx, new Formats(Locale.US));
        vm.load(Samples.demo(), null); // cross BTC and ETH longs/shorts and an isolated SOL long
        ThemeManager theme = new ThemeManager(AppSettings.Theme.LIGHT);
        view = new MainView(vm, null, theme);
        view.setDialogs(null);
        scene = new Scene(view, 1280, 800);
        stage.setScene(scene);
        theme.attach(view);
        stage.show();
        view.focusStart();
    }

    private ChartsPane charts() {
        return (ChartsPane) view.chartsPanel();
    }

    private ScenarioBar scenario() {
        return (ScenarioBar) view.scenarioPanel();
    }

    /** Waits until the visible chart has applied its newest sweep. */
    private ChartData settled() {
        ChartViewModel m = charts().visibleModel();
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> m.isSettled() && m.getData() != null);
        } catch (Exception e) {
            throw new AssertionError("the chart did not update", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return m.getData();
    }

    private MarkedLineChart lineChart(int i) {
        ChartView v = (ChartView) charts().visibleChart();
        return (MarkedLineChart) ((javafx.scene.layout.VBox) v.charts().get(i)).getChildren().get(1);
    }

    /** The balance curve the chart on screen shows. */
    private static List<Double> ys(MarkedLineChart chart) {
        return java.util.Arrays.stream(chart.shown().series(EquityChartModel.BALANCE).y()).boxed().toList();
    }

    private TableCell<?, ?> cell(TableView<?> table, int row, String columnId) {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup((Node n) -> n instanceof TableCell<?, ?> c && c.getTableView() == table && c.getIndex() == row
                && c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()) && c.isVisible())
                .query();
    }

    @Test
    void chartSeriesExistAndMoveWhenTheScenarioMovesTheMark() {
        ChartData before = settled();
        assertTrue(before.title().contains("btc-long"), before.title());
        MarkedLineChart chart = lineChart(0);
        assertEquals(2, chart.getData().size());
        assertEquals(EquityChartModel.BALANCE, chart.getData().get(0).getName());
        // one drawn curve per series, a point for each of the 500 prices swept
        assertEquals(2, chart.curves().size());
        assertEquals(ChartViewModel.POINTS, chart.curves().get(0).getElements().size());
        assertEquals(ChartViewModel.POINTS, chart.curves().get(1).getElements().size());
        List<Double> balanceBefore = ys(chart);
        double markBefore = before.marker("Mark").value();
        // hovering over the plot reads out the exact values of every curve
        moveTo(chart.lookup(".chart-plot-background"));
        WaitForAsyncUtils.waitForFxEvents();
        String hover = chart.hoverText();
        assertTrue(hover != null && hover.contains("Margin balance: ") && hover.contains("Maintenance requirement: "),
                String.valueOf(hover));
        assertFalse(hover.contains("NaN"));
        interact(() -> Snapshots.save(scene, "panels-charts"));

        // drag the slider to the right: every mark moves up, the chart follows without a Compute button
        drag(lookup("#scenario-slider .thumb").queryAs(Node.class)).moveBy(60, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double move = ctx.scenarioMoveProperty().get();
        assertTrue(move > 0.01, "the slider moved the scenario: " + move);
        ChartData after = settled();
        assertEquals(markBefore * (1 + move), after.marker("Mark").value(), 1e-6 * markBefore);
        List<Double> balanceAfter = ys(lineChart(0));
        assertEquals(ChartViewModel.POINTS, balanceAfter.size());
        // the cross pool's balance curve shifts: ETH's mark moved with the scenario
        assertNotEquals(balanceBefore, balanceAfter);

        // every chart tab draws its curves
        for (String id : ChartsPane.TAB_IDS) {
            interact(() -> charts().show(id));
            ChartData d = settled();
            assertEquals(null, d.message(), id);
            assertFalse(d.series().isEmpty(), id);
            interact(() -> Snapshots.save(scene, "panels-" + id));
        }
    }

    @Test
    void clickingAResultShowsItsSubstitutedFormula() {
        clickOn(cell(view.positionsView().table(), 0, "col-maintenanceMargin"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("explain-tab", view.resultTabs().getSelectionModel().getSelectedItem().getId());
        assertFalse(charts().visibleModel().isActive(), "hidden charts do not sweep");
        ExplainPane explain = (ExplainPane) view.explainPanel();
        Explanation e = ctx.getRisk().position("btc-long").orElseThrow().explanations().get(ExplainKey.MAINTENANCE_MARGIN);
        assertEquals(e.formula(), explain.formulaText());
        assertTrue(explain.substitutedText().startsWith(new WorkingText(vm.formats()).substituted(e)),
                explain.substitutedText());
        assertTrue(lookup("#explain-substituted").queryAs(Label.class).isVisible());
        assertEquals("Maintenance margin", explain.titleText());
        assertFalse(explain.resultText().contains("NaN"));
        interact(() -> Snapshots.save(scene, "panels-explain"));

        clickOn(cell(view.positionsView().table(), 0, "col-liquidationPrice"));
        WaitForAsyncUtils.waitForFxEvents();
        Explanation lp = ctx.getRisk().position("btc-long").orElseThrow().explanations().get(ExplainKey.LIQUIDATION_PRICE);
        assertEquals(lp.formula(), explain.formulaText());
        assertTrue(explain.resultText().contains("36,666.35"), explain.resultText());

        clickOn("Charts");
        assertTrue(charts().visibleModel().isActive(), "shown again, the chart follows the results");
        clickOn("Explain");

        // the chooser switches quantity
        interact(() -> explain.getViewModel().choose(ExplainKey.ROE));
        assertEquals("Return on equity", explain.titleText());
        assertEquals(Quantity.ROE, ctx.selectedQuantityProperty().get());
    }

    @Test
    void scenarioResetReturnsToTheEnteredPrices() {
        String lpBefore = cell(view.positionsView().table(), 0, "col-liquidationPrice").getText();
        String availableBefore = ((TilesPane) view.tilesPanel()).valueText("tile-available");
        clickOn("#scenario-percent");
        push(KeyCode.SHORTCUT, KeyCode.A);
        write("-10");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-0.10, ctx.scenarioMoveProperty().get(), 1e-12);
        for (Market m : ctx.getPortfolio().markets()) {
            double entered = ctx.enteredPortfolioProperty().get().requireMarket(m.symbol()).markPrice();
            assertEquals(entered * 0.9, m.markPrice(), 1e-9 * entered);
        }
        assertTrue(scenario().markText().contains("BTCUSDT mark 91,850.00 → 82,665.00"), scenario().markText());
        assertEquals(-10, scenario().slider().getValue(), 1e-9);
        assertNotEquals(availableBefore, ((TilesPane) view.tilesPanel()).valueText("tile-available"));
        assertNotEquals(lpBefore, cell(view.positionsView().table(), 0, "col-liquidationPrice").getText(),
                "the cross LP follows the other market's moved mark");

        clickOn("#scenario-reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, ctx.scenarioMoveProperty().get());
        for (Market m : ctx.getPortfolio().markets()) {
            assertEquals(ctx.enteredPortfolioProperty().get().requireMarket(m.symbol()).markPrice(), m.markPrice());
        }
        assertEquals(lpBefore, cell(view.positionsView().table(), 0, "col-liquidationPrice").getText());
        assertEquals(availableBefore, ((TilesPane) view.tilesPanel()).valueText("tile-available"));
        assertEquals(0, scenario().slider().getValue());
        assertTrue(lookup("#scenario-reset").queryAs(Button.class).isDisabled());
        assertTrue(scenario().markText().endsWith("(as entered)"), scenario().markText());

        // a move beyond ±50% is clamped
        interact(() -> scenario().setMove(0.8));
        assertEquals(0.5, ctx.scenarioMoveProperty().get());
    }

    @Test
    void withoutResultsEveryPanelShowsTheProblemAndNoNaN() {
        // every market invalid: no position can be computed (one bad market hides only its own positions)
        interact(() -> vm.markets().forEach(m -> m.markPriceProperty().set("-5")));
        WaitForAsyncUtils.waitForFxEvents();
        String problem = ctx.problemProperty().get();
        assertFalse(problem.isBlank());
        ChartData d = settled();
        assertTrue(d.message().contains(problem), d.message());
        TilesPane tiles = (TilesPane) view.tilesPanel();
        assertEquals(Formats.NONE, tiles.valueText("tile-available"));
        assertEquals(Formats.NONE, tiles.valueText("tile-margin-ratio"));
        assertEquals(Formats.NONE, tiles.valueText("tile-available"));
        assertEquals(Formats.NONE, tiles.valueText("tile-margin-ratio"));
        assertTrue(tiles.detailText("tile-available").contains(problem));
        clickOn("Explain");
        assertTrue(lookup("#explain-problem").queryAs(Label.class).getText().contains(problem));
        for (Node n : lookup((Node x) -> x instanceof Label l && l.isVisible()).queryAll()) {
            String t = ((Label) n).getText();
            assertFalse(t != null && (t.contains("NaN") || t.contains("Infinity")), t);
        }
    }

    @Test
    void exportsTheVisibleChartAsPngAndTheResultsAsCsv(@TempDir Path dir) throws Exception {
        interact(() -> charts().show("chart-leverage"));
        settled();
        Path png = dir.resolve("chart.png");
        interact(() -> {
            try {
                Panels.exportChartPng(view.chartsPanel(), png);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        BufferedImage img = ImageIO.read(png.toFile());
        Node visible = charts().visibleChart();
        // issue 9 §2 defect 11: exported at twice the on-screen size by default (was 1×, 638×231)
        assertEquals(2 * visible.getLayoutBounds().getWidth(), img.getWidth(), 2.0);
        assertEquals(2 * visible.getLayoutBounds().getHeight(), img.getHeight(), 2.0);
        assertTrue(img.getHeight() < 2 * charts().getHeight(), "the chart, not the tab pane around it");
        Path big = dir.resolve("chart-3x.png");
        interact(() -> {
            try {
                charts().exportScaleProperty().set(3); // chosen from a chart tab's menu
                Panels.exportChartPng(view.chartsPanel(), big);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(3 * visible.getLayoutBounds().getWidth(), ImageIO.read(big.toFile()).getWidth(), 3.0);

        Path csv = dir.resolve("results.csv");
        Panels.exportCsv(ctx.getRisk(), csv);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("id,symbol,side,marginMode,notional,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("btc-long,BTCUSDT,LONG,CROSS,"), lines.get(1));
    }
}
