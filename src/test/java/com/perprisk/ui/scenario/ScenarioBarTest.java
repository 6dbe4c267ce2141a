package com.perprisk.ui.scenario;

import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.support.Fixtures;
import com.perprisk.ui.support.Snapshots;
import com.perprisk.ui.support.TestWorkspace;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ScenarioBarTest {
    private final RiskContext context = new RiskContext();
    private ScenarioBar bar;
    private Scene scene;

    @Start
    void start(Stage stage) {
        new TestWorkspace(context).load(Fixtures.portfolio());
        bar = new ScenarioBar(context);
        scene = new Scene(bar, 1100, 70);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void sliderAndTextMoveTheMarksAndResetReturnsToTheEnteredPrices(FxRobot robot) {
        double lp0 = context.getRisk().position("p1").orElseThrow().unrealizedPnl();
        robot.interact(() -> bar.slider().setValue(-10));
        assertEquals(-0.10, context.scenarioMoveProperty().get(), 1e-12);
        assertEquals(54_000, TestWorkspace.mark(context.getPortfolio(), "BTCUSDT"), 1e-6);
        assertTrue(bar.markText().contains("60,000.00 → 54,000.00"), bar.markText());
        assertTrue(context.getRisk().position("p1").orElseThrow().unrealizedPnl() < lp0);

        TextField field = robot.lookup("#scenario-percent").queryAs(TextField.class);
        robot.interact(() -> {
            field.setText("+12.5");
            field.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(0.125, context.scenarioMoveProperty().get(), 1e-12);
        assertEquals(12.5, bar.slider().getValue(), 1e-9);
        robot.interact(() -> Snapshots.save(scene, "scenario"));

        robot.clickOn("#scenario-reset");
        assertEquals(0, context.scenarioMoveProperty().get());
        assertEquals(60_000, TestWorkspace.mark(context.getPortfolio(), "BTCUSDT"), 0);
        assertEquals(3_000, TestWorkspace.mark(context.getPortfolio(), "ETHUSDT"), 0);
        assertEquals(lp0, context.getRisk().position("p1").orElseThrow().unrealizedPnl(), 0);
    }

    @Test
    void percentTextIsParsedAndClamped() {
        assertEquals(0.05, ScenarioBar.parsePercent("5"), 1e-12);
        assertEquals(-0.125, ScenarioBar.parsePercent("−12.5 %"), 1e-12);
        assertEquals(0.5, ScenarioBar.parsePercent("80"), 1e-12);
        assertEquals(-0.5, ScenarioBar.parsePercent("-99"), 1e-12);
        assertNull(ScenarioBar.parsePercent("abc"));
        assertNull(ScenarioBar.parsePercent("NaN"));
    }
}
