package com.perprisk.ui.tiles;

import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.support.Fixtures;
import com.perprisk.ui.support.Snapshots;
import javafx.scene.Scene;
import javafx.stage.Stage;
import com.perprisk.ui.format.Formats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TilesPaneTest {
    private final RiskContext context = new RiskContext();
    private TilesPane pane;
    private Scene scene;

    @Start
    void start(Stage stage) {
        pane = new TilesPane(context, new Formats(Locale.US));
        scene = new Scene(pane, 640, 140);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTheValuesAndTheProblemWithoutResults(FxRobot robot) {
        robot.interact(() -> {
            context.problemProperty().set("ETHUSDT: mark price must be above 0");
        });
        assertEquals("—", pane.valueText("tile-available"));
        robot.interact(() -> Snapshots.save(scene, "tiles-problem"));
        robot.interact(() -> {
            context.portfolioProperty().set(Fixtures.portfolio());
            context.riskProperty().set(Fixtures.handRisk());
            context.adlStandingsProperty().set(java.util.Map.of("p1", new com.perprisk.engine.adl.AdlQueue.Standing(
                    "BTCUSDT", com.perprisk.engine.Side.LONG, 0.8, true, 3, 401, 4)));
            context.problemProperty().set("");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("7.7%", pane.valueText("tile-margin-ratio"), "the riskiest pool: isolated p2");
        assertEquals("8.00%", pane.valueText("tile-distance"));
        assertEquals("−540.00", pane.valueText("tile-funding"));
        assertEquals("4 / 5", pane.valueText("tile-adl"));
        assertEquals("8,100.00", pane.valueText("tile-available"));
        assertEquals("7.7%", pane.gauge().valueText(), "the dial writes it");
        assertEquals(MarginGauge.OK, pane.gauge().barColour());
        robot.interact(() -> Snapshots.save(scene, "tiles"));
    }

    @Test
    void theDialFollowsTheWindowsThemeClass(FxRobot robot) {
        javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(); // as the main view holds the tiles
        TilesPane[] tiles = new TilesPane[1];
        robot.interact(() -> {
            tiles[0] = new TilesPane(context, new Formats(Locale.US));
            root.getChildren().add(tiles[0]);
            new Scene(root, 640, 140);
        });
        MarginGauge g = tiles[0].gauge();
        assertEquals(javafx.scene.paint.Color.web("#24292f"), g.needleColour());
        robot.interact(() -> root.getStyleClass().add("theme-dark"));
        assertEquals(javafx.scene.paint.Color.web("#c9d1d9"), g.needleColour(), "dark on the root");
        assertEquals(true, tiles[0].isDark());
        robot.interact(() -> root.getStyleClass().remove("theme-dark"));
        assertEquals(javafx.scene.paint.Color.web("#24292f"), g.needleColour(), "light again");
    }
}
