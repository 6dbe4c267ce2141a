package com.perprisk.ui.compare;

import com.perprisk.engine.ContractType;
import com.perprisk.engine.Convention;
import com.perprisk.engine.inverse.Reciprocal;
import com.perprisk.ui.display.Amounts;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.compare.VenueComparison;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Venue comparison: the entered account and positions under every convention side by side (liquidation and
 * bankruptcy price, maintenance margin, funding per day, close fee), each difference from the market's own
 * convention attributed to its causes.
 */
public final class CompareViewModel {
    /**
     * The quantities compared, in row order: three figures of the result vocabulary, and two that only the comparison
     * computes (funding per day, close fee).
     */
    public enum Quantity {
        LIQUIDATION_PRICE("Liq. price", com.perprisk.engine.risk.Quantity.LIQUIDATION_PRICE),
        BANKRUPTCY_PRICE("Bankr. price", com.perprisk.engine.risk.Quantity.BANKRUPTCY_PRICE),
        MAINTENANCE_MARGIN("Maint. margin", com.perprisk.engine.risk.Quantity.MAINTENANCE_MARGIN),
        FUNDING_PER_DAY("Funding/day", null),
        CLOSE_FEE("Close fee", null);

        private final String label;
        private final com.perprisk.engine.risk.Quantity figure;

        Quantity(String label, com.perprisk.engine.risk.Quantity figure) {
            this.label = label;
            this.figure = figure;
        }

        /** The row's short label (the table's first column is narrow). */
        public String label() {
            return label;
        }

        /** The result figure, or null for the comparison's own figures. */
        public com.perprisk.engine.risk.Quantity figure() {
            return figure;
        }

        /** The figure whose differences {@link VenueComparison} attributes to their causes, or null. */
        private String differenceKey() {
            return this == FUNDING_PER_DAY ? com.perprisk.engine.risk.Quantity.FUNDING_PER_SETTLEMENT.key()
                    : this == BANKRUPTCY_PRICE || figure == null ? null : figure.key();
        }
    }

    /**
     * One row: a position's quantity under every convention.
     *
     * @param values    formatted value per convention ("—" where there is none)
     * @param raw       the numbers (null where there is none)
     * @param own       the convention of the position's market (the reference)
     * @param causes    why the others differ from it ("" when they agree)
     * @param details   one line per differing convention: values, cause and each factor's contribution
     */
    public record Row(String positionId, String symbol, Quantity quantity, Map<Convention, String> values,
                      Map<Convention, Double> raw, Convention own, String causes, List<String> details) {
    }

    private final RiskContext context;
    private final Formats formats;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private List<Convention> shown = conventions(null);
    private VenueComparison.Comparison comparison;

