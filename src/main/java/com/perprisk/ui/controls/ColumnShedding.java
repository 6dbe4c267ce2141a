package com.perprisk.ui.controls;

import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;

/**
 * A table that never scrolls sideways: while its columns are wider than the table (presentation size, a narrow
 * panel) the least important ones step aside, one at a time in a fixed order, and come back as soon as there is
 * room. Columns not named in the order always stay. The positions and the markets tables each give their order.
 */
public final class ColumnShedding {
    /** Room kept for the vertical scroll bar and the column borders. */
    private static final double SCROLL_BAR = 22;

    private final TableView<?> table;
    private final java.util.function.Supplier<List<String>> order;
    private boolean queued;

    private ColumnShedding(TableView<?> table, java.util.function.Supplier<List<String>> order) {
        this.table = table;
        this.order = order;
    }

    /**
     * Sheds columns of {@code table} by id, the first of {@code order} first, whenever the columns do not fit.
     *
     * @return the shedding, to re-apply or inspect
     */
    public static ColumnShedding install(TableView<?> table, List<String> order) {
        List<String> fixed = List.copyOf(order);
        return install(table, () -> fixed);
    }

    /** Sheds columns in an order that may change with the table's content (call {@link #later} when it does). */
    public static ColumnShedding install(TableView<?> table, java.util.function.Supplier<List<String>> order) {
        ColumnShedding s = new ColumnShedding(table, order);
        table.widthProperty().addListener(o -> s.later());
        table.getColumns().addListener((javafx.collections.ListChangeListener<TableColumn<?, ?>>) c -> s.watch());
        s.watch();
        return s;
    }

    private final java.util.Set<TableColumn<?, ?>> watched = new java.util.HashSet<>();

    private void watch() {
        for (TableColumn<?, ?> c : leaves(table.getColumns())) {
            if (watched.add(c)) {
                c.prefWidthProperty().addListener(o -> later());
                c.widthProperty().addListener(o -> later());
            }
        }
        later();
    }

    /** Applies the shedding again after the next layout pass. */
    public void later() {
        if (!queued) {
            queued = true;
            Platform.runLater(() -> {
                queued = false;
                apply();
            });
        }
    }

    /** Shows every column that fits, hiding in the order given until the rest fit. */
    public void apply() {
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLL_BAR;
        if (room <= 0) {
            return;
        }
        List<TableColumn<?, ?>> all = leaves(table.getColumns());
        double total = all.stream().mapToDouble(c -> width(c) + 1).sum(); // + each column's border
        List<String> hide = new ArrayList<>();
        for (String id : order.get()) {
            if (total <= room) {
                break;
            }
            for (TableColumn<?, ?> c : all) {
                if (id.equals(c.getId())) {
                    total -= width(c) + 1;
                    hide.add(id);
                }
            }
        }
        for (TableColumn<?, ?> c : all) {
            boolean visible = !hide.contains(c.getId());
            if (c.isVisible() != visible) {
                c.setVisible(visible);
            }
        }
    }

    /** Ids of the columns stepped aside now, in the order they went. */
    public List<String> hidden() {
        List<String> out = new ArrayList<>();
        for (String id : order.get()) {
            for (TableColumn<?, ?> c : leaves(table.getColumns())) {
                if (id.equals(c.getId()) && !c.isVisible()) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    /** The width a column takes when shown: its own while shown (a value may have widened it), else its pref. */
    private static double width(TableColumn<?, ?> c) {
        return c.isVisible() && c.getWidth() > 0 ? c.getWidth() : Math.max(c.getPrefWidth(), c.getMinWidth());
    }

    private static List<TableColumn<?, ?>> leaves(List<? extends TableColumn<?, ?>> columns) {
        List<TableColumn<?, ?>> out = new ArrayList<>();
        for (TableColumn<?, ?> c : columns) {
            if (c.getColumns().isEmpty()) {
                out.add(c);
            } else {
                out.addAll(leaves(c.getColumns()));
            }
        }
        return out;
    }
}
