package com.perprisk.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;

/**
 * View › Results fill the window (Ctrl+Shift+F), for a projector: the results column (the tiles over the charts and
 * the other result tabs) takes the whole centre of the window, so that a chart is read from the back of a room;
 * the account bar and the scenario bar stay, so the mark can still be moved. The same key puts everything back
 * where it was, the split's divider included. Commands that go to a table put the layout back first.
 */
final class ResultsFill {
    private final StackPane centre;
    private final Node layout;
    private final SplitPane split;
    private final Node results;
    private final Node keyboardHome;
    private boolean on;
    private int index;
    private double[] dividers;
    private Node focusBefore;

    /**
     * @param centre       the window's centre, holding the usual layout (hidden while the results fill the window)
     * @param split        the split in that layout whose last item is the results column
     * @param keyboardHome where the keyboard goes when the layout hides the node that had it
     */
    ResultsFill(StackPane centre, SplitPane split, Node keyboardHome) {
        this.centre = centre;
        this.layout = centre.getChildren().get(0);
        this.split = split;
        this.results = split.getItems().get(split.getItems().size() - 1);
        this.keyboardHome = keyboardHome;
    }

    boolean isOn() {
        return on;
    }

    void toggle() {
        set(!on);
    }

    void set(boolean fill) {
        if (fill == on) {
            return;
        }
        on = fill;
        Scene scene = centre.getScene();
        if (fill) {
            focusBefore = scene == null ? null : scene.getFocusOwner();
            index = split.getItems().indexOf(results);
            dividers = split.getDividerPositions();
            split.getItems().remove(results);
            layout.setVisible(false);
            centre.getChildren().add(results);
            if (focusBefore == null || !inside(focusBefore, results)) {
                keyboardHome.requestFocus();
            }
        } else {
            centre.getChildren().remove(results);
            split.getItems().add(index, results);
            split.setDividerPositions(dividers);
            layout.setVisible(true);
            if (focusBefore != null && focusBefore.getScene() != null) {
                focusBefore.requestFocus(); // back where the keyboard was before
            }
            focusBefore = null;
        }
    }

    private static boolean inside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
