package com.perprisk.ui.positions;

import javafx.scene.control.TableView;

import java.util.List;

/**
 * The positions table never scrolls sideways: while its columns are wider than the table (presentation size at
 * 1280 px, a narrow window) the least important ones step aside, one at a time in a fixed order (bankruptcy price,
 * maintenance margin, extra margin, initial margin, notional, ID), and come back as soon as there is room. The
 * headline columns (liquidation price, distance, uPnL, ROE, ADL) and the inputs a trader edits always stay. The
 * mechanism is the shared {@link com.perprisk.ui.controls.ColumnShedding}; this class holds the positions' order.
 */
final class ColumnShedding {
    /** Column ids, the first to step aside first. */
    static final List<String> ORDER = List.of("col-bankruptcyPrice", "col-maintenanceMargin", "col-extraMargin",
            "col-initialMargin", "col-notional", "col-id");

    private ColumnShedding() {
    }

    static void install(TableView<?> table) {
        com.perprisk.ui.controls.ColumnShedding.install(table, ORDER);
    }
}
