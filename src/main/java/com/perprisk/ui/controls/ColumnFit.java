package com.perprisk.ui.controls;

import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Widens a table column when a cell's text would not fit, so that a large number is never cut to "3,500,…". Columns
 * only grow; {@link #reset} puts back the designed widths (e.g. when another workspace is opened). A cell is checked
 * whenever its text or its font changes ({@link #watch}), measured in its own font, never because it was laid out:
 * with a fixed row height a table lays out only the cells in view, and the font of a cell first laid out may still
 * be the default one.
 */
public final class ColumnFit {
    private static final String DESIGNED = "perprisk.designedWidth";
    private static final String PENDING = "perprisk.pendingWidth";
    private static final String CELLS = "perprisk.fitCells";
    private static final String TO_CONTENT = "perprisk.sizeToContent";

    /**
     * The width of a column {@link #sizedToContent} before its content is measured: JavaFX itself auto-sizes a column
     * left at exactly its default 80 px by building a row of every cell and styling it for each of the first 30 rows
     * (5.8 % of the first frame); 1/1024 px more is drawn the same and keeps it from doing so.
     */
    public static final double CONTENT_WIDTH = 80 + 1.0 / 1024;

    private static final Text MEASURE = new Text();

    private ColumnFit() {
    }

    /**
     * Checks the cell's column whenever the cell's text or font changes or it enters a scene (call once, from the
     * cell's constructor).
     */
    public static void watch(TableCell<?, ?> cell) {
        InvalidationListener check = o -> fit(cell);
        cell.textProperty().addListener(check);
        cell.fontProperty().addListener(check);
        cell.tableColumnProperty().addListener(check);
        // a column out of view has its cells taken out of the row (fixed row height): measured when shown
        cell.sceneProperty().addListener(check);
    }

    /**
     * Sizes the column to its title and the values shown, as JavaFX does with a column left at its default width
     * (the widest value or title + 10 px), from the values' texts in their own fonts: once there are values, again
     * after each {@link #reset}, unless its width was changed before (presentation size scales it). Values wider
     * than that later widen it as any column.
     */
    public static <S, T> TableColumn<S, T> sizedToContent(TableColumn<S, T> col) {
        col.setPrefWidth(CONTENT_WIDTH);
        col.getProperties().put(TO_CONTENT, Boolean.TRUE);
        return col;
    }

    /** Queues the cell's column for a check after this pulse (its text or font changed). */
    static void fit(TableCell<?, ?> cell) {
        TableColumn<?, ?> col = cell.getTableColumn();
        if (col == null) {
            return;
        }
        cells(col).add(cell);
        if (cell.isEditing() || cell.getText() == null || cell.getText().isEmpty()) {
            return;
        }
        widenLater(col, cell);
    }

    @SuppressWarnings("unchecked")
    private static Set<TableCell<?, ?>> cells(TableColumn<?, ?> col) {
        return (Set<TableCell<?, ?>>) col.getProperties().computeIfAbsent(CELLS,
                k -> Collections.newSetFromMap(new WeakHashMap<>()));
    }

    /** Width the cell's text needs at its font (capped: a column never grows past 360). */
    private static double need(TableCell<?, ?> cell) {
        return Math.min(360, Math.ceil(textWidth(cell) + cell.snappedLeftInset() + cell.snappedRightInset() + 4));
    }

    private static double textWidth(TableCell<?, ?> cell) {
        return textWidth(cell.getFont(), cell.getText());
    }

    private static double textWidth(Font font, String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        MEASURE.setFont(font);
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /**
     * Checks the queued cells after the pulse in progress. Changing a column's width while its cells are being laid
     * out moved only the rows laid out after the change: their cells drifted right of the headers until the next
     * click. Set between pulses, the width moves the header and every row together.
     */
    private static void widenLater(TableColumn<?, ?> col, TableCell<?, ?> cell) {
        @SuppressWarnings("unchecked")
        Set<TableCell<?, ?>> pending = (Set<TableCell<?, ?>>) col.getProperties().get(PENDING);
        if (pending != null) {
            pending.add(cell);
            return;
        }
        Set<TableCell<?, ?>> queued = new HashSet<>();
        queued.add(cell);
        col.getProperties().put(PENDING, queued);
        javafx.application.Platform.runLater(() -> {
            col.getProperties().remove(PENDING);
            if (Boolean.TRUE.equals(col.getProperties().get(TO_CONTENT))) {
                sizeToContent(col);
            }
            double width = 0;
            for (TableCell<?, ?> c : queued) {
                if (shown(c, col)) {
                    c.applyCss(); // the font a style change gives it, if that is still to come
                    double insets = c.snappedLeftInset() + c.snappedRightInset() + 4;
                    // cheap bound first: no digit or sign is wider than 0.7 em
                    if (c.getText().length() * c.getFont().getSize() * 0.7 + insets > col.getWidth()) {
                        width = Math.max(width, need(c));
                    }
                }
            }
            if (width > col.getWidth() + 0.5 && width > col.getPrefWidth() + 0.5) {
                col.getProperties().putIfAbsent(DESIGNED, col.getPrefWidth());
                col.setPrefWidth(width);
            }
        });
    }

    private static boolean shown(TableCell<?, ?> c, TableColumn<?, ?> col) {
        return c.getTableColumn() == col && !c.isEmpty() && !c.isEditing() && c.getScene() != null
                && c.getText() != null && !c.getText().isEmpty();
    }

    /**
     * JavaFX's width for a column at its default width: the widest of its values shown and its title, + 10 px.
     * Waits for a value in the scene (an empty table keeps the width).
     */
    private static void sizeToContent(TableColumn<?, ?> col) {
        if (col.getPrefWidth() != CONTENT_WIDTH) { // given another width first (presentation size): as JavaFX, kept
            col.getProperties().remove(TO_CONTENT);
            return;
        }
        double widest = -1;
        for (TableCell<?, ?> c : cells(col)) {
            if (shown(c, col)) {
                c.applyCss();
                widest = Math.max(widest, textWidth(c) + c.snappedLeftInset() + c.snappedRightInset());
            }
        }
        TableView<?> table = col.getTableView();
        if (widest < 0 || table == null) {
            return;
        }
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader h && h.getTableColumn() == col && h.lookup(".label") instanceof Label l) {
                // a title shown as a label (to carry its tooltip) counts by its text, as JavaFX measured it
                Node graphic = l.getGraphic();
                double title = textWidth(l.getFont(), col.getText())
                        + (graphic instanceof Labeled g ? textWidth(g.getFont(), g.getText()) + l.getGraphicTextGap()
                        : graphic == null ? 0 : graphic.prefWidth(-1) + l.getGraphicTextGap())
                        + 10 + h.snappedLeftInset() + h.snappedRightInset();
                widest = Math.max(widest, title);
                        break;
            }
        }
        col.getProperties().remove(TO_CONTENT);
        col.getProperties().putIfAbsent(DESIGNED, col.getPrefWidth());
        col.setPrefWidth(widest + 10);
    }

    /**
     * Restores the designed widths of every leaf column of a table (a column sized to its content is sized again)
     * and checks every cell again once the next layout has shown the rows' new values: a value that stays the same
     * must still widen its column, and one the rows showed before must not.
     */
    public static void reset(TableView<?> table) {
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            Object w = c.getProperties().remove(DESIGNED);
            if (w instanceof Double d) {
                if (d == CONTENT_WIDTH) {
                    c.getProperties().put(TO_CONTENT, Boolean.TRUE);
                }
                c.setPrefWidth(d);
            }
        }
        javafx.scene.Scene scene = table.getScene();
        if (scene == null) {
            return; // its cells are checked when they enter a scene
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
                for (TableCell<?, ?> cell : java.util.List.copyOf(cells(c))) {
                    fit(cell);
                }
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        javafx.application.Platform.requestNextPulse();
    }
}
