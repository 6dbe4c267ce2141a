package com.perprisk.ui.ticket;

import com.perprisk.ui.support.MainWindowHarness;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, layout defects seen by hand at 1280×800: with the ticket open the live strip's buttons lay over the
 * markets table's first row and the tier table's header was cut; in presentation size, after the ticket and Ctrl+1,
 * the positions table showed two rows and the equity chart was squeezed: the centre split did not give the height
 * back. Geometry is asserted on the real window: nothing shown overlaps, every panel shown is whole.
 */
@Tag("ui")
class TicketLayoutWindowTest extends MainWindowHarness {
    private void settle() {
        for (int i = 0; i < 4; i++) {
            WaitForAsyncUtils.sleep(80, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static Bounds scene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    /** Shown on screen: visible up the tree and at least a pixel high. */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getLayoutBounds().getHeight() > 1;
    }

    /** The part of the scene a node can be seen in: its bounds cut by every clip above it (split items, scrolls). */
    private static Bounds visibleArea(Node n) {
        Bounds b = scene(n);
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getClip() != null) {
                Bounds c = p.localToScene(p.getClip().getBoundsInParent());
                double minX = Math.max(b.getMinX(), c.getMinX());
                double minY = Math.max(b.getMinY(), c.getMinY());
                double maxX = Math.min(b.getMaxX(), c.getMaxX());
                double maxY = Math.min(b.getMaxY(), c.getMaxY());
                b = new javafx.geometry.BoundingBox(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
            }
        }
        return b;
    }

    /** Whole: seen at its full height (not cut by the split or scroll pane it sits in). */
    private static boolean whole(Node n) {
        return visibleArea(n).getHeight() >= scene(n).getHeight() - 0.5;
    }

    private static int wholeRows(TableView<?> table) {
        Node clip = table.lookup(".clipped-container");
        Bounds visible = visibleArea(clip);
        int whole = 0;
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && !r.isEmpty() && r.isVisible()) {
                Bounds b = scene(r);
                if (b.getMinY() >= visible.getMinY() - 0.5 && b.getMaxY() <= visible.getMaxY() + 0.5) {
                    whole++;
                }
            }
        }
        return whole;
    }

    /** The markets, the live strip, the tier editor and the charts: whole where shown, never over each other. */
    private void assertBelowPanelsWholeOrAside(String when) {
        TableView<?> markets = view.lookup("#markets-table") instanceof TableView<?> t ? t : null;
        Node strip = view.lookup("#live-refresh").getParent();
        Node tierHeader = view.tierEditor().lookup(".section-header");
        Node tierTable = view.tierEditor().table();
        if (!shown(markets)) {
            assertFalse(shown(strip), when + ": the strip goes with the markets");
            return;
        }
        Bounds m = visibleArea(markets);
        Bounds s = visibleArea(strip);
        assertTrue(m.getMaxY() <= s.getMinY() + 0.5, when + ": the live strip " + s + " lies over the markets table "
                + m);
        assertTrue(whole(strip), when + ": the live strip is whole");
        assertTrue(wholeRows(markets) >= 1, when + ": the markets table shows a market");
        if (shown(tierHeader) && visibleArea(tierHeader).getHeight() > 0) {
            assertTrue(whole(tierHeader), when + ": the tier table's header is cut " + visibleArea(tierHeader)
                    + " of " + scene(tierHeader));
            Node columns = tierTable.lookup(".column-header-background");
            assertTrue(columns == null || visibleArea(columns).getHeight() == 0 || whole(columns),
                    when + ": the tier table's column headers are cut");
        }
    }

    /** The shown chart's plot area, as high as it is seen. */
    private double chartPlotHeight() {
        double h = 0;
        for (Node plot : view.lookupAll(".chart-view .chart-plot-background")) {
            if (shown(plot)) {
                h = Math.max(h, visibleArea(plot).getHeight());
            }
        }
        return h;
    }

    @Test
    void theTicketNeverLaysThePanelsBelowOverEachOther() {
        settle();
        assertBelowPanelsWholeOrAside("before the ticket");
        assertTrue(wholeRows(positionsTable()) >= 3, "three positions");
        push(KeyCode.SHORTCUT, KeyCode.T);
        settle();
        assertTrue(view.ticket().isShown());
        Node ticket = view.ticket().view();
        assertTrue(whole(ticket.lookup("#ticket-working")), "the ticket's working is whole");
        assertTrue(whole(ticket.lookup("#ticket-positions")), "the ticket's position table is whole");
        assertBelowPanelsWholeOrAside("with the ticket");
        push(KeyCode.SHORTCUT, KeyCode.DIGIT1);
        settle();
        assertBelowPanelsWholeOrAside("after the ticket");
        assertTrue(wholeRows(positionsTable()) >= 3, "three positions after the ticket");
    }

    private java.util.List<String> visibleColumns() {
        return positionsTable().getVisibleLeafColumns().stream().map(c -> c.getId()).toList();
    }

    private boolean scrollsSideways() {
        for (Node n : positionsTable().lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar b
                    && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible()) {
                return true;
            }
        }
        return false;
    }

    private double tileTitleSize() {
        return ((javafx.scene.control.Label) view.lookup(".tiles-pane .tile-title")).getFont().getSize();
    }

    @Test
    void presentationSizeGetsTheHeightBackAfterTheTicket() {
        settle();
        java.util.List<String> columns = visibleColumns();
        double title = tileTitleSize();
        assertFalse(scrollsSideways(), "the positions table fits 1280 px");
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        settle();
        assertFalse(scrollsSideways(), "in presentation size the least important columns step aside");
        assertTrue(visibleColumns().containsAll(java.util.List.of("col-symbol", "col-side", "col-size",
                "col-entryPrice", "col-leverage", "col-liquidationPrice", "col-distanceToLiquidation",
                "col-unrealizedPnl", "col-roe", "col-adl")), visibleColumns().toString());
        assertTrue(tileTitleSize() > title * 1.05, "the tiles' titles grow: " + title + " → " + tileTitleSize());
        assertTrue(truncated(view.lookup(".tiles-pane").getParent()).stream().noneMatch(t -> t.contains("tile-title")
                || t.contains("To liquidation") || t.contains("Funding\"")), "titles whole");
        SplitPane center = (SplitPane) view.lookup("#center-split");
        double[] before = center.getDividerPositions();
        int rows = wholeRows(positionsTable());
        double plot = chartPlotHeight();
        assertTrue(rows >= 3, "three positions in presentation size: " + rows);
        assertTrue(plot >= 60, "the equity chart has room: " + plot);
        assertBelowPanelsWholeOrAside("presentation");

        push(KeyCode.SHORTCUT, KeyCode.T);
        settle();
        assertBelowPanelsWholeOrAside("presentation with the ticket");
        push(KeyCode.SHORTCUT, KeyCode.DIGIT1);
        settle();
        settle(); // the charts draw again once shown
        assertArrayEquals(before, center.getDividerPositions(), 1e-9, "the centre split is back where it was");
        assertTrue(wholeRows(positionsTable()) >= 3, "three positions after the ticket");
        assertTrue(chartPlotHeight() >= plot - 0.5, "the chart gets its height back: " + chartPlotHeight());
        assertBelowPanelsWholeOrAside("presentation after the ticket");
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        settle();
        org.junit.jupiter.api.Assertions.assertEquals(columns, visibleColumns(), "the columns come back on exit");
        org.junit.jupiter.api.Assertions.assertEquals(title, tileTitleSize(), 1e-9);
    }

    /**
     * Found by hand at 1280×800 (round 8): presentation size turned on with the ticket shown and off after Ctrl+1
     * put the centre split back where the ticket had it, so the positions took most of the window and the tier
     * table was gone. The split's resting place is where the divider was before the ticket took its room.
     */
    @Test
    void presentationSizeTurnedOnBesideTheTicketAndOffBesideThePositionsPutsTheSplitBack() {
        settle();
        SplitPane center = (SplitPane) view.lookup("#center-split");
        double[] start = center.getDividerPositions();
        push(KeyCode.SHORTCUT, KeyCode.T);
        settle();
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        settle();
        push(KeyCode.SHORTCUT, KeyCode.DIGIT1);
        settle();
        settle();
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        settle();
        assertArrayEquals(start, center.getDividerPositions(), 1e-9, "the centre split is back where it was");
        assertBelowPanelsWholeOrAside("after presentation size beside the ticket");

        // off with the ticket shown and Ctrl+1 at once (before the layout at the normal size): the same
        push(KeyCode.SHORTCUT, KeyCode.T);
        settle();
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        settle();
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        push(KeyCode.SHORTCUT, KeyCode.DIGIT1);
        settle();
        assertArrayEquals(start, center.getDividerPositions(), 1e-9, "back where it was after Ctrl+1 at once");
        assertBelowPanelsWholeOrAside("after Ctrl+1 at once");
    }

    /** Presentation size on and off while the ticket is shown: the ticket keeps its room at the normal size. */
    @Test
    void presentationSizeOnAndOffWithTheTicketShownGivesTheTicketItsNormalRoom() {
        settle();
        SplitPane center = (SplitPane) view.lookup("#center-split");
        double[] start = center.getDividerPositions();
        push(KeyCode.SHORTCUT, KeyCode.T);
        settle();
        double[] ticketRoom = center.getDividerPositions();
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        settle();
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        settle();
        assertArrayEquals(ticketRoom, center.getDividerPositions(), 1e-6, "the ticket's room at the normal size");
        assertBelowPanelsWholeOrAside("the ticket after presentation size");
        push(KeyCode.SHORTCUT, KeyCode.DIGIT1);
        settle();
        assertArrayEquals(start, center.getDividerPositions(), 1e-9, "the positions get their height back");
    }
}
