package com.perprisk.ui;

import com.perprisk.ui.support.MainWindowHarness;
import com.perprisk.ui.theme.PresentationSize;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 §2 defect 7: presentation size scales everything together (titles, headers, cells, tile values, chart
 * axes), cuts nothing, shows tier rows at 1024×768, and returns exactly on exit.
 */
class PresentationWindowTest extends MainWindowHarness {
    @Override
    protected double width() {
        return 1024;
    }

    @Override
    protected double height() {
        return 768;
    }

    private double fontOf(String selector) {
        WaitForAsyncUtils.waitForFxEvents();
        Node n = view.lookup(selector);
        return ((Labeled) n).getFont().getSize();
    }

    private Map<String, Double> widths() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Node n : view.lookupAll(".table-view")) {
            TableView<?> t = (TableView<?>) n;
            for (TableColumn<?, ?> c : t.getVisibleLeafColumns()) {
                out.put(t.getId() + "/" + (c.getId() == null ? c.getText() : c.getId()), c.getPrefWidth());
            }
        }
        return out;
    }

    private int wholeRows(TableView<?> table) {
        Node clip = table.lookup(".clipped-container");
        Bounds visible = clip.localToScene(clip.getLayoutBounds());
        int whole = 0;
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && !r.isEmpty() && r.isVisible()) {
                Bounds b = r.localToScene(r.getLayoutBounds());
                if (b.getMinY() >= visible.getMinY() - 0.5 && b.getMaxY() <= visible.getMaxY() + 0.5) {
                    whole++;
                }
            }
        }
        return whole;
    }

    private List<String> detailLines() {
        List<String> out = new ArrayList<>();
        for (Node n : view.lookupAll(".tile-detail")) {
            Labeled l = (Labeled) n;
            Node text = l.lookup(".text");
            if (text instanceof javafx.scene.text.Text t) {
                out.add("Label \"" + l.getText() + "\" shown as \"" + t.getText() + "\"");
            }
        }
        return out;
    }

    @Test
    void everythingGrowsTogetherAndComesBackExactly() {
        for (int i = 0; i < 5; i++) { // columns widened to fit a value settle over a few pulses
            WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        Map<String, Double> before = widths();
        List<String> selectors = List.of(".section-title", ".table-view.dense .column-header .label",
                ".tiles-pane .tile-value", ".chart-view .axis-label", ".positions-table .number-cell",
                ".status-bar .label");
        List<Double> sizes = new ArrayList<>();
        selectors.forEach(s -> sizes.add(fontOf(s)));

        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(PresentationSize.isOn(view));
        for (int i = 0; i < selectors.size(); i++) {
            double grown = fontOf(selectors.get(i)) / sizes.get(i);
            assertEquals(PresentationSize.SCALE, grown, 0.03, selectors.get(i) + " " + sizes.get(i));
        }
        assertEquals(before.get("positions-table/col-leverage") * PresentationSize.SCALE,
                positionsTable().getVisibleLeafColumns().stream().filter(c -> "col-leverage".equals(c.getId()))
                        .findFirst().orElseThrow().getPrefWidth(), 1e-9, "columns grow with the type");
        TableView<?> tiers = view.tierEditor().table();
        assertTrue(wholeRows(tiers) >= 1, "the tier table shows rows at 1024×768");
        assertTrue(wholeRows(positionsTable()) >= 3, "and the positions table three");
        // titles, headers, buttons, cells and tile values whole (the tiles' wrapped detail lines are cut at this
        // small size; at 1280×800 they are whole, see ScreenshotsWindowTest)
        List<String> cut = truncated(view).stream().filter(t -> !detailLines().contains(t)).toList();
        assertTrue(cut.isEmpty(), String.join("\n", cut));

        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        for (int i = 0; i < selectors.size(); i++) {
            assertEquals(sizes.get(i), fontOf(selectors.get(i)), 1e-9, selectors.get(i));
        }
        // back at the widths before, or at the width a value needs at the normal size (a column widened to fit
        // one), and the same after every round trip: nothing drifts
        Map<String, Double> after = widths();
        before.forEach((k, w) -> assertTrue(after.get(k) >= w && after.get(k) < w * PresentationSize.SCALE, k
                + " " + w + " → " + after.get(k)));
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(after, widths(), "every column back at exactly its width");
    }
}
