package com.perprisk.ui.workspace;

import com.perprisk.ui.common.RiskContext;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/**
 * Adding, copying and removing positions, and adding a market: what + Add, Duplicate and Remove do to the rows,
 * through {@link WorkspaceViewModel#addPosition()} and its neighbours.
 */
final class RowEdits {
    private final EditListener edited;
    private final Consumer<Runnable> quietly;
    private final Consumer<Runnable> batch;
    private final NewRowDefaults defaults;
    private final ObservableList<PositionRow> positions;
    private final ObservableList<MarketRow> markets;
    private final DocumentBinding binding;
    private final Runnable refreshSymbols;
    private final RiskContext context;

    /**
     * @param quietly        runs changes that are not the user's
     * @param batch          runs edits as one undo step
     * @param binding        fills a new market's tier table
     * @param refreshSymbols brings the symbol choices in step with the markets
     */
    RowEdits(EditListener edited, Consumer<Runnable> quietly, Consumer<Runnable> batch, NewRowDefaults defaults,
                  ObservableList<PositionRow> positions, ObservableList<MarketRow> markets, DocumentBinding binding,
                  Runnable refreshSymbols, RiskContext context) {
        this.edited = edited;
        this.quietly = quietly;
        this.batch = batch;
        this.defaults = defaults;
        this.positions = positions;
        this.markets = markets;
        this.binding = binding;
        this.refreshSymbols = refreshSymbols;
        this.context = context;
    }

    /** See {@link WorkspaceViewModel#addPosition()}. */
    PositionRow add() {
        String symbol = defaults.firstFreeSymbol();
        if (symbol != null) {
            PositionRow row = newPosition(symbol);
            positions.add(row);
            return row;
        }
        PositionRow[] added = new PositionRow[1];
        batch.accept(() -> {
            MarketRow m = addMarket();
            refreshSymbols.run();
            added[0] = newPosition(m.symbolProperty().get());
            positions.add(added[0]);
        });
        return added[0];
    }

    private PositionRow newPosition(String symbol) {
        PositionRow row = new PositionRow(edited);
        quietly.accept(() -> defaults.fillPosition(row, symbol));
        return row;
    }

    /** See {@link WorkspaceViewModel#duplicatePosition}. */
    PositionRow duplicate(PositionRow source) {
        int index = positions.indexOf(source);
        if (index < 0) {
            return null;
        }
        PositionRow row = new PositionRow(edited);
        quietly.accept(() -> defaults.fillCopy(row, source));
        positions.add(index + 1, row);
        return row;
    }

    /** Removes a position and, when it was selected, the selection. */
    void remove(PositionRow row) {
        if (row != null) {
            positions.remove(row);
            if (row.getId().equals(context.selectedPositionIdProperty().get())) {
                context.selectedPositionIdProperty().set(null);
            }
        }
    }

    /** See {@link WorkspaceViewModel#addMarket()}. */
    MarketRow addMarket() {
        MarketRow m = new MarketRow(edited);
        quietly.accept(() -> {
            defaults.fillMarket(m);
            binding.applyTiers(m, Defaults.defaultTiers());
        });
        markets.add(m);
        return m;
    }
}
