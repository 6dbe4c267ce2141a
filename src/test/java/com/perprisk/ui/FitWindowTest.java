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
        return tabsOutOfSight(view.resultTabs());
    }

    /** Tabs of a tab pane's own strip not wholly inside the strip (hidden behind its "▾" menu), or cut titles. */
    private List<String> tabsOutOfSight(TabPane tabs) {
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

    /**
     * The tier editor's title, buttons, column headers and cells whole: the title in sight inside the editor and
     * over none of its buttons.
     */
    private List<String> tierEditorCut() {
        List<String> out = new ArrayList<>(truncated(view.tierEditor()));
        if (sidewaysScroll(view.tierEditor().table())) {
            out.add("the tier table scrolls sideways");
        }
        Node header = view.tierEditor().lookup(".section-header");
        javafx.scene.control.Label title = (javafx.scene.control.Label) header.lookup(".section-title");
        Bounds tb = title.localToScene(title.getLayoutBounds());
        Bounds editor = view.tierEditor().localToScene(view.tierEditor().getLayoutBounds());
        if (tb.getMinY() < editor.getMinY() - 0.5 || tb.getMaxY() > editor.getMaxY() + 0.5
                || tb.getMaxX() > editor.getMaxX() + 0.5) {
            out.add("the tier title " + tb + " lies outside its editor " + editor);
        }
        List<Node> buttons = new ArrayList<>(header.lookupAll(".button"));
        buttons.addAll(header.lookupAll(".menu-button"));
        for (Node n : buttons) {
            if (n instanceof javafx.scene.control.ButtonBase b && showing(b)) {
                Bounds bb = b.localToScene(b.getLayoutBounds());
                if (bb.intersects(tb.getMinX() + 0.5, tb.getMinY() + 0.5, tb.getWidth() - 1, tb.getHeight() - 1)) {
                    out.add("the tier title \"" + title.getText() + "\" lies under \"" + b.getText() + "\"");
                }
            }
        }
        return out;
    }

    private List<String> checkAll(String size) {
        List<String> wrong = new ArrayList<>(cutTiles());
        if (sidewaysScroll(view.marketsView().table())) {
            wrong.add("the markets table scrolls sideways");
        }
        wrong.addAll(tabsOutOfSight());
        wrong.addAll(tabsOutOfSight(view.chartsPanel()));
        wrong.addAll(truncated(view.marketsView().table()));
        wrong.addAll(tierEditorCut());
        wrong.addAll(truncated(view.accountBar()));
        double window = view.getScene().getWidth();
        for (javafx.scene.layout.Region r : List.of(view.accountBar(), positionsTable(), (javafx.scene.layout.Region)
                view.tilesPanel())) {
            Bounds b = r.localToScene(r.getLayoutBounds());
            if (b.getMaxX() > window + 0.5) {
                wrong.add(r.getClass().getSimpleName() + " reaches past the window: " + b.getMaxX() + " > " + window);
            }
        }
        return wrong.stream().map(w -> size + ": " + w).toList();
    }

    @Test
    void tilesMarketsAndTabsFitInBothSizes() {
        settle();
        List<String> wrong = new ArrayList<>(checkAll("normal size"));
        presentation(true);
        wrong.addAll(checkAll("presentation size"));
        presentation(false);
        wrong.addAll(checkAll("normal size again"));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /**
     * In the room a window manager leaves a window on a screen of this size (Openbox: 2 px narrower, 45 px shorter)
     * the chart is small at presentation size, and still cuts no label (its y axis's "USDT" was "US…").
     */
    @Test
    void inAWindowManagersWindowNothingIsCut() {
        fx(() -> {
            stage.setWidth(width() - 2);
            stage.setHeight(height() - 45);
        });
        settle();
        presentation(true);
        List<String> wrong = new ArrayList<>(truncated(view.chartsPanel()));
        wrong.addAll(tabsOutOfSight());
        wrong.addAll(truncated(view.accountBar()));
        wrong.addAll(tierEditorCut());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void presentationSizeGivesTheChartRoom() {
        settle();
        double normal = plotHeight();
        assertTrue(normal > 90, "the chart is drawn: " + normal);
        presentation(true);
        double big = plotHeight();
        System.out.println("plot height " + getClass().getSimpleName() + ": normal " + normal + " px, presentation "
                + big + " px");
        assertTrue(big >= presentationPlot(), "plot " + big + " px at presentation size");
        presentation(false);
        assertEquals(normal, plotHeight(), returnTolerance(), "the chart returns to its normal height");
    }

    /** The least height of the equity chart's plot at presentation size when the results fill the window. */
    protected abstract double filledPlot();

    @Test
    void ctrlShiftFLetsTheResultsFillTheWindowAndPutsThemBack() {
        settle();
        presentation(true);
        double inPlace = plotHeight();
        double[] dividers = ((javafx.scene.control.SplitPane) view.lookup("#bottom-split")).getDividerPositions();
        Node keyboard = focusOwner();
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.F);
        settle();
        assertTrue(view.isResultsFill());
        assertTrue(((javafx.scene.control.CheckMenuItem) menuItem("menu-results-fill")).isSelected(),
                "the menu item is ticked");
        assertEquals("Ctrl+Shift+F", MainAction.RESULTS_FILL.keyText());
        assertTrue(MainAction.shortcutsHelp().contains("Ctrl+Shift+F  results fill the window"));
        double filled = plotHeight();
        System.out.println("plot height " + getClass().getSimpleName() + ": presentation " + inPlace
                + " px in place, " + filled + " px with the results filling the window");
        assertTrue(filled >= filledPlot(), "plot " + filled + " px with the results filling the window (" + inPlace
                + " px in place)");
        assertTrue(!showing(positionsTable()) && !showing(view.marketsView().table()), "the tables step aside");
        List<String> footer = ((com.perprisk.ui.charts.ChartView) view.chartsPanel().visibleChart()).footerTexts();
        assertTrue(footer.size() == 3 && footer.get(0).startsWith("Mark price of") && footer.get(1)
                .equals("Margin balance"), "the axis label and the legend below the chart: " + footer);
        assertTrue(showing(view.accountBar()) && showing(view.scenarioPanel()), "account and scenario bars stay");
        assertTrue(inside(focusOwner(), view.resultTabs()) || inside(focusOwner(), view.tilesPanel().getParent()),
                "the keyboard is in the results: " + focusOwner());
        List<String> wrong = new ArrayList<>(cutTiles());
        wrong.addAll(tabsOutOfSight());
        wrong.addAll(tabsOutOfSight(view.chartsPanel()));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.F);
        settle();
        assertTrue(!view.isResultsFill() && showing(positionsTable()), "back in place");
        assertEquals(keyboard, focusOwner(), "the keyboard back where it was");
        assertEquals(dividers[0], ((javafx.scene.control.SplitPane) view.lookup("#bottom-split"))
                .getDividerPositions()[0], 1e-9);
        assertEquals(inPlace, plotHeight(), 1.5, "the chart back at its height");
        // a command that goes to a table puts the layout back first
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.F);
        settle();
        push(KeyCode.SHORTCUT, KeyCode.DIGIT2);
        settle();
        assertTrue(!view.isResultsFill() && focusOwner() == view.marketsView().table(), "Ctrl+2 goes to the markets");
    }

    private javafx.scene.control.MenuItem menuItem(String id) {
        for (javafx.scene.control.Menu m : ((javafx.scene.control.MenuBar) view.lookup("#menu-bar")).getMenus()) {
            for (javafx.scene.control.MenuItem i : m.getItems()) {
                if (id.equals(i.getId())) {
                    return i;
                }
            }
        }
        throw new AssertionError("no menu item " + id);
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
