package com.perprisk.ui.theme;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;

/**
 * View › Presentation size, for a projector: every text grows by the same factor (the style class
 * {@value #STYLE_CLASS} on the window's content, whose sizes are in perprisk.css), and so does every table column, so a
 * cell never cuts "BTCUS…". Turning it off puts each column back at exactly the width it had before, and each
 * split's divider where it was.
 */
public final class PresentationSize {
    public static final String STYLE_CLASS = "presentation";
    /** The factor between the presentation and the normal type size (16 px over 13 px). */
    public static final double SCALE = 16.0 / 13.0;
    private static final String BEFORE = "perprisk.widthBeforePresentation";

    private PresentationSize() {
    }

    public static boolean isOn(Parent root) {
        return root.getStyleClass().contains(STYLE_CLASS);
    }

    /**
     * Turns presentation size on or off for the window content {@code root} and the tables in it.
     *
     * @param tables tables to scale besides those a lookup finds (a split pane's items are only found once shown)
     */
    public static void set(Parent root, boolean on, TableView<?>... tables) {
        if (on == isOn(root)) {
            return;
        }
        if (on) {
            root.getStyleClass().add(STYLE_CLASS);
        } else {
            root.getStyleClass().remove(STYLE_CLASS);
        }
        dividers(root, on);
        java.util.Set<TableView<?>> all = new java.util.LinkedHashSet<>(List.of(tables));
        for (Node n : root.lookupAll(".table-view")) {
            if (n instanceof TableView<?> t) {
                all.add(t);
            }
        }
        for (TableView<?> t : all) {
            scale(t.getColumns(), on);
        }
    }

    /**
     * The splits' dividers as they were before: at presentation size the splits make room for the larger type
     * (the positions' rows, the tiles), and on exit every divider goes back to where it was.
     */
    private static void dividers(Parent root, boolean on) {
        if (on) {
            java.util.Map<SplitPane, double[]> saved = new java.util.LinkedHashMap<>();
            for (Node n : root.lookupAll(".split-pane")) {
                // a split in a part that stepped aside (squeezed to nothing) has its dividers where the squeeze left
                // them, not where they rest: the part's owner puts them back when it returns
                if (n instanceof SplitPane sp && !steppedAside(sp)) {
                    saved.put(sp, resting(sp).positions());
                }
            }
            root.getProperties().put(DIVIDERS, saved);
        } else if (root.getProperties().remove(DIVIDERS) instanceof java.util.Map<?, ?> saved) {
            Runnable restore = () -> saved.forEach((sp, d) -> resting((SplitPane) sp).restore((double[]) d));
            restore.run();
            javafx.application.Platform.runLater(restore); // after the layout at the normal type size
        }
    }

    /**
     * Marks {@code part} as stepped aside (hidden and squeezed to nothing on purpose, as the panels below the ticket
     * are) or back; presentation size leaves the dividers of the splits in it to the part's owner.
     */
    public static void steppedAside(Node part, boolean aside) {
        if (aside) {
            part.getProperties().put(STEPPED_ASIDE, Boolean.TRUE);
        } else {
            part.getProperties().remove(STEPPED_ASIDE);
        }
    }

    private static boolean steppedAside(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getProperties().containsKey(STEPPED_ASIDE)) {
                return true;
            }
        }
        return false;
    }

    private static final String STEPPED_ASIDE = "perprisk.steppedAside";

    private static final String DIVIDERS = "perprisk.dividersBeforePresentation";
    private static final String RESTING = "perprisk.restingDividers";

    /**
     * Where a split's dividers rest, for a split whose dividers something moves for a while on purpose (the
     * ticket's room in the centre split): presentation size saves and puts back these, not the passing ones.
     */
    public interface Resting {
        /** The dividers' resting positions. */
        double[] positions();

        /** Puts the dividers' resting positions back (and what moves them for a while takes its room again). */
        void restore(double[] positions);
    }

    /** Gives {@code split} its own resting place for presentation size (see {@link Resting}). */
    public static void restIn(SplitPane split, Resting resting) {
        split.getProperties().put(RESTING, resting);
    }

    private static Resting resting(SplitPane split) {
        if (split.getProperties().get(RESTING) instanceof Resting r) {
            return r;
        }
        return new Resting() {
            @Override
            public double[] positions() {
                return split.getDividerPositions();
            }

            @Override
            public void restore(double[] positions) {
                split.setDividerPositions(positions);
            }
        };
    }

    private static void scale(List<? extends TableColumn<?, ?>> columns, boolean on) {
        for (TableColumn<?, ?> c : columns) {
            if (!c.getColumns().isEmpty()) {
                scale(c.getColumns(), on);
                continue;
            }
            if (on) {
                c.getProperties().put(BEFORE, new double[] {c.getPrefWidth(), c.getMinWidth(), c.getMaxWidth()});
                c.setMaxWidth(c.getMaxWidth() * SCALE);
                c.setMinWidth(c.getMinWidth() * SCALE);
                c.setPrefWidth(c.getPrefWidth() * SCALE);
            } else if (c.getProperties().remove(BEFORE) instanceof double[] w) {
                // widened to fit a value while presenting: that belongs to the presentation size too
                c.getProperties().remove("perprisk.designedWidth");
                c.setMinWidth(w[1]);
                c.setPrefWidth(w[0]);
                c.setMaxWidth(w[2]);
            }
        }
    }
}
