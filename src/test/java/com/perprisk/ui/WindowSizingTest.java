package com.perprisk.ui;

import com.perprisk.ui.settings.AppSettings;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the window opens: the saved bounds on a screen, else 1280×800, fitted to the screen. */
class WindowSizingTest {
    private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1440, 900);

    @Test
    void theSavedSizeIsKept() {
        Rectangle2D r = WindowSizing.initial(Optional.of(new AppSettings.WindowBounds(40, 30, 1282, 825, false)),
                List.of(SCREEN));
        assertEquals(new Rectangle2D(40, 30, 1282, 825), r);
    }

    @Test
    void withoutSavedBoundsTheWindowIs1280By800Centred() {
        assertEquals(new Rectangle2D(80, 50, 1280, 800), WindowSizing.initial(Optional.empty(), List.of(SCREEN)));
    }

    @Test
    void aSmallScreenGetsTheWindowFittedToIt() {
        Rectangle2D small = new Rectangle2D(0, 0, 1024, 700);
        assertEquals(new Rectangle2D(0, 0, 1024, 700), WindowSizing.initial(Optional.empty(), List.of(small)));
        Rectangle2D r = WindowSizing.initial(Optional.of(new AppSettings.WindowBounds(500, 300, 1282, 825, false)),
                List.of(small));
        assertEquals(new Rectangle2D(0, 0, 1024, 700), r);
    }

    @Test
    void boundsOffEveryScreenFallBackToTheDefault() {
        Rectangle2D r = WindowSizing.initial(Optional.of(new AppSettings.WindowBounds(5000, 5000, 900, 500, false)),
                List.of(SCREEN));
        assertEquals(new Rectangle2D(80, 50, 1280, 800), r);
    }

    @Test
    void aSavedWindowSmallerThanTheMinimumGrowsToIt() {
        Rectangle2D r = WindowSizing.initial(Optional.of(new AppSettings.WindowBounds(10, 10, 958, 575, false)),
                List.of(SCREEN));
        assertEquals(new Rectangle2D(10, 10, WindowSizing.MIN_WIDTH, WindowSizing.MIN_HEIGHT), r);
    }
}
