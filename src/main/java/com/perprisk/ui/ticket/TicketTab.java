package com.perprisk.ui.ticket;

import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

/**
 * The ticket's place in the main window: a tab beside Positions, built when first shown. While it is selected it
 * takes the height it needs from the split below it; when what is left is less than the panels below need (their
 * minimum: never overlapping, never cut), those panels step aside until Positions is chosen again, which gives the
 * room back. The split keeps the shown tab's minimum height, so it never squeezes the positions table
 * below its three rows (at any presentation size, see {@link com.perprisk.ui.controls.SplitMinimums}).
 */
public final class TicketTab {
    private final WorkspaceViewModel workspace;
    private final TabPane pane = new TabPane();
    private final Tab positionsTab = new Tab("Positions");
    private final Tab ticketTab = new Tab("Order ticket");
    private TicketView view;
    private SplitPane split;
    private double savedDivider = -1;
    /** The panels below while they step aside for the ticket (hidden), or null. */
    private Region collapsed;
    private double collapsedMinHeight;
    /** The dividers of the splits inside the panels below, as they were before they stepped aside. */
    private final java.util.Map<SplitPane, double[]> nestedDividers = new java.util.LinkedHashMap<>();

    public TicketTab(WorkspaceViewModel workspace) {
        this.workspace = workspace;
    }

    /** The Positions view and the ticket as two tabs. */
    public TabPane besidePositions(Node positions) {
        positionsTab.setId("positions-tab");
        positionsTab.setClosable(false);
        positionsTab.setContent(positions);
        ticketTab.setId("ticket-tab");
        ticketTab.setClosable(false);
        ticketTab.selectedProperty().addListener((o, was, selected) -> {
            if (selected && ticketTab.getContent() == null) {
                ticketTab.setContent(view());
            }
            pane.requestLayout();
            giveRoom(selected);
        });
        pane.getTabs().addAll(positionsTab, ticketTab);
        pane.setId("positions-tabs");
        pane.setMinHeight(0); // the split keeps the shown tab's minimum (SplitMinimums): the ticket's is not the table's
        // Tab goes from the account bar straight into the positions table: the tabs are reached by Ctrl+1 and Ctrl+T
        pane.setFocusTraversable(false);
        return pane;
    }

    /** The split whose first divider makes room for the ticket. */
    public void roomIn(SplitPane split) {
        this.split = split;
        // the positions table keeps its three rows (and the panels below their minimum) at every size
        com.perprisk.ui.controls.SplitMinimums.keep(split, n -> n == pane ? shownMinHeight() : n.minHeight(-1));
        // presentation size saves and puts back the divider the positions have, not the ticket's room
        com.perprisk.ui.theme.PresentationSize.restIn(split, new com.perprisk.ui.theme.PresentationSize.Resting() {
            @Override
            public double[] positions() {
                return savedDivider >= 0 ? new double[] {savedDivider} : split.getDividerPositions();
            }

            @Override
            public void restore(double[] positions) {
                if (savedDivider < 0) {
                    split.setDividerPositions(positions);
                    return;
                }
                // the ticket is shown: the positions' place changes, and the ticket takes its room anew at this size
                giveRoom(false);
                split.setDividerPositions(positions);
                giveRoom(true);
            }
        });
    }

    /** Shows the ticket with the keyboard in its amount field (the shortcut's action). */
    public void open() {
        pane.getSelectionModel().select(ticketTab);
        Platform.runLater(view()::focusAmount);
    }

    /** Back to the positions table. */
    public void showPositions() {
        pane.getSelectionModel().select(positionsTab);
    }

    public boolean isShown() {
        return ticketTab.isSelected();
    }

    /** The ticket panel, created on first use. */
    public TicketView view() {
        if (view == null) {
            view = new TicketView(new TicketViewModel(workspace));
        }
        return view;
    }

    /** The tab headers and the shown tab's minimum: the positions table's three rows, or the ticket's. */
    private double shownMinHeight() {
        Tab shown = pane.getSelectionModel().getSelectedItem();
        Node content = shown == null ? null : shown.getContent();
        return headerHeight() + (content == null ? 0 : content.minHeight(-1));
    }

    private double headerHeight() {
        Node header = pane.lookup(".tab-header-area");
        return header == null ? 0 : header.prefHeight(-1) + pane.snappedTopInset() + pane.snappedBottomInset();
    }

    /**
     * With the ticket shown: the ticket gets the height it asks for and the panels below the rest, if that is at
     * least their minimum; else the panels below step aside (hidden) and the ticket has the whole split. Positions
     * gives it all back.
     */
    private void giveRoom(boolean ticket) {
        if (split == null || split.getDividers().isEmpty() || split.getItems().size() < 2) {
            return;
        }
        if (ticket && savedDivider < 0) {
            savedDivider = split.getDividerPositions()[0];
            double width = split.getWidth();
            double avail = split.getHeight() - split.snappedTopInset() - split.snappedBottomInset() - dividerWidth();
            if (avail <= 0) {
                return;
            }
            view().applyCss();
            double need = headerHeight() + view().prefHeight(width);
            Node below = split.getItems().get(1);
            if (avail - need >= below.minHeight(width)) {
                split.setDividerPositions(Math.max(savedDivider, need / avail));
            } else if (below instanceof Region r) {
                collapsed = r;
                collapsedMinHeight = r.getMinHeight();
                nestedDividers.clear();
                for (Node n : r.lookupAll(".split-pane")) {
                    if (n instanceof SplitPane s) {
                        nestedDividers.put(s, s.getDividerPositions());
                    }
                }
                r.setMinHeight(0);
                r.setVisible(false);
                com.perprisk.ui.theme.PresentationSize.steppedAside(r, true);
                split.setDividerPositions(1);
            }
        } else if (!ticket && savedDivider >= 0) {
            if (collapsed != null) {
                collapsed.setMinHeight(collapsedMinHeight);
                collapsed.setVisible(true);
                com.perprisk.ui.theme.PresentationSize.steppedAside(collapsed, false);
                collapsed = null;
            }
            split.setDividerPositions(savedDivider);
            savedDivider = -1;
            // squeezed to nothing while hidden, the splits inside lost their dividers: put them back
            nestedDividers.forEach(SplitPane::setDividerPositions);
            Platform.runLater(() -> nestedDividers.forEach(SplitPane::setDividerPositions));
        }
    }

    private double dividerWidth() {
        Node d = split.lookup(".split-pane-divider");
        return d == null ? 0 : d.prefHeight(-1);
    }

    /** Whether the panels below the ticket have stepped aside for it (for tests). */
    public boolean belowHidden() {
        return collapsed != null;
    }
}
