package com.perprisk.ui.workspace;

import com.perprisk.engine.Convention;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceDocument.TierDoc;

import java.util.List;
import java.util.function.Consumer;

/**
 * Edits of a market's tier table, as the tier editor and the preset and import actions make them: a bracket added
 * (filled as {@link NewRowDefaults} proposes) or removed, or the whole table or the dYdX parameters replaced in one
 * undo step. Reached through {@link WorkspaceViewModel#tiers()}; every change goes through the view model's edit
 * rules (recalculation, undo, dirty flag).
 */
public final class TierEdits {
    private final EditListener edited;
    private final Consumer<Runnable> quietly;
    private final Consumer<Runnable> batch;
    private final NewRowDefaults defaults;
    private final DocumentBinding binding;

    /**
     * @param edited  told about every user edit of a new row's fields
     * @param quietly runs changes that are not the user's (filling a new row)
     * @param batch   runs edits as one undo step with one recalculation
     */
    TierEdits(EditListener edited, Consumer<Runnable> quietly, Consumer<Runnable> batch, NewRowDefaults defaults,
              DocumentBinding binding) {
        this.edited = edited;
        this.quietly = quietly;
        this.batch = batch;
        this.defaults = defaults;
        this.binding = binding;
    }

    /** Adds a bracket after the last one, filled as {@link NewRowDefaults#fillTier} proposes. */
    public TierRow addTier(MarketRow m) {
        TierRow row = new TierRow(edited);
        quietly.accept(() -> defaults.fillTier(m, row));
        m.tiers().add(row);
        return row;
    }

    public void removeTier(MarketRow m, TierRow t) {
        m.tiers().remove(t);
    }

    /**
     * Replaces a market's tier table (preset or import) in one undo step.
     *
     * @param convention the table's venue convention, or null to keep the market's
     * @param source     where it came from, shown above the table
     */
    public void replaceTiers(MarketRow m, List<TierDoc> tiers, Convention convention, String source) {
        replaceMargin(m, tiers, null, convention, source);
    }

    /** Replaces a market's brackets or dYdX parameters (one of the two, the other null) in one undo step. */
    public void replaceMargin(MarketRow m, List<TierDoc> tiers, WorkspaceDocument.DydxDoc dydx, Convention convention,
                              String source) {
        batch.accept(() -> {
            if (convention != null) {
                m.conventionProperty().set(convention);
            }
            binding.applyDydx(m, dydx);
            binding.applyTiers(m, tiers == null ? List.of() : tiers);
            m.tierSourceProperty().set(source == null ? "" : source);
        });
    }
}
