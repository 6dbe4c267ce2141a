package com.perprisk.ui.controls;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;

import java.util.function.ToDoubleFunction;

/**
 * Keeps the two items of a vertical split pane at least as tall as they need, the first one first: JavaFX's split
 * pane honours its items' minimum heights only while the divider is dragged, not when the window, the type size
 * (presentation size) or the content changes, so a divider set as a fraction could leave the positions table two rows
 * or the chart a strip. After every layout of the split the divider moves just far enough; a divider that leaves
 * both their room is never moved, so it returns exactly to a position set before, and a divider set to an end (an
 * item stepping aside on purpose) is left there.
 */
public final class SplitMinimums {
    private final SplitPane split;
    private final ToDoubleFunction<Node> least;
    private final AfterLayout fit = AfterLayout.of(this::apply);

    private SplitMinimums(SplitPane split, ToDoubleFunction<Node> least) {
        this.split = split;
        this.least = least;
    }

    /** Keeps each item at least its minimum height. */
    public static void keep(SplitPane split) {
        keep(split, n -> n.minHeight(-1));
    }

    /** Keeps each item at least {@code least} of it (the first item's need wins when both do not fit). */
    public static void keep(SplitPane split, ToDoubleFunction<Node> least) {
        SplitMinimums k = new SplitMinimums(split, least);
        k.fit.watching(split, split.heightProperty());
    }

    /** Moves the divider when an item is below what it needs and the other can give it room. */
    void apply() {
        if (split.getItems().size() != 2 || split.getDividers().isEmpty()) {
            return;
        }
        Node top = split.getItems().get(0);
        Node bottom = split.getItems().get(1);
        if (!top.isVisible() || !bottom.isVisible()) {
            return;
        }
        Node divider = split.lookup(".split-pane-divider");
        double avail = split.getHeight() - split.snappedTopInset() - split.snappedBottomInset()
                - (divider == null ? 0 : divider.prefHeight(-1));
        if (avail <= 0) {
            return;
        }
        double position = split.getDividerPositions()[0];
        if (position <= 0.02 || position >= 0.98) {
            return; // an item stepped aside on purpose (the market lab takes the window, the ticket its split)
        }
        double now = position * avail;
        double topNeed = Math.min(avail, least.applyAsDouble(top));
        double bottomNeed = least.applyAsDouble(bottom);
        double want = now;
        if (now < topNeed - 0.5) {
            want = topNeed;
        } else if (avail - now < bottomNeed - 0.5) {
            want = Math.max(topNeed, avail - bottomNeed);
        }
        if (Math.abs(want - now) > 0.5) {
            split.setDividerPositions(want / avail);
        }
    }
}
