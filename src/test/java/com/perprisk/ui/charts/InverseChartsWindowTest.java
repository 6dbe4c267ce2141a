package com.perprisk.ui.charts;

import com.perprisk.io.Samples;
import com.perprisk.ui.MainView;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.support.Snapshots;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.NumberAxis;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The equity chart of a coin pool in the real main window (Monocle headless): BTC on the left, a USD axis on the
 * right whose ticks are the left ticks × the mark, beside the plot from its top to its bottom, and the USD curves
 * (coin × P) drawn where their values fall on it; no second chart.
 */
@Tag("ui")
class InverseChartsWindowTest extends ApplicationTest {
    private RiskContext ctx;
    private MainView view;

    @Override
    public void start(Stage stage) throws Exception {
        ctx = new RiskContext();
        WorkspaceViewModel vm = new WorkspaceViewModel(ctx, new Formats(Locale.US));
        vm.load(Samples.open("coin-margined-mix"), null);
        ThemeManager theme = new ThemeManager(AppSettings.Theme.LIGHT);
        view = new MainView(vm, null, theme);
        view.setDialogs(null);
        stage.setScene(new Scene(view, 1280, 800));
        theme.attach(view);
        stage.show();
        view.focusStart();
    }

    private ChartsPane charts() {
        return (ChartsPane) view.chartsPanel();
    }

    /** The visible chart after it has applied the sweep whose title names this position. */
    private MarkedLineChart equityOf(String id) {
        return chartOf("chart-equity", id, 1);
    }

    private MarkedLineChart chartOf(String tab, String id, int parts) {
        interact(() -> {
            charts().show(tab);
            ctx.selectedPositionIdProperty().set(id);
        });
        ChartViewModel m = charts().visibleModel();
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> m.isSettled() && m.getData() != null
                    && m.getData().title().contains(id));
        } catch (Exception e) {
            throw new AssertionError("the chart did not update", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        ChartView v = (ChartView) charts().visibleChart();
        assertEquals(parts, v.charts().size(), "the USD values are on the right axis, not a second chart");
        return (MarkedLineChart) ((javafx.scene.layout.VBox) v.charts().get(0)).getChildren().get(1);
    }

    @Test
    @DisplayName("BTC pool equity: a right axis labelled USD, its ticks the BTC ticks × the mark 60,000, beside the plot")
    void theUsdAxisOnTheRight() {
        MarkedLineChart chart = equityOf("btc-long");
        assertEquals("BTC", chart.yAxis().getLabel());
        NumberAxis right = chart.rightAxis();
        assertNotNull(right, "a coin pool's equity has a USD axis");
        assertTrue(right.isVisible());
        assertTrue(right.getLabel().startsWith("USD"), right.getLabel());
        assertEquals(javafx.geometry.Side.RIGHT, right.getSide());
        double mark = 60_000;
        assertEquals(chart.yAxis().getLowerBound() * mark, right.getLowerBound(), 1e-6);
        assertEquals(chart.yAxis().getUpperBound() * mark, right.getUpperBound(), 1e-6);
        List<Axis.TickMark<Number>> left = chart.yAxis().getTickMarks();
        List<Axis.TickMark<Number>> usd = right.getTickMarks();
        assertTrue(left.size() >= 3, "ticks on the left: " + left.size());
        assertEquals(left.size(), usd.size());
        // the tick labels on screen
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (Node n : right.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.text.Text t && t.isVisible()) {
                labels.add(t.getText());
            }
        }
        Formats fmt = new Formats(Locale.US);
        for (int i = 0; i < left.size(); i++) {
            double l = left.get(i).getValue().doubleValue();
            double r = usd.get(i).getValue().doubleValue();
            assertEquals(l * mark, r, 1e-6 * Math.max(1, Math.abs(r)), "tick " + i);
            // the tick label shows that USD value, at the same height as the BTC tick
            assertTrue(labels.contains(fmt.quantity(l * mark, 0)), fmt.quantity(l * mark, 0) + " in " + labels);
            assertEquals(chart.yAxis().getDisplayPosition(l), right.getDisplayPosition(r), 0.5, "height of tick " + i);
        }
        // placed beside the plot: from its right edge, as tall as it is, with its labels inside the chart
        Node plot = chart.lookup(".chart-plot-background");
        Bounds p = plot.localToScene(plot.getLayoutBounds());
        Bounds a = right.localToScene(right.getLayoutBounds());
        Bounds c = chart.localToScene(chart.getLayoutBounds());
        assertEquals(p.getMaxX(), a.getMinX(), 1.0);
        assertEquals(p.getMinY(), a.getMinY(), 1.0);
        assertEquals(p.getHeight(), a.getHeight(), 1.0);
        assertTrue(a.getMaxX() <= c.getMaxX() + 0.5, "the axis fits inside the chart: " + a + " in " + c);
        // the dashed USD curves are read on it: at the mark, where coin × P = coin × mark, both pairs meet
        ChartData d = chart.shown();
        ChartData.Series usdBalance = d.series(EquityChartModel.BALANCE_USD);
        ChartData.Series balance = d.series(EquityChartModel.BALANCE);
        int k = nearest(usdBalance.x(), mark);
        double atMarkUsd = right.getDisplayPosition(usdBalance.y()[k]);
        double atMarkCoin = chart.yAxis().getDisplayPosition(balance.y()[k]);
        assertEquals(atMarkCoin, atMarkUsd, 2.0 + Math.abs(usdBalance.x()[k] - mark) * 0.01);
        assertTrue(chart.curves().get(2).getStrokeDashArray().size() > 0, "USD curves are dashed");
        interact(() -> Snapshots.save(view.getScene(), "equity-usd-axis"));
    }

    @Test
    @DisplayName("A linear (USDT) position's equity has no right axis")
    void noRightAxisForALinearPool() {
        MarkedLineChart btc = equityOf("btc-long");
        assertNotNull(btc.rightAxis());
        MarkedLineChart usdt = equityOf("usdt");
        assertNull(usdt.rightAxis());
        assertEquals("USDT", usdt.yAxis().getLabel());
        assertEquals(2, usdt.curves().size());
    }

    @Test
    @DisplayName("BTC funding: in BTC on the left, USD at the mark on the right, inside its half of the pane")
    void theFundingChartHasTheUsdAxisToo() {
        MarkedLineChart chart = chartOf("chart-funding", "btc-long", 2);
        assertEquals("Funding (BTC)", chart.yAxis().getLabel());
        NumberAxis right = chart.rightAxis();
        assertNotNull(right);
        assertEquals(chart.yAxis().getUpperBound() * 60_000, right.getUpperBound(), 1e-9);
        Bounds a = right.localToScene(right.getLayoutBounds());
        Bounds c = chart.localToScene(chart.getLayoutBounds());
        assertTrue(a.getMaxX() <= c.getMaxX() + 0.5 && a.getWidth() > 10, a + " in " + c);
        interact(() -> Snapshots.save(view.getScene(), "funding-usd-axis"));
    }

    private static int nearest(double[] xs, double x) {
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
            if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) {
                best = i;
            }
        }
        return best;
    }
}
