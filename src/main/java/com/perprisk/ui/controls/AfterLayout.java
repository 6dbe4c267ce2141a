package com.perprisk.ui.controls;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.scene.layout.Region;

/**
 * Runs a step that fits a region's content to its size (shorter words, a compact row, a divider) after the layout
 * pass in which the region's size or content changed, once however many changes the pass brought. Run inside the
 * pass, such a step would move only what is laid out after it.
 */
public final class AfterLayout {
    private final Runnable step;
    private boolean queued;

    private AfterLayout(Runnable step) {
        this.step = step;
    }

    /** A step to run after the layout pass in progress, at most once per pass (see {@link #later}). */
    public static AfterLayout of(Runnable step) {
        return new AfterLayout(step);
    }

    /** Runs {@code fit} after each layout pass that changed {@code region}'s width or its children's layout. */
    public static void whenResized(Region region, Runnable fit) {
        of(fit).watching(region, region.widthProperty());
    }

    /** Also runs the step after each layout pass of {@code region}, and whenever {@code size} changes. */
    public AfterLayout watching(Region region, Observable size) {
        size.addListener(o -> later());
        region.needsLayoutProperty().addListener((o, was, needs) -> {
            if (!needs) {
                later();
            }
        });
        return this;
    }

    /** Runs the step once the layout pass in progress is over (once, however often this is called before). */
    public void later() {
        if (!queued) {
            queued = true;
            Platform.runLater(() -> {
                queued = false;
                step.run();
            });
        }
    }
}
