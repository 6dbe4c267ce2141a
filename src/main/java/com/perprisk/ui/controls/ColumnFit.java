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
        MEASURE.setFont(font);
        MEASURE.setText(cell.getText());
        double need = Math.ceil(MEASURE.getLayoutBounds().getWidth() + insets);
        if (need > col.getWidth() + 0.5 && need > col.getPrefWidth()) {
            widenLater(col, Math.min(need, 360));
        }
    }

    /**
     * Widens a column after the layout pass in progress. Changing a column's width while its cells are being laid
     * out moved only the rows laid out after the change: their cells drifted right of the headers until the next
     * click. Set between pulses, the width moves the header and every row together.
     */
    private static void widenLater(TableColumn<?, ?> col, double width) {
        Object pending = col.getProperties().get(PENDING);
        if (pending instanceof Double p && p >= width) {
            return;
        }
        boolean scheduled = pending != null;
        col.getProperties().put(PENDING, width);
        if (!scheduled) {
            javafx.application.Platform.runLater(() -> {
                Object w = col.getProperties().remove(PENDING);
                if (w instanceof Double d && d > col.getPrefWidth()) {
                    col.getProperties().putIfAbsent(DESIGNED, col.getPrefWidth());
                    col.setPrefWidth(d);
                }
            });
        }
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
