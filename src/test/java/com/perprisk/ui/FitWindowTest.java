package com.perprisk.ui;

import com.perprisk.io.Samples;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceException;
import com.perprisk.ui.support.MainWindowHarness;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 §2.7 (remainders): at 1280×800 and 1024×768, in the normal and the presentation size, every tile shows its
 * value and detail lines whole, the equity chart has a plot one can read, the markets table fits its width without
 * scrolling sideways, and every result tab is in sight (and still reached by its key). Subclasses set the size and
 * the workspace.
 */
abstract class FitWindowTest extends MainWindowHarness {

    @Override
    protected WorkspaceDocument startDocument() {
        try {
            return Samples.open(sample());
        } catch (WorkspaceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sample workspace the window opens. */
    protected abstract String sample();

    /** How far the chart may come back from its height before presentation size (a scroll bar of the tables). */
    protected double returnTolerance() {
        return 1.5;
    }

    /** The least height of the equity chart's plot at presentation size at this window size. */
    protected abstract double presentationPlot();

    private void settle() {
        for (int i = 0; i < 6; i++) { // dividers and widened columns settle over a few pulses
            WaitForAsyncUtils.sleep(80, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private void presentation(boolean on) {
        fx(() -> view.setPresentation(on));
        settle();
    }

    /** Every label of the tiles whose text is shown cut, and every tile content taller than its tile. */
    private List<String> cutTiles() {
        List<String> out = new ArrayList<>(truncated((javafx.scene.Parent) view.tilesPanel()));
        for (Node n : view.tilesPanel().lookupAll(".tile-detail")) {
            javafx.scene.control.Label l = (javafx.scene.control.Label) n;
            if (!l.isVisible() || l.getText().isEmpty()) {
                continue;
            }
            Node text = l.lookup(".text");
            Bounds tb = text.localToScene(text.getBoundsInLocal());
            Bounds lb = l.localToScene(l.getLayoutBounds());
            if (tb.getMaxY() > lb.getMaxY() + 1 || tb.getMinY() < lb.getMinY() - 1) {
                out.add("detail \"" + l.getText() + "\" overflows its label: " + tb + " in " + lb);
            }
            Node tile = l.getParent();
            while (tile != null && !tile.getStyleClass().contains("tile-card")) {
                tile = tile.getParent();
            }
            Bounds card = tile.localToScene(tile.getLayoutBounds());
            if (lb.getMaxY() > card.getMaxY() + 1) {
                out.add("detail \"" + l.getText() + "\" below its tile: " + lb + " in " + card);
            }
            Node scroll = view.tilesPanel().getParent();
            while (scroll != null && !(scroll instanceof javafx.scene.control.ScrollPane)) {
                scroll = scroll.getParent();
            }
            Bounds seen = scroll.localToScene(scroll.getLayoutBounds());
            if (card.getMaxY() > seen.getMaxY() + 1) {
                out.add("tile of \"" + l.getText() + "\" below the tiles' room: " + card + " in " + seen);
            }
        }
        return out;
    }

    private double plotHeight() {
        WaitForAsyncUtils.waitForFxEvents();
        double h = 0;
        for (Node n : view.chartsPanel().lookupAll(".chart-plot-background")) {
            if (showing(n)) {
                h = Math.max(h, n.getLayoutBounds().getHeight());
            }
        }
        return h;
    }

    private boolean sidewaysScroll(TableView<?> table) {
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && showing(b)) {
                return true;
            }
        }
        return false;
    }

    /** Tabs of the result strip not wholly inside the strip (hidden behind its "▾" menu). */
    private List<String> tabsOutOfSight() {
        TabPane tabs = view.resultTabs();
        Node area = tabs.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("tab-header-area")).findFirst().orElseThrow();
        Bounds strip = area.localToScene(area.getLayoutBounds());
        List<String> out = new ArrayList<>();
        Node control = area.lookup(".control-buttons-tab .tab-down-button");
        if (control != null && showing(control)) {
            StringBuilder each = new StringBuilder();
            for (Node n : tabs.lookupAll(".tab")) {
                if (n.getParent() != null && n.getParent().getParent() == area) {
                    each.append(' ').append(n.getLayoutBounds().getWidth());
                }
            }
            out.add("the strip (" + strip.getWidth() + " px) shows its overflow menu; tabs" + each);
        }
        for (Node n : tabs.lookupAll(".tab")) {
            if (n.getParent() != null && n.getParent().getParent() == area && n.isVisible()) {
                Bounds b = n.localToScene(n.getLayoutBounds());
                String label = n.lookup(".tab-label") instanceof javafx.scene.control.Labeled l ? l.getText() : "?";
                if (b.getMaxX() > strip.getMaxX() + 0.5 || b.getMinX() < strip.getMinX() - 0.5) {
                    out.add("tab \"" + label + "\" at " + b.getMinX() + "–" + b.getMaxX() + " outside the strip "
                            + strip.getMinX() + "–" + strip.getMaxX());
                }
            }
        }
        out.addAll(truncated(tabs).stream().filter(s -> s.contains("TabLabel") || s.contains("Label")).toList());
        return out;
    }

    private void checkAll(String size) {
        List<String> wrong = new ArrayList<>(cutTiles());
        if (sidewaysScroll(view.marketsView().table())) {
            wrong.add("the markets table scrolls sideways");
        }
        wrong.addAll(tabsOutOfSight());
        wrong.addAll(truncated(view.marketsView().table()));
        assertTrue(wrong.isEmpty(), size + ":\n" + String.join("\n", wrong));
    }

    @Test
    void tilesMarketsAndTabsFitInBothSizes() {
        settle();
        checkAll("normal size");
        presentation(true);
        checkAll("presentation size");
        presentation(false);
        checkAll("normal size again");
    }

    @Test
    void presentationSizeGivesTheChartRoom() {
        settle();
        double normal = plotHeight();
        assertTrue(normal > 90, "the chart is drawn: " + normal);
        presentation(true);
        double big = plotHeight();
        assertTrue(big >= presentationPlot(), "plot " + big + " px at presentation size");
        presentation(false);
        assertEquals(normal, plotHeight(), returnTolerance(), "the chart returns to its normal height");
    }

    @Test
    void everyResultTabIsReachedByItsKeyAtPresentationSize() {
        presentation(true);
        java.util.Map<String, KeyCode[]> keys = new java.util.LinkedHashMap<>();
        keys.put("explain-tab", new KeyCode[] {KeyCode.SHORTCUT, KeyCode.E});
        keys.put("playback-tab", new KeyCode[] {KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.R});
        keys.put("compare-tab", new KeyCode[] {KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.C});
        keys.put("reconcile-tab", new KeyCode[] {KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.K});
        keys.put("probability-tab", new KeyCode[] {KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.B});
        keys.put("market-lab-tab", new KeyCode[] {KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.M});
        keys.put("charts-tab", new KeyCode[] {KeyCode.SHORTCUT, KeyCode.G});
        keys.forEach((id, k) -> {
            push(k);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(id, view.resultTabs().getSelectionModel().getSelectedItem().getId());
        });
        settle();
        List<String> hidden = tabsOutOfSight();
        assertTrue(hidden.isEmpty(), String.join("\n", hidden));
        assertEquals(keys.size(), view.resultTabs().getTabs().size(), "a key for every result tab");
    }
}
