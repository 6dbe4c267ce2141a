package com.perprisk.ui.controls;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * Widens a table column when a cell's text would not fit, so that a large number is never cut to "3,500,…". Columns
 * only grow; {@link #reset} puts back the designed widths (e.g. when another workspace is opened).
 */
public final class ColumnFit {
    private static final String DESIGNED = "perprisk.designedWidth";
    private static final String PENDING = "perprisk.pendingWidth";

    private static final javafx.scene.text.Text MEASURE = new javafx.scene.text.Text();

    private ColumnFit() {
    }

    /**
     * Grows the cell's column when its text does not fit; call from the cell's {@code layoutChildren}, when CSS (and
     * so the font) is applied.
     */
    public static void fit(TableCell<?, ?> cell) {
        TableColumn<?, ?> col = cell.getTableColumn();
        if (col == null || cell.isEditing() || cell.getText() == null || cell.getText().isEmpty()) {
            return;
        }
        javafx.scene.text.Font font = cell.getFont();
        double insets = cell.snappedLeftInset() + cell.snappedRightInset() + 4;
        // cheap bound first: no digit or sign is wider than 0.7 em
        if (cell.getText().length() * font.getSize() * 0.7 + insets <= col.getWidth()) {
            return;
        }
        double need = need(cell);
        if (need > col.getWidth() + 0.5 && need > col.getPrefWidth()) {
            widenLater(col, cell);
        }
    }

    /** Width the cell's text needs at its font (capped: a column never grows past 360). */
    private static double need(TableCell<?, ?> cell) {
        double insets = cell.snappedLeftInset() + cell.snappedRightInset() + 4;
        MEASURE.setFont(cell.getFont());
        MEASURE.setText(cell.getText() == null ? "" : cell.getText());
        return Math.min(360, Math.ceil(MEASURE.getLayoutBounds().getWidth() + insets));
    }

    /**
     * Widens a column after the layout pass in progress. Changing a column's width while its cells are being laid
     * out moved only the rows laid out after the change: their cells drifted right of the headers until the next
     * click. Set between pulses, the width moves the header and every row together.
     */
    private static void widenLater(TableColumn<?, ?> col, TableCell<?, ?> cell) {
        @SuppressWarnings("unchecked")
        java.util.Set<TableCell<?, ?>> pending = (java.util.Set<TableCell<?, ?>>) col.getProperties().get(PENDING);
        if (pending != null) {
            pending.add(cell);
            return;
        }
        java.util.Set<TableCell<?, ?>> cells = new java.util.HashSet<>();
        cells.add(cell);
        col.getProperties().put(PENDING, cells);
        javafx.application.Platform.runLater(() -> {
            col.getProperties().remove(PENDING);
            // measured again now: in the layout pass the font may still have been the one before a style change
            double width = 0;
            for (TableCell<?, ?> c : cells) {
                if (c.getTableColumn() == col && !c.isEmpty() && c.getText() != null) {
                    c.applyCss();
                    width = Math.max(width, need(c));
                }
            }
            if (width > col.getPrefWidth() + 0.5) {
                col.getProperties().putIfAbsent(DESIGNED, col.getPrefWidth());
                col.setPrefWidth(width);
            }
        });
    }

    /** Restores the designed widths of every leaf column of a table. */
    public static void reset(javafx.scene.control.TableView<?> table) {
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            Object w = c.getProperties().remove(DESIGNED);
            if (w instanceof Double d) {
                c.setPrefWidth(d);
            }
        }
    }
}
