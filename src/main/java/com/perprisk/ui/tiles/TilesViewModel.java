package com.perprisk.ui.tiles;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.risk.AccountRisk;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.ui.common.PoolFigures;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.display.Amounts;
import com.perprisk.ui.format.Formats;
import com.perprisk.engine.adl.AdlQueue;
import com.perprisk.ui.common.AdlText;
import java.util.Map;
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
        context.adlStandingsProperty().addListener((o, a, b) -> refresh());
        context.unavailableProperty().addListener((o, a, b) -> refresh());
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
                context.problemProperty().get(), context.adlStandingsProperty().get(),
                context.unavailableProperty().get());
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

    /** The tiles' values for a result, without ADL standings. */
    public static TileValues compute(Formats fmt, Portfolio portfolio, PortfolioRisk risk, String selectedId, String problem) {
        return compute(fmt, portfolio, risk, selectedId, problem, Map.of(), Map.of());
    }

    /** The tiles' values with ADL standings, every figure's inputs valid. */
    public static TileValues compute(Formats fmt, Portfolio portfolio, PortfolioRisk risk, String selectedId,
                                     String problem, Map<String, AdlQueue.Standing> standings) {
        return compute(fmt, portfolio, risk, selectedId, problem, standings, Map.of());
    }

    /**
     * The tiles' values for a result; {@code portfolio} may be null (the horizon is then not named). The ADL tile
     * shows the selected position's standing, else the one most at risk (most lights).
     */
    public static TileValues compute(Formats fmt, Portfolio portfolio, PortfolioRisk risk, String selectedId,
                                     String problem, Map<String, AdlQueue.Standing> standings,
                                     Map<String, String> unavailable) {
        if (risk == null) {
            return TileValues.empty(problem);
        }
        TileValues v = computeShown(fmt, portfolio, risk, selectedId, standings);
        // figures that depend on an invalid input say so instead of showing a number computed without it
        String account = unavailable.get("account");
        String im = unavailable.get("initialMargin");
        String funding = unavailable.get("fundingOverHorizon");
        return new TileValues(account == null ? v.marginRatio() : null,
                account == null ? v.marginRatioLevel() : TileValues.Level.NONE,
                account == null ? v.marginRatioDetail() : "depends on " + account, v.marginRatioPool(),
                v.nearestDistance(), v.nearestLevel(), v.nearestDetail(),
                funding == null ? v.fundingOverHorizon() : null,
                funding == null ? v.fundingDetail() : "depends on " + funding,
                v.adlQuintile(), v.adlInLine(), v.adlDetail(), v.adlStanding(),
                account == null && im == null ? v.availableBalance() : null,
                account != null ? "depends on " + account : im != null ? "depends on " + im : v.availableDetail(),
                v.problem(), v.fundingAsset(), v.availableAsset());
    }

    private static TileValues computeShown(Formats fmt, Portfolio portfolio, PortfolioRisk risk, String selectedId,
                                           Map<String, AdlQueue.Standing> standings) {
        // with coin-margined contracts: the cross pool nearest its liquidation, its amounts in its asset
        PoolFigures.Cross coin = PoolFigures.riskiestCross(risk);
        AccountRisk a = coin == null ? risk.account() : coin.figures();
        String asset = coin == null ? null : coin.asset();

        boolean anyCross = risk.positions().stream().anyMatch(p -> p.marginMode() == MarginMode.CROSS);
        Double ratio = anyCross ? finite(a.marginRatio()) : null;
        String pool = coin == null ? "cross pool" : asset + " cross pool";
        // the riskiest pool: the cross pool or an isolated position, whichever is nearer its liquidation
        PositionRisk riskiest = null;
        for (PositionRisk p : risk.positions()) {
            Double r = p.marginMode() == MarginMode.ISOLATED ? finite(p.marginRatio()) : null;
            if (r != null && (riskiest == null || r > riskiest.marginRatio())) {
                riskiest = p;
            }
        }
        String ratioDetail;
        if (riskiest != null && (ratio == null || riskiest.marginRatio() > ratio)) {
            ratio = riskiest.marginRatio();
            pool = "isolated " + riskiest.id();
            ratioDetail = "isolated " + riskiest.id() + ": requirement " + Amounts.money(fmt,
                    riskiest.maintenanceMargin(), riskiest.marginAsset()) + " / margin " + Amounts.money(fmt,
                    riskiest.margin() + riskiest.unrealizedPnl(), riskiest.marginAsset());
        } else if (ratio != null) {
            ratioDetail = pool + ": requirement " + Amounts.money(fmt, a.maintenanceMargin(), asset)
                    + " / margin balance " + Amounts.money(fmt, a.marginBalance(), asset);
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
            // short enough for a tile at presentation size: whose price it is and the price (the mark is the
            // market's, in the markets table)
            nearestDetail = nearest.id() + " · LP " + fmt.price(nearest.liquidationPrice(), ref)
                    + (nearestDistance < 0 ? " (past it)" : "");
        }

        double funding = 0;
        for (PositionRisk p : risk.positions()) {
            if (Double.isFinite(p.fundingOverHorizon())) {
                funding += p.fundingOverHorizon();
            }
        }
        Double fundingValue = risk.positions().isEmpty() ? null : funding;
        String fundingAsset = null;
        if (PoolFigures.hasCoinPools(risk) && fundingValue != null) {
            // amounts in several assets: their sum valued in USD at today's marks, each asset in the detail
            fundingValue = PoolFigures.fundingInUsd(portfolio, risk);
            fundingAsset = "USD";
        }
        String horizon = portfolio == null ? "the horizon" : fmt.quantity(portfolio.horizonHours(), 2) + " h";
        String fundingDetail = risk.positions().isEmpty() ? "no positions"
                : funding == 0 ? "none over " + horizon
                : (funding > 0 ? "received" : "paid") + " over " + horizon;
        if (fundingAsset != null) {
            StringBuilder each = new StringBuilder();
            PoolFigures.fundingByAsset(risk).forEach((k, v) -> each.append(each.length() == 0 ? "" : "\n")
                    .append(Amounts.signed(fmt, v, k)));
            fundingDetail = each.toString();
        }

        AdlQueue.Standing adl = selectedId == null ? null : standings.get(selectedId);
        String adlWho = selectedId;
        if (adl == null) {
            for (PositionRisk p : risk.positions()) {
                AdlQueue.Standing st = standings.get(p.id());
                if (st != null && (adl == null || st.lights() > adl.lights())) {
                    adl = st;
                    adlWho = p.id();
                }
            }
        }
        String adlDetail = adl == null ? (risk.positions().isEmpty() ? "no positions" : "no ADL standing")
                : AdlText.brief(adlWho, adl);
        String adlStanding = adl == null ? adlDetail
                : (adlWho.equals(selectedId) ? "selected " : "most at risk: ") + adlWho + ": "
                + AdlText.standing(fmt, adl);
        int quintile = adl == null ? 0 : adl.lights();
        Boolean adlInLine = adl == null ? null : adl.inLine();

        Double available = finite(a.availableBalance());
        // a coin pool's line by line: its name, then the amounts (in the asset of the value above)
        String availableDetail = coin == null ? "bal. " + fmt.money(a.marginBalance()) + "\n− IM "
                + fmt.money(a.initialMargin()) : asset + " cross pool\nbal. " + fmt.number(a.marginBalance(),
                Amounts.decimals(asset)) + "\n− IM " + fmt.number(a.initialMargin(), Amounts.decimals(asset));

        return new TileValues(ratio, ratioLevel(ratio), ratioDetail, pool, nearestDistance, distanceLevel(nearestDistance),
                nearestDetail, fundingValue, fundingDetail, quintile, adlInLine, adlDetail, adlStanding, available, availableDetail,
                "", fundingAsset, asset);
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }
}
