package com.perprisk.ui.reconcile;

import com.perprisk.engine.Portfolio;
import com.perprisk.engine.reconcile.ReconcileOptions;
import com.perprisk.engine.reconcile.Reconciler;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * Reconcile: the user types the liquidation price the exchange shows (and what they know: tick, funding accrued,
 * last − mark spread); the reconciler tries every combination of plausible causes and the view shows the one that
 * explains the gap, or says that none does and shows the closest.
 */
public final class ReconcileViewModel {
    /** One combination tried, formatted. */
    public record CandidateRow(String causes, String price, String residual, boolean match, String notes) {
    }

    private final RiskContext context;
    private final Formats formats;
    private final StringProperty positionId = new SimpleStringProperty(this, "positionId");
    private final StringProperty exchangePrice = new SimpleStringProperty(this, "exchangePrice", "");
    private final StringProperty tick = new SimpleStringProperty(this, "tick", "");
    private final StringProperty fundingAccrued = new SimpleStringProperty(this, "fundingAccrued", "");
    private final StringProperty markLastSpread = new SimpleStringProperty(this, "markLastSpread", "");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper baseline = new ReadOnlyStringWrapper(this, "baseline", "");
    private final ReadOnlyBooleanWrapper explained = new ReadOnlyBooleanWrapper(this, "explained");
    private final ObservableList<String> positionIds = FXCollections.observableArrayList();
    private final ObservableList<CandidateRow> candidates = FXCollections.observableArrayList();
    private Reconciler.Result result;

    public ReconcileViewModel(RiskContext context, Formats formats) {
        this.context = context;
        this.formats = formats;
        context.portfolioProperty().addListener((o, a, p) -> refreshPositions());
        positionId.addListener((o, a, b) -> showBaseline());
        // an imported position brings the venue's own liquidation price: it fills the field until the user types
        positionId.addListener((o, a, b) -> prefillVenuePrice());
        context.venueLiquidationPrices().addListener(
                (javafx.collections.MapChangeListener<String, Double>) c -> prefillVenuePrice());
        refreshPositions();
        prefillVenuePrice();
    }

    private void refreshPositions() {
        Portfolio p = context.getPortfolio();
        List<String> ids = p == null ? List.of() : p.positions().stream().map(x -> x.id()).toList();
        if (!ids.equals(positionIds)) {
            positionIds.setAll(ids);
        }
        if (positionId.get() == null || !ids.contains(positionId.get())) {
            String sel = context.selectedPositionIdProperty().get();
            positionId.set(sel != null && ids.contains(sel) ? sel : ids.isEmpty() ? null : ids.get(0));
        }
        showBaseline();
    }

    private String prefilled = "";

    private void prefillVenuePrice() {
        Double venue = positionId.get() == null ? null : context.venueLiquidationPrices().get(positionId.get());
        if (Formats.isBlank(exchangePrice.get()) || exchangePrice.get().equals(prefilled)) {
            prefilled = venue == null ? "" : formats.editText(venue);
            exchangePrice.set(prefilled);
        }
    }

    private void showBaseline() {
        var risk = context.getRisk();
        var pr = risk == null || positionId.get() == null ? null : risk.position(positionId.get()).orElse(null);
        if (pr == null) {
            baseline.set("");
            return;
        }
        double mark = context.getPortfolio().requireMarket(pr.symbol()).markPrice();
        baseline.set("PerpRisk: " + (pr.liquidationPrice() == null ? "no liquidation price"
                : formats.price(pr.liquidationPrice(), mark)) + " · mark " + formats.price(mark, mark));
    }

    public StringProperty positionIdProperty() {
        return positionId;
    }

    public StringProperty exchangePriceProperty() {
        return exchangePrice;
    }

    public StringProperty tickProperty() {
        return tick;
    }

    public StringProperty fundingAccruedProperty() {
        return fundingAccrued;
    }

