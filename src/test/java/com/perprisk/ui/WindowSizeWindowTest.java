package com.perprisk.ui;

import com.perprisk.ui.support.MainWindowHarness;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 §2 defect 6: at the window's minimum size the positions table showed no rows and the tiles were cut. At
 * the minimum (1024×700) three position rows show whole and no tile value or button is cut.
 */
class WindowSizeWindowTest extends MainWindowHarness {
    @Override
    protected double width() {
        return WindowSizing.MIN_WIDTH;
    }

    @Override
    protected double height() {
        return WindowSizing.MIN_HEIGHT;
    }

    @Test
    void theMinimumShowsThreePositionRowsAndWholeTiles() {
        WaitForAsyncUtils.waitForFxEvents();
        Node flow = positionsTable().lookup(".virtual-flow");
        Node clip = flow.lookup(".clipped-container");
        Bounds visible = clip.localToScene(clip.getLayoutBounds());
        int whole = 0;
        for (Node n : positionsTable().lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && !r.isEmpty() && r.isVisible()) {
                Bounds b = r.localToScene(r.getLayoutBounds());
                if (b.getMinY() >= visible.getMinY() - 0.5 && b.getMaxY() <= visible.getMaxY() + 0.5) {
                    whole++;
                }
            }
        }
        assertTrue(whole >= 3, "position rows shown whole at the minimum: " + whole);
        List<String> cut = truncated(view);
        assertTrue(cut.isEmpty(), String.join("\n", cut));
    }
}
