package com.perprisk.ui.explain;

import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.ui.common.RiskContext;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Picks the explanation to show: the selected position's working for the selected quantity, or the account's when
 * no position is selected. {@link #pick} is pure; the properties follow the {@link RiskContext}.
 */
public final class ExplainViewModel {
    /** Preferred order of quantities in the chooser (calc field names); others follow alphabetically. */
    public static final List<String> ORDER = List.of("liquidationPrice", "bankruptcyPrice", "marginRatio",
            "maintenanceMargin", "initialMargin", "distanceToLiquidation", "unrealizedPnl", "roe", "notional",
            "margin", "adlScore", "fundingPerSettlement", "fundingOverHorizon");

    /** What the pane shows. {@code explanation} null: {@code message} says why. */
    public record Shown(String subject, Explanation explanation, List<String> quantities, String quantity,
                        String message) {
    }

    private final RiskContext context;
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ObservableList<String> quantities = FXCollections.observableArrayList();

    public ExplainViewModel(RiskContext context) {
        this.context = context;
        context.riskProperty().addListener((o, a, b) -> refresh());
        context.problemProperty().addListener((o, a, b) -> refresh());
        context.selectedPositionIdProperty().addListener((o, a, b) -> refresh());
        context.selectedQuantityProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public Shown getShown() {
        return shown.get();
    }

    /** Quantities that have an explanation for the current subject. */
    public ObservableList<String> quantities() {
        return quantities;
    }

    private void refresh() {
        Shown s = pick(context.getRisk(), context.selectedPositionIdProperty().get(),
                context.selectedQuantityProperty().get(), context.problemProperty().get());
        if (!quantities.equals(s.quantities())) {
            quantities.setAll(s.quantities());
        }
        shown.set(s);
    }

    /** Sorts quantity keys: {@link #ORDER} first, then the rest alphabetically. */
    public static List<String> sorted(Iterable<String> keys) {
        List<String> out = new ArrayList<>();
        keys.forEach(out::add);
        out.sort((a, b) -> {
            int ia = ORDER.indexOf(a);
            int ib = ORDER.indexOf(b);
            if (ia >= 0 && ib >= 0) {
                return Integer.compare(ia, ib);
            }
            if (ia >= 0 || ib >= 0) {
                return ia >= 0 ? -1 : 1;
            }
            return a.compareTo(b);
        });
        return out;
    }

    /** The explanation for (position, quantity), the account's when no position is selected. */
    public static Shown pick(PortfolioRisk risk, String positionId, String quantity, String problem) {
        if (risk == null) {
            return new Shown("", null, List.of(), quantity,
                    problem == null || problem.isBlank() ? "no results yet" : problem);
        }
        Map<String, Explanation> map;
        String subject;
        PositionRisk p = positionId == null ? null : risk.position(positionId).orElse(null);
        if (p != null) {
            map = p.explanations();
            subject = "Position " + p.id() + " · " + p.symbol() + " " + p.side().name().toLowerCase() + " ("
                    + p.marginMode().name().toLowerCase() + ")";
        } else {
            map = risk.accountExplanations();
            subject = positionId == null ? "Account (cross pool)"
                    : "Account (cross pool) — position " + positionId + " no longer exists";
        }
        List<String> keys = sorted(map.keySet());
        Explanation e = quantity == null ? null : map.get(quantity);
        if (e == null) {
            String why = keys.isEmpty() ? "the engine gave no working for " + (p != null ? "this position" : "the account")
                    : "no working for “" + label(quantity) + "” here: choose one of " + keys.stream()
                    .map(ExplainViewModel::label).toList();
            return new Shown(subject, null, keys, quantity, why);
        }
        return new Shown(subject, e, keys, quantity, "");
    }

    /** A calc field name in words: liquidationPrice → "Liquidation price". */
    public static String label(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        return switch (key) {
            case "roe" -> "Return on equity (ROE)";
            case "adlScore" -> "ADL score";
            case "adlQuintile" -> "ADL quintile";
            default -> {
                String spaced = key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
                yield Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
            }
        };
    }
}
