package com.perprisk.ui.charts;

import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.support.Fixtures;
import com.perprisk.ui.support.Snapshots;
import com.perprisk.ui.support.TestWorkspace;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ChartsPaneTest {
    private final RiskContext context = new RiskContext();
    private ChartsPane pane;
    private Scene scene;

    @Start
    void start(Stage stage) {
        new TestWorkspace(context).load(Fixtures.portfolio());
        context.selectedPositionIdProperty().set("p3");
        pane = new ChartsPane(context);
        scene = new Scene(pane, 1000, 620);
        stage.setScene(scene);
        stage.show();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !pane.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private XYChart.Series<Number, Number> series(ChartModels.Kind kind, int chart, int index) {
        return ((XYChart<Number, Number>) pane.charts(kind).get(chart)).getData().get(index);
    }

    @Test
    void seriesExistAndMoveWithTheScenario(FxRobot robot) throws Exception {
        settle();
        var balance = series(ChartModels.Kind.EQUITY, 0, 0);
        assertEquals("Margin balance", balance.getName());
        assertEquals(500, balance.getData().size());
        double firstX = balance.getData().get(0).getXValue().doubleValue();
        robot.interact(() -> Snapshots.save(scene, "chart-equity"));

        robot.interact(() -> context.scenarioMoveProperty().set(0.2));
        settle();
        double movedX = series(ChartModels.Kind.EQUITY, 0, 0).getData().get(0).getXValue().doubleValue();
        assertNotEquals(firstX, movedX);
        assertTrue(pane.shownData(ChartModels.Kind.EQUITY).get(0).markers().stream()
                .anyMatch(m -> m.kind().equals("mark") && Math.abs(m.value() - 72_000) < 1e-6));
        robot.interact(() -> context.scenarioMoveProperty().set(0));
        settle();

        for (ChartModels.Kind k : ChartModels.Kind.values()) {
            robot.interact(() -> pane.select(k));
            settle();
            assertFalse(pane.charts(k).isEmpty(), k.name());
            assertFalse(((XYChart<?, ?>) pane.charts(k).get(0)).getData().isEmpty(), k.name());
            robot.interact(() -> Snapshots.save(scene, "chart-" + k.name().toLowerCase()));
        }
        Path png = Path.of("target", "screens", "export.png");
        robot.interact(() -> {
            try {
                pane.exportPng(png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void chartsAreBuiltOnlyWhenTheirTabIsShown() throws Exception {
        settle();
        assertTrue(pane.charts(ChartModels.Kind.CARRY).isEmpty());
        assertFalse(pane.charts(ChartModels.Kind.EQUITY).isEmpty());
    }
}
