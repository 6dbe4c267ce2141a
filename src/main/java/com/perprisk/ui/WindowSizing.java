package com.perprisk.ui;

import com.perprisk.ui.settings.AppSettings;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;
import java.util.Optional;

/**
 * The main window's size: the saved bounds when they are on a screen, else 1280×800, in both cases fitted to the
 * screen's usable area; and a minimum at which the positions table still shows three rows and the tiles read.
 * Window managers (Openbox, for one) size a GTK window that has a minimum set before it is shown to that minimum:
 * the size is applied again once the window is up, and the minimum only then.
 */
public final class WindowSizing {
    /** The smallest window the layout is made for: three position rows, readable tiles, the tabs' names whole. */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 700;
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;

    private WindowSizing() {
    }

    /**
     * Where the window opens.
     *
     * @param saved   the bounds saved at the last exit, if any
     * @param screens usable area of each screen (the first is the primary)
     */
    public static Rectangle2D initial(Optional<AppSettings.WindowBounds> saved, List<Rectangle2D> screens) {
        Rectangle2D primary = screens.isEmpty() ? new Rectangle2D(0, 0, DEFAULT_WIDTH, DEFAULT_HEIGHT) : screens.get(0);
        if (saved.isPresent()) {
            AppSettings.WindowBounds b = saved.get();
            Rectangle2D r = new Rectangle2D(b.x(), b.y(), Math.max(1, b.width()), Math.max(1, b.height()));
            Optional<Rectangle2D> on = screens.stream().filter(s -> s.intersects(r)).findFirst();
            if (on.isPresent()) {
                return fit(r, on.get());
            }
        }
        double w = Math.min(DEFAULT_WIDTH, primary.getWidth());
        double h = Math.min(DEFAULT_HEIGHT, primary.getHeight());
        return new Rectangle2D(primary.getMinX() + (primary.getWidth() - w) / 2,
                primary.getMinY() + (primary.getHeight() - h) / 2, w, h);
    }

    /** A rectangle moved and shrunk (never below the minimum unless the screen is smaller) to lie on the screen. */
    static Rectangle2D fit(Rectangle2D r, Rectangle2D screen) {
        double w = Math.min(Math.max(r.getWidth(), Math.min(MIN_WIDTH, screen.getWidth())), screen.getWidth());
        double h = Math.min(Math.max(r.getHeight(), Math.min(MIN_HEIGHT, screen.getHeight())), screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(r.getMinX(), screen.getMaxX() - w));
        double y = Math.max(screen.getMinY(), Math.min(r.getMinY(), screen.getMaxY() - h));
        return new Rectangle2D(x, y, w, h);
    }

    /** Sizes the stage before it is shown; call {@link #afterShown} once it is. */
    public static void apply(Stage stage, Rectangle2D bounds) {
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }

    /** Applies the size again if the window manager gave another, then sets the minimum. */
    public static void afterShown(Stage stage, Rectangle2D bounds, boolean maximized) {
        Runnable again = () -> {
            if (Math.abs(stage.getWidth() - bounds.getWidth()) > 1
                    || Math.abs(stage.getHeight() - bounds.getHeight()) > 1) {
                apply(stage, bounds);
            }
            stage.setMinWidth(Math.min(MIN_WIDTH, bounds.getWidth()));
            stage.setMinHeight(Math.min(MIN_HEIGHT, bounds.getHeight()));
            if (maximized) {
                stage.setMaximized(true);
            }
        };
        Platform.runLater(again);
    }

    /** Usable area of every screen, the primary first. */
    public static List<Rectangle2D> screens() {
        Screen primary = Screen.getPrimary();
        List<Rectangle2D> out = new java.util.ArrayList<>();
        out.add(primary.getVisualBounds());
        for (Screen s : Screen.getScreens()) {
            if (!s.equals(primary)) {
                out.add(s.getVisualBounds());
            }
        }
        return out;
    }
}