    public CompareViewModel(RiskContext context, Formats formats) {
        this.context = context;
        this.formats = formats;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public VenueComparison.Comparison comparison() {
        return comparison;
    }

    /** Every convention a column can show, in column order (the view makes one column each). */
    public static List<Convention> conventions() {
        return List.of(Convention.values());
    }

    /**
     * The conventions compared for a workspace: the inverse venues when it has a coin-margined contract (its linear
     * markets then stay as they are), else the linear ones.
     */
    public static List<Convention> conventions(Portfolio p) {
        return Convention.of(p != null && Reciprocal.hasInverse(p) ? ContractType.INVERSE : ContractType.LINEAR);
    }

    /** The conventions of the last comparison, in column order: the columns the view shows. */
    public List<Convention> shownConventions() {
        return shown;
    }

    /** Recomputes from the portfolio shown now (the entered one, or the playback's tick). */
    public void refresh() {
        Portfolio p = context.getPortfolio();
        if (p == null) {
            rows.clear();
            comparison = null;
            problem.set("No results to compare: " + context.problemProperty().get());
            return;
        }
        if (p.positions().isEmpty()) {
            rows.clear();
            comparison = null;
            problem.set("Add a position to compare the venues.");
            return;
        }
        shown = conventions(p);
        boolean assets = Reciprocal.hasInverse(p);
        try {
            comparison = VenueComparison.compare(p, VenuePresets::carry);
        } catch (RuntimeException e) {
            rows.clear();
            problem.set(e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        List<Row> out = new ArrayList<>();
        for (Position pos : p.positions()) {
            Convention own = p.requireMarket(pos.symbol()).convention();
            double mark = p.requireMarket(pos.symbol()).markPrice();
            // with coin-margined contracts each amount names its asset (the position's pool's)
            String asset = assets ? p.requireMarket(pos.symbol()).marginAsset() : null;
            for (Quantity q : Quantity.values()) {
                Map<Convention, Double> raw = new EnumMap<>(Convention.class);
                Map<Convention, String> text = new EnumMap<>(Convention.class);
                for (Convention c : shown) {
                    Double v = value(c, pos.id(), q);
                    raw.put(c, v);
                    text.put(c, comparison.errors().containsKey(c) ? "n/a" : format(q, v, mark, asset));
                }
                Set<String> causes = new LinkedHashSet<>();
                List<String> details = new ArrayList<>();
                if (q.differenceKey() != null) {
                    for (VenueComparison.Difference d : comparison.differences()) {
                        if (!d.positionId().equals(pos.id()) || !d.quantity().equals(q.differenceKey())
                                || d.conventionA() != own && d.conventionB() != own) {
                            continue;
                        }
                        Convention other = d.conventionA() == own ? d.conventionB() : d.conventionA();
                        if (same(raw.get(other), raw.get(own))) {
                            continue; // the figure shown agrees (e.g. funding per day at another cadence)
                        }
                        for (String c : d.cause().split(" \\+ ")) {
                            causes.add(c.replaceAll(" \\(.*", ""));
                        }
                        StringBuilder b = new StringBuilder(Formats.venue(other) + " vs " + Formats.venue(own) + ": "
                                + format(q, d.conventionA() == own ? d.valueB() : d.valueA(), mark, asset) + " vs "
                                + format(q, d.conventionA() == own ? d.valueA() : d.valueB(), mark, asset) + " — "
                                + d.cause());
                        double sign = d.conventionA() == own ? 1 : -1;
                        d.contributions().forEach((k, v) -> {
                            if (v != null && Double.isFinite(v) && Math.abs(v) > 1e-9) {
                                b.append("\n      ").append(k).append(": ").append(q.differenceKey().equals(
                                        "liquidationPrice") ? formats.signedMoney(sign * v)
                                        : Amounts.signed(formats, sign * v, asset));
                            }
                        });
                        details.add(b.toString());
                    }
                } else if (q == Quantity.BANKRUPTCY_PRICE) {
                    details.add("Bankruptcy price: where the margin behind the position is gone. It differs only "
                            + "when the margin differs (OKX charges the close fee at it).");
                }
                Market market = p.requireMarket(pos.symbol());
                for (Convention c : shown) { // which table each column uses
                    details.add(Formats.venue(c) + " tiers: " + VenuePresets.source(market, c));
                }
                for (var e : comparison.errors().entrySet()) {
                    details.add(Formats.venue(e.getKey()) + ": " + e.getValue());
                }
                out.add(new Row(pos.id(), pos.symbol(), q, text, raw, own, String.join(", ", causes), details));
            }
        }
        rows.setAll(out);
        problem.set(comparison.errors().isEmpty() ? "" : comparison.errors().size()
                + " convention(s) cannot carry this workspace: see the details");
    }

    /** Where each venue's column takes its tier table from for a market: its preset, or that none is bundled. */
    public static Map<Convention, String> tableSources(Market m) {
        Map<Convention, String> out = new EnumMap<>(Convention.class);
        for (Convention c : Convention.of(m.isInverse() ? ContractType.INVERSE : ContractType.LINEAR)) {
            out.put(c, VenuePresets.source(m, c));
        }
        return out;
    }

    /** Equal as shown: both missing, or within a part in 10⁹. */
    private static boolean same(Double x, Double y) {
        if (x == null || y == null) {
            return x == y;
        }
        return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
    }

    private Double value(Convention c, String id, Quantity q) {
        PortfolioRisk risk = comparison.risks().get(c);
        if (risk == null) {
            return null;
        }
        PositionRisk r = risk.position(id).orElse(null);
        if (r == null) {
            return null;
        }
        return switch (q) {
            case LIQUIDATION_PRICE, BANKRUPTCY_PRICE, MAINTENANCE_MARGIN -> (Double) q.figure().of(r);
            case FUNDING_PER_DAY -> comparison.fundingPerDay().getOrDefault(c, Map.of()).get(id);
            case CLOSE_FEE -> comparison.closeFees().getOrDefault(c, Map.of()).get(id);
        };
    }

    private String format(Quantity q, Double v, double mark, String asset) {
        return switch (q) {
            case LIQUIDATION_PRICE, BANKRUPTCY_PRICE -> v == null ? "none" : formats.price(v, mark);
            case FUNDING_PER_DAY -> Amounts.signed(formats, v, asset);
            default -> Amounts.money(formats, v, asset);
        };
    }
}
