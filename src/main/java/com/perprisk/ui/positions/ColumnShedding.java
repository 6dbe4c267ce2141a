package com.perprisk.ui.positions;

import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;

/**
 * The positions table never scrolls sideways: while its columns are wider than the table (presentation size at
 * 1280 px, a narrow window) the least important ones step aside, one at a time in a fixed order (bankruptcy price,
 * maintenance margin, extra margin, initial margin, notional, ID), and come back as soon as there is room. The
 * headline columns (liquidation price, distance, uPnL, ROE, ADL) and the inputs a trader edits always stay.
 */
final class ColumnShedding {
    /** Column ids, the first to step aside first. */
    static final List<String> ORDER = List.of("col-bankruptcyPrice", "col-maintenanceMargin", "col-extraMargin",
            "col-initialMargin", "col-notional", "col-id");
    /** Room kept for the vertical scroll bar. */
    private static final double SCROLL_BAR = 16;

    private final TableView<?> table;
    private boolean queued;

    private ColumnShedding(TableView<?> table) {
        this.table = table;
    }

    static void install(TableView<?> table) {
        ColumnShedding s = new ColumnShedding(table);
        table.widthProperty().addListener(o -> s.later());
        for (TableColumn<?, ?> c : leaves(table.getColumns())) {
            c.prefWidthProperty().addListener(o -> s.later());
        }
    }

    private void later() {
        if (!queued) {
            queued = true;
            Platform.runLater(() -> {
                queued = false;
                apply();
            });
        }
    }

    /** Shows every column that fits, hiding in {@link #ORDER} until the rest fit. */
    void apply() {
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLL_BAR;
        if (room <= 0) {
            return;
        }
        List<TableColumn<?, ?>> all = leaves(table.getColumns());
        double total = all.stream().mapToDouble(TableColumn::getPrefWidth).sum();
        List<String> hide = new ArrayList<>();
        for (String id : ORDER) {
            if (total <= room) {
                break;
            }
            for (TableColumn<?, ?> c : all) {
                if (id.equals(c.getId())) {
                    total -= c.getPrefWidth();
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
