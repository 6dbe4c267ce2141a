package com.perprisk.ui.ticket;

import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The ticket's place in the main window: a tab beside Positions, built when first shown. While it is selected it
 * takes most of the window's height (the split below gives it room) and returns the room when Positions is chosen.
 */
public final class TicketTab {
    /** Share of the window's height the ticket takes while shown. */
    private static final double ROOM = 0.8;

    private final WorkspaceViewModel workspace;
    private final TabPane pane = new TabPane();
    private final Tab positionsTab = new Tab("Positions");
    private final Tab ticketTab = new Tab("Order ticket");
    private TicketView view;
    private SplitPane split;
    private double savedDivider = -1;

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
            giveRoom(selected);
        });
        pane.getTabs().addAll(positionsTab, ticketTab);
        pane.setId("positions-tabs");
        pane.setMinHeight(0);
        // Tab goes from the account bar straight into the positions table: the tabs are reached by Ctrl+1 and Ctrl+T
        pane.setFocusTraversable(false);
        return pane;
    }

    /** The split whose first divider makes room for the ticket. */
    public void roomIn(SplitPane split) {
        this.split = split;
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

    private void giveRoom(boolean ticket) {
        if (split == null || split.getDividers().isEmpty()) {
            return;
        }
        if (ticket && savedDivider < 0) {
            savedDivider = split.getDividerPositions()[0];
            split.setDividerPositions(Math.max(savedDivider, ROOM));
        } else if (!ticket && savedDivider >= 0) {
            split.setDividerPositions(savedDivider);
            savedDivider = -1;
        }
    }
}
