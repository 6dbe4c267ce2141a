package com.perprisk.ui.positions;

import javafx.scene.control.TableView;

import java.util.List;

/**
 * The positions table never scrolls sideways: while its columns are wider than the table (presentation size at
 * 1280 px, a narrow window) the least important ones step aside, one at a time in a fixed order (bankruptcy price,
 * maintenance margin, extra margin, initial margin, notional, ID), and come back as soon as there is room. Where
 * that is not enough (coin amounts such as "+0.017241 BTC" at presentation size in a 1024 px window) the isolated
 * margin goes next (blank on a cross position, on an isolated one most often the derived initial margin, which the
 * explain panel gives), then the margin mode. The headline columns (liquidation price, distance, uPnL, ROE, ADL)
 * and the position's symbol, side, size, entry and leverage always stay. The mechanism is the shared
 * {@link com.perprisk.ui.controls.ColumnShedding}; this class holds the positions' order.
 */
final class ColumnShedding {
    /** Column ids, the first to step aside first. */
    static final List<String> ORDER = List.of("col-bankruptcyPrice", "col-maintenanceMargin", "col-extraMargin",
            "col-initialMargin", "col-notional", "col-id", "col-isolatedMargin", "col-marginMode");

    private ColumnShedding() {
    }

    static void install(TableView<?> table) {
        com.perprisk.ui.controls.ColumnShedding.install(table, ORDER);
    }
}
