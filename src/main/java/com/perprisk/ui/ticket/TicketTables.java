package com.perprisk.ui.ticket;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.function.Function;

/** The ticket's tables: text columns that widen to their widest figure, and figure columns sharing the width. */
final class TicketTables {
    private TicketTables() {
    }

    private static final javafx.scene.text.Text MEASURE = new javafx.scene.text.Text();

    /** Raises a column's minimum width to its widest text, so that no figure is cut to "20,56…". */
    private static void fitColumn(javafx.scene.control.TableCell<?, ?> cell) {
        TableColumn<?, ?> col = cell.getTableColumn();
        if (col == null || cell.getText() == null || cell.getText().isEmpty()) {
            return;
        }
        MEASURE.setFont(cell.getFont());
        MEASURE.setText(cell.getText());
        var leaves = cell.getTableView().getVisibleLeafColumns();
        // the last column also lies under the vertical scroll bar
        double bar = !leaves.isEmpty() && leaves.get(leaves.size() - 1) == col ? 14 : 0;
        double need = Math.ceil(MEASURE.getLayoutBounds().getWidth() + cell.snappedLeftInset()
                + cell.snappedRightInset() + 4 + bar);
        if (need > col.getMinWidth() + 0.5) {
            col.setMinWidth(need);
            TableView<?> t = cell.getTableView();
            javafx.application.Platform.runLater(() -> distribute(t));
        }
    }

    /**
     * Column widths: a label column as wide as its widest label, the figure columns share the rest (each at least its
     * widest figure); the table scrolls sideways only when even that does not fit.
     */
    static void distribute(TableView<?> t) {
        var leaves = t.getVisibleLeafColumns();
        double room = t.getWidth() - t.snappedLeftInset() - t.snappedRightInset() - 16;
        int figures = 0;
        double taken = 0;
        for (TableColumn<?, ?> c : leaves) {
            double head = headerWidth(t, c);
            if (c.getMinWidth() < head) { // without rows, a column is still as wide as its title
                c.setMinWidth(head);
            }
            if (isLabel(c)) {
                taken += c.getMinWidth();
            } else {
                figures++;
            }
        }
        double share = figures == 0 ? 0 : (room - taken) / figures;
        for (TableColumn<?, ?> c : leaves) {
            double w = isLabel(c) ? c.getMinWidth() : Math.max(c.getMinWidth(), share);
            c.setPrefWidth(Math.floor(w));
        }
    }

    /** The width a column's header needs for its title, in the header's font (a table without rows keeps it). */
    static double headerWidth(TableView<?> t, TableColumn<?, ?> c) {
        for (javafx.scene.Node n : t.lookupAll(".column-header")) {
            if (n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() == c
                    && h.lookup(".label") instanceof javafx.scene.control.Labeled l) {
                MEASURE.setFont(l.getFont());
                MEASURE.setText(c.getText() == null ? "" : c.getText());
                return Math.ceil(MEASURE.getLayoutBounds().getWidth() + h.snappedLeftInset() + h.snappedRightInset()
                        + l.snappedLeftInset() + l.snappedRightInset() + 8);
            }
        }
        // before the header row is laid out (a tab's first show in a real window): its title in the default font
        MEASURE.setFont(javafx.scene.text.Font.getDefault());
        MEASURE.setText(c.getText() == null ? "" : c.getText());
        return Math.max(30, Math.ceil(MEASURE.getLayoutBounds().getWidth() + 24));
    }

    private static boolean isLabel(TableColumn<?, ?> c) {
        return c.getId() != null && (c.getId().endsWith("figure") || c.getId().endsWith("what")
                || c.getId().endsWith("position"));
    }

    static javafx.beans.Observable[] minWidths(TableView<?> t) {
        java.util.List<javafx.beans.Observable> l = new java.util.ArrayList<>();
        for (TableColumn<?, ?> c : t.getVisibleLeafColumns()) {
            l.add(c.minWidthProperty());
        }
        return l.toArray(new javafx.beans.Observable[0]);
    }

    /** Lets the columns of a table fit their text afresh (after the rows or the font changed). */
    static void refit(TableView<?> table) {
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            c.setMinWidth(Math.max(30, headerWidth(table, c))); // no narrower than its title, rows or none
        }
    }

    static <R> TableColumn<R, String> column(String name, String id, Function<R, String> f,
                                                     boolean number) {
        TableColumn<R, String> c = new TableColumn<>(name);
        c.setId(id);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            {
                if (number) {
                    getStyleClass().add("number-cell");
                }
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                fitColumn(this);
            }
        });
        return c;
    }
}