    public StringProperty markLastSpreadProperty() {
        return markLastSpread;
    }

    public ObservableList<String> positionIds() {
        return positionIds;
    }

    public ObservableList<CandidateRow> candidates() {
        return candidates;
    }

    /** The headline: "Explained by …" or "None of the causes explains …". */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** What each cause of the best combination did. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baselineProperty() {
        return baseline.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty explainedProperty() {
        return explained.getReadOnlyProperty();
    }

    public Reconciler.Result result() {
        return result;
    }

    /** Runs the search; returns false (with the reason in the verdict) when the inputs are not usable. */
    public boolean reconcile() {
        result = null;
        candidates.clear();
        explanation.set("");
        explained.set(false);
        Portfolio p = context.getPortfolio();
        if (p == null) {
            verdict.set("No results: " + context.problemProperty().get());
            return false;
        }
        if (positionId.get() == null) {
            verdict.set("Choose a position.");
            return false;
        }
        Double exch = formats.parse(exchangePrice.get());
        if (exch == null || !(exch > 0)) {
            verdict.set("Type the liquidation price the exchange shows (a positive number).");
            return false;
        }
        ReconcileOptions o = ReconcileOptions.NONE;
        Double t = optional(tick.get(), "tick size");
        Double f = optional(fundingAccrued.get(), "funding accrued");
        Double s = optional(markLastSpread.get(), "last − mark spread");
        if (Double.isNaN(nz(t)) || Double.isNaN(nz(f)) || Double.isNaN(nz(s))) {
            return false;
        }
        if (t != null) {
            if (!(t > 0)) {
                verdict.set("The tick size must be positive.");
                return false;
            }
            o = o.withTick(t);
        }
        if (f != null) {
            o = o.withFundingAccrued(f);
        }
        if (s != null) {
            o = o.withMarkLastSpread(s);
        }
        try {
            result = Reconciler.explain(p, positionId.get(), exch, o);
        } catch (RuntimeException e) {
            verdict.set(e.getMessage() == null ? e.toString() : e.getMessage());
            return false;
        }
        explained.set(result.explained());
        double mark = p.requireMarket(p.positions().stream().filter(x -> x.id().equals(positionId.get()))
                .findFirst().orElseThrow().symbol()).markPrice();
        // on screen the engine's figures are rounded as the screen shows numbers (the CSV and calc keep them exact)
        com.perprisk.ui.format.WorkingText shown = new com.perprisk.ui.format.WorkingText(formats);
        verdict.set((result.explained() ? "✔ " : "✘ ") + shown.sentence(result.message()));
        List<String> notes = new ArrayList<>(result.best().notes().stream().map(shown::sentence).toList());
        explanation.set(notes.isEmpty() ? "" : "• " + String.join("\n• ", notes));
        List<CandidateRow> rows = new ArrayList<>();
        for (Reconciler.Candidate c : result.candidates()) {
            rows.add(new CandidateRow(c.causes().isEmpty() ? "(none: PerpRisk as is)"
                    : String.join(" + ", c.causes().stream().map(Reconciler.Cause::label).toList()),
                    c.price() == null ? "none" : formats.price(c.price(), mark),
                    Double.isFinite(c.residual()) ? formats.number(c.residual(), Formats.priceDecimals(mark))
                            : Formats.NONE,
                    Double.isFinite(c.residual()) && Math.abs(c.residual()) <= result.tolerance(),
                    shown.sentence(String.join("; ", c.notes()))));
        }
        candidates.setAll(rows);
        return true;
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }

    /** Null when blank, NaN (with the verdict set) when not a number. */
    private Double optional(String text, String name) {
        if (Formats.isBlank(text)) {
            return null;
        }
        Double v = formats.parse(text);
        if (v == null || !Double.isFinite(v)) {
            verdict.set(name + ": \"" + text + "\" is not a number");
            return Double.NaN;
        }
        return v;
    }
}
