package com.perprisk.ui.tiles;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * The tiles over the result tabs are exactly as tall as their lines need, and the tabs below (the charts) get the
 * rest: a fraction of the column would give the tiles too little room at presentation size (their details cut to
 * "B…") and too much at the normal size (the chart a strip). After every layout of the split the divider moves to
 * the tiles' need at their widths, at most {@link #MOST} of the column (beyond that the tiles scroll). A divider set
 * to an end (the market lab taking the window, the panels stepping aside for the ticket) is left there.
 */
public final class TilesRoom {
    /** The largest share of the column the tiles take, whatever they say (a long problem message). */
    static final double MOST = 0.6;

    private final SplitPane split;
    private final TilesPane tiles;
    private final com.perprisk.ui.controls.AfterLayout fit = com.perprisk.ui.controls.AfterLayout.of(this::apply);

    private TilesRoom(SplitPane split, TilesPane tiles) {
        this.split = split;
        this.tiles = tiles;
    }

    /** Keeps the first item of {@code split}, which shows {@code tiles}, at the tiles' height need. */
    public static void keep(SplitPane split, TilesPane tiles) {
        TilesRoom r = new TilesRoom(split, tiles);
        r.fit.watching(split, split.heightProperty());
        tiles.onLayout(r.fit::later);
    }

    void apply() {
        if (split.getItems().size() != 2 || split.getDividers().isEmpty() || !split.isVisible()) {
            return;
        }
        Node divider = split.lookup(".split-pane-divider");
        double avail = split.getHeight() - split.snappedTopInset() - split.snappedBottomInset()
                - (divider == null ? 0 : divider.prefHeight(-1));
        double position = split.getDividerPositions()[0];
        if (avail <= 0 || position <= 0.02 || position >= 0.98) {
            return;
        }
        double need = Math.min(tiles.heightNeed(), avail * MOST);
        if (Math.abs(position * avail - need) > 0.5) {
            split.setDividerPositions(need / avail);
        }
    }
}
