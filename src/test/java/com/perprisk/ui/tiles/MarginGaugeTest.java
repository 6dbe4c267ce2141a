package com.perprisk.ui.tiles;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.scene.shape.Arc;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The margin-ratio dial on its own: what it writes, where the needle and the bar go, colours, theme, no ratio. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MarginGaugeTest {
    private static final double EPS = 1e-9;
    private MarginGauge gauge;

    @Start
    void start(Stage stage) {
        gauge = new MarginGauge();
        stage.setScene(new Scene(gauge, 150, 90));
        stage.show();
    }

    private Arc bar() {
        // the bar is the arc drawn after the three sections
        return (Arc) gauge.getChildrenUnmodifiable().stream().filter(n -> n instanceof Arc).skip(3).findFirst()
                .orElseThrow();
    }

    private List<Arc> sections() {
        return gauge.getChildrenUnmodifiable().stream().filter(n -> n instanceof Arc).map(n -> (Arc) n).limit(3)
                .toList();
    }

    private Line needle() {
        return (Line) gauge.getChildrenUnmodifiable().stream().filter(n -> n instanceof Line).findFirst()
                .orElseThrow();
    }

    private void show(FxRobot robot, Double ratio, String text) {
        robot.interact(() -> {
            gauge.show(ratio, text);
            gauge.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theRatioIsWrittenAndTheNeedleAndBarPointAtIt(FxRobot robot) {
        show(robot, 0.45, "45.0%");
        assertEquals("45.0%", gauge.valueText());
        assertEquals("Margin ratio 45.0%", gauge.getAccessibleText());
        assertTrue(gauge.needleShown());
        // 45% of a 0–150% half circle: 54° of 180° from the low end, the needle 126° from the top end
        assertEquals(126, gauge.needleAngle(), EPS);
        assertEquals(180, bar().getStartAngle(), EPS);
        assertEquals(-54, bar().getLength(), EPS);
        Line n = needle();
        double dx = n.getEndX() - n.getStartX();
        double dy = n.getStartY() - n.getEndY();
        assertEquals(126, Math.toDegrees(Math.atan2(dy, dx)), 1e-6, "the needle drawn where it points");
        Bounds b = gauge.getLayoutBounds();
        assertTrue(b.contains(n.getEndX(), n.getEndY()), "the needle inside the tile");
        assertEquals(bar().getCenterX(), n.getStartX(), EPS);
        assertEquals(bar().getCenterY(), n.getStartY(), EPS);
    }

    @Test
    void theSectionsSpanTheScaleAndTheBarTakesTheColourOfTheRatiosSection(FxRobot robot) {
        List<Arc> s = sections();
        assertEquals(180, s.get(0).getStartAngle(), EPS);
        assertEquals(-96, s.get(0).getLength(), EPS, "0–80%");
        assertEquals(84, s.get(1).getStartAngle(), EPS);
        assertEquals(-24, s.get(1).getLength(), EPS, "80–100%");
        assertEquals(60, s.get(2).getStartAngle(), EPS);
        assertEquals(-60, s.get(2).getLength(), EPS, "100–150%");
        for (int i = 0; i < 3; i++) {
            Color c = gauge.sectionColour(i);
            Color solid = List.of(MarginGauge.OK, MarginGauge.WARNING, MarginGauge.DANGER).get(i);
            assertEquals(solid.getHue(), c.getHue(), 1e-6, "section " + i);
            assertTrue(c.getOpacity() < 1, "section " + i + " pale under the bar");
        }
        Object[][] cases = {{0.0, MarginGauge.OK}, {0.5, MarginGauge.OK}, {0.7999, MarginGauge.OK},
                {0.8, MarginGauge.WARNING}, {0.95, MarginGauge.WARNING}, {1.0, MarginGauge.DANGER},
                {1.2, MarginGauge.DANGER}};
        for (Object[] c : cases) {
            double r = (double) c[0];
            show(robot, r, r + "");
            assertEquals(c[1], gauge.barColour(), "ratio " + r);
            assertEquals(c[1], bar().getStroke(), "bar at ratio " + r);
            assertEquals(c[1], gauge.lookup("#tile-margin-ratio-value") instanceof javafx.scene.control.Label l
                    ? l.getTextFill() : null, "value at ratio " + r);
        }
    }

    @Test
    void aRatioBeyondTheScalePinsTheNeedleAtItsTopAndTheTextSaysIt(FxRobot robot) {
        show(robot, 2.4, "240.0%");
        assertEquals("240.0%", gauge.valueText());
        assertEquals(0, gauge.needleAngle(), EPS);
        assertEquals(-180, bar().getLength(), EPS);
        assertEquals(MarginGauge.DANGER, gauge.barColour());
    }

    @Test
    void aNewDialHasNoRatioNoNeedleAndNoBar() {
        assertEquals("—", gauge.valueText());
        assertEquals("Margin ratio —", gauge.getAccessibleText());
        assertFalse(gauge.needleShown());
        assertFalse(bar().isVisible());
    }

    @Test
    void withoutARatioItShowsADashAndNoNeedle(FxRobot robot) {
        show(robot, 0.3, "30.0%");
        show(robot, null, "ignored");
        assertEquals("—", gauge.valueText());
        assertEquals("Margin ratio —", gauge.getAccessibleText());
        assertFalse(gauge.needleShown());
        assertFalse(bar().isVisible());
        show(robot, Double.NaN, "NaN%");
        assertEquals("—", gauge.valueText(), "never NaN on screen");
        assertFalse(gauge.needleShown());
        show(robot, 0.3, "30.0%");
        assertTrue(gauge.needleShown() && bar().isVisible());
    }

    @Test
    void theDarkThemeRecoloursTheDialAndBack(FxRobot robot) {
        show(robot, 0.3, "30.0%");
        assertEquals(Color.web("#24292f"), gauge.needleColour());
        double lightSection = gauge.sectionColour(0).getOpacity();
        robot.interact(() -> gauge.setDark(true));
        assertEquals(Color.web("#c9d1d9"), gauge.needleColour());
        assertTrue(gauge.sectionColour(0).getOpacity() > lightSection, "sections stronger on the dark background");
        assertEquals(MarginGauge.OK, gauge.barColour(), "the section colours stay");
        robot.interact(() -> gauge.setDark(false));
        assertEquals(Color.web("#24292f"), gauge.needleColour());
        assertEquals(lightSection, gauge.sectionColour(0).getOpacity(), EPS);
    }
}
