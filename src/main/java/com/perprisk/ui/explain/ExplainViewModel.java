package com.perprisk.ui.explain;

import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.Quantity;
import com.perprisk.ui.common.RiskContext;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which working the explain panel shows: the selected quantity of the selected position (from the engine's
 * explanations, keyed by {@link ExplainKey}), or the account's working when no position is selected. A quantity
 * without a working of its own shows the one it comes from ({@link Quantity#explainedBy()}); the chooser lists the
 * workings in {@link ExplainKey} order, headline numbers first. The choice is the pure {@link #resolve}, tested
 * without a screen.
 */
public final class ExplainViewModel {
    /** One entry of the quantity chooser. */
    public record Choice(ExplainKey key, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * What to show.
     *
     * @param scope       whose working: "p1 · BTCUSDT long, isolated" or "Account (cross pool)"
     * @param symbol      the position's market (for units), or null for the account
     * @param positionId  the position, or null for the account
     * @param choices     the quantities that have a working here
     * @param key         the working shown (a key of {@code choices}), or null
     * @param explanation its working, or null
     * @param note        why another working than the one asked for is shown, or null
     * @param problem     why nothing can be shown (no results), or null
     */
    public record Selection(String scope, String symbol, String positionId, List<Choice> choices, ExplainKey key,
                            Explanation explanation, String note, String problem) {
    }

    private final RiskContext context;
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(this, "selection");

    public ExplainViewModel(RiskContext context) {
        this.context = context;
        context.riskProperty().addListener((o, a, b) -> refresh());
        context.problemProperty().addListener((o, a, b) -> refresh());
        context.selectedPositionIdProperty().addListener((o, a, b) -> refresh());
        context.selectedQuantityProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public Selection getSelection() {
        return selection.get();
    }

    /** Shows another quantity (the chooser): writes the context's selected quantity. */
    public void choose(ExplainKey key) {
        if (key != null) {
            context.selectedQuantityProperty().set(Quantity.withWorking(key));
        }
    }

    private void refresh() {
        selection.set(resolve(context.getRisk(), context.selectedPositionIdProperty().get(),
                context.selectedQuantityProperty().get(), context.problemProperty().get()));
    }

    /** The working to show for a selection. */
    public static Selection resolve(PortfolioRisk risk, String positionId, Quantity quantity, String problem) {
        if (risk == null) {
            String p = problem == null || problem.isBlank() ? "No results yet." : problem;
            return new Selection("", null, null, List.of(), null, null, null, p);
        }
        PositionRisk pos = positionId == null ? null : risk.position(positionId).orElse(null);
        Map<ExplainKey, Explanation> map;
        String scope;
        if (pos != null) {
            map = pos.explanations();
            scope = pos.id() + " · " + pos.symbol() + " " + pos.side().name().toLowerCase() + ", "
                    + pos.marginMode().name().toLowerCase();
        } else {
            map = risk.accountExplanations();
            scope = "Account (cross pool) · select a position for its own working";
        }
        List<Choice> choices = new ArrayList<>();
        for (ExplainKey k : ExplainKey.values()) {
            if (map.containsKey(k)) {
                choices.add(new Choice(k, map.get(k).quantity()));
            }
        }
        String symbol = pos == null ? null : pos.symbol();
        String id = pos == null ? null : pos.id();
        if (choices.isEmpty()) {
            return new Selection(scope, symbol, id, choices, null, null, null,
                    pos == null ? "No account figures to explain." : "No working for this position.");
        }
        ExplainKey key = quantity == null ? null : quantity.explainedBy();
        String note = null;
        if (key != null && map.containsKey(key)) {
            if (!quantity.hasOwnWorking()) {
                note = "“" + quantity.label() + "” has no formula of its own; it comes from this working.";
            }
        } else {
            if (quantity != null && pos == null && quantity.scope() == Quantity.Scope.POSITION) {
                note = "“" + quantity.label() + "” is a position's figure: select a position to see it.";
            } else if (quantity != null) {
                note = "No working for “" + quantity.label() + "”.";
            }
            key = choices.get(0).key();
        }
        return new Selection(scope, symbol, id, choices, key, map.get(key), note, null);
    }
}
