package com.perprisk.ui.tiles;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.risk.AccountRisk;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The tiles' figures, recomputed on the FX thread whenever the results, the problem or the selection change. The
 * computation itself is the pure {@link #compute} so that it is tested without a screen.
 */
public final class TilesViewModel {
    /** Margin ratio from which the gauge turns amber. */
    public static final double WARNING_RATIO = com.perprisk.engine.RiskPolicy.MARGIN_WARNING_RATIO;
    /** Margin ratio at which the pool is liquidated: the gauge turns red. */
    public static final double DANGER_RATIO = com.perprisk.engine.RiskPolicy.LIQUIDATION_RATIO;
    /** Distance to liquidation below which the distance tile is red. */
    public static final double DANGER_DISTANCE = com.perprisk.engine.RiskPolicy.DANGER_DISTANCE;
    /** Distance to liquidation below which the distance tile is amber. */
    public static final double WARNING_DISTANCE = com.perprisk.engine.RiskPolicy.WARNING_DISTANCE;

    private final RiskContext context;
    private final Formats fmt;
    private final ReadOnlyObjectWrapper<TileValues> values = new ReadOnlyObjectWrapper<>(this, "values",
            TileValues.empty(""));

    public TilesViewModel(RiskContext context, Formats fmt) {
        this.context = context;
        this.fmt = fmt;
        context.riskProperty().addListener((o, a, b) -> refresh());
        context.problemProperty().addListener((o, a, b) -> refresh());
        context.selectedPositionIdProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    public ReadOnlyObjectProperty<TileValues> valuesProperty() {
        return values.getReadOnlyProperty();
    }

    public TileValues getValues() {
        return values.get();
    }

    private void refresh() {
        TileValues v = compute(fmt, context.getPortfolio(), context.getRisk(), context.selectedPositionIdProperty().get(),
                context.problemProperty().get());
        if (!v.equals(values.get())) {
            values.set(v);
        }
    }

    /** Margin ratio level: WARNING from 80%, DANGER from 100%. */
    public static TileValues.Level ratioLevel(Double ratio) {
        if (ratio == null || !Double.isFinite(ratio)) {
            return TileValues.Level.NONE;
        }
        if (ratio >= DANGER_RATIO) {
            return TileValues.Level.DANGER;
        }
        return ratio >= WARNING_RATIO ? TileValues.Level.WARNING : TileValues.Level.OK;
    }

    /** Distance level: DANGER past the LP or within 5%, WARNING within 15%. */
    public static TileValues.Level distanceLevel(Double distance) {
        if (distance == null || !Double.isFinite(distance)) {
            return TileValues.Level.NONE;
        }
        if (distance < DANGER_DISTANCE) {
            return TileValues.Level.DANGER;
        }
        return distance < WARNING_DISTANCE ? TileValues.Level.WARNING : TileValues.Level.OK;
    }

    /** The tiles' values for a result; {@code portfolio} may be null (the horizon is then not named). */
    public static TileValues compute(Formats fmt, Portfolio portfolio, PortfolioRisk risk, String selectedId, String problem) {
        if (risk == null) {
            return TileValues.empty(problem);
        }
        AccountRisk a = risk.account();

        Double ratio = finite(a.marginRatio());
        String ratioDetail;
        if (ratio != null) {
            ratioDetail = "requirement " + fmt.money(a.maintenanceMargin()) + " / margin balance "
                    + fmt.money(a.marginBalance());
        } else if (risk.positions().stream().allMatch(p -> p.marginMode() == MarginMode.ISOLATED)) {
            ratioDetail = "no cross positions: each isolated position has its own ratio";
        } else if (a.marginBalance() <= 0) {
            ratioDetail = "margin balance " + fmt.money(a.marginBalance()) + " ≤ 0: the cross pool is bankrupt";
        } else {
            ratioDetail = "nothing to measure";
        }

        PositionRisk nearest = null;
        for (PositionRisk p : risk.positions()) {
            Double d = finite(p.distanceToLiquidation());
            if (d != null && (nearest == null || d < nearest.distanceToLiquidation())) {
                nearest = p;
            }
        }
        Double nearestDistance = nearest == null ? null : nearest.distanceToLiquidation();
        String nearestDetail;
        if (nearest == null) {
            nearestDetail = risk.positions().isEmpty() ? "no positions" : "no position has a liquidation price";
        } else {
            double mark = portfolio == null ? Double.NaN
                    : portfolio.market(nearest.symbol()).map(m -> m.markPrice()).orElse(Double.NaN);
            double ref = Double.isFinite(mark) ? mark : nearest.liquidationPrice();
            nearestDetail = nearest.id() + " " + nearest.symbol() + ": LP " + fmt.price(nearest.liquidationPrice(), ref)
                    + (Double.isFinite(mark) ? " vs mark " + fmt.price(mark, ref) : "")
                    + (nearestDistance < 0 ? " (past the liquidation price)" : "");
        }

        double funding = 0;
        for (PositionRisk p : risk.positions()) {
            if (Double.isFinite(p.fundingOverHorizon())) {
                funding += p.fundingOverHorizon();
            }
        }
        Double fundingValue = risk.positions().isEmpty() ? null : funding;
        String horizon = portfolio == null ? "the horizon" : fmt.quantity(portfolio.horizonHours(), 2) + " h";
        String fundingDetail = risk.positions().isEmpty() ? "no positions"
                : funding == 0 ? "no funding over " + horizon + " at today's rates"
                : (funding > 0 ? "received" : "paid") + " over " + horizon + " at today's marks and rates";

        PositionRisk adl = null;
        if (selectedId != null) {
            adl = risk.position(selectedId).orElse(null);
        }
        String adlWho;
        if (adl != null) {
            adlWho = "selected " + adl.id() + " " + adl.symbol() + " " + adl.side().name().toLowerCase();
        } else {
            for (PositionRisk p : risk.positions()) {
                if (adl == null || p.adlQuintile() > adl.adlQuintile()) {
                    adl = p;
                }
            }
            adlWho = adl == null ? "no positions"
                    : "highest: " + adl.id() + " " + adl.symbol() + " " + adl.side().name().toLowerCase();
        }
        int quintile = adl == null ? 0 : Math.max(0, Math.min(5, adl.adlQuintile()));

        Double available = finite(a.availableBalance());
        String availableDetail = "margin balance " + fmt.money(a.marginBalance()) + " − initial margin "
                + fmt.money(a.initialMargin());

        return new TileValues(ratio, ratioLevel(ratio), ratioDetail, nearestDistance, distanceLevel(nearestDistance),
                nearestDetail, fundingValue, fundingDetail, quintile, adlWho, available, availableDetail, "");
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }
}
