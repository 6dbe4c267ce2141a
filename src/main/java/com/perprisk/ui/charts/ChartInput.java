package com.perprisk.ui.charts;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.ui.common.RiskContext;

/**
 * An immutable snapshot of the {@link RiskContext} taken on the FX thread, handed to a background sweep.
 *
 * @param portfolio  the computed portfolio (scenario applied), or null while the inputs are invalid
 * @param entered    the portfolio as entered (before the scenario), or null
 * @param risk       the engine's results for {@code portfolio}, or null
 * @param positionId the position the charts are about: the selected one, else the first; null without positions
 * @param problem    why there are no results, or empty
 */
public record ChartInput(Portfolio portfolio, Portfolio entered, PortfolioRisk risk, String positionId,
                         String problem) {

    /** Takes the snapshot; the position is the selected one if it exists, else the first. */
    public static ChartInput of(RiskContext ctx) {
        return of(ctx.getPortfolio(), ctx.enteredPortfolioProperty().get(), ctx.getRisk(),
                ctx.selectedPositionIdProperty().get(), ctx.problemProperty().get());
    }

    public static ChartInput of(Portfolio portfolio, Portfolio entered, PortfolioRisk risk, String selectedId,
                                String problem) {
        String id = null;
        if (portfolio != null) {
            if (selectedId != null && portfolio.positions().stream().anyMatch(p -> p.id().equals(selectedId))) {
                id = selectedId;
            } else if (!portfolio.positions().isEmpty()) {
                id = portfolio.positions().get(0).id();
            }
        }
        return new ChartInput(portfolio, entered, risk, id, problem == null ? "" : problem);
    }

    /** Why no chart can be drawn (no results, no position), or null when there is something to draw. */
    public String missing() {
        if (portfolio == null || risk == null) {
            return problem.isBlank() ? "No results yet." : "No results: " + problem;
        }
        if (positionId == null) {
            return "Add a position to see its charts.";
        }
        return null;
    }

    public Position position() {
        return portfolio.positions().stream().filter(p -> p.id().equals(positionId)).findFirst().orElseThrow();
    }

    public Market market() {
        return portfolio.requireMarket(position().symbol());
    }

    public PositionRisk positionRisk() {
        return risk.position(positionId).orElse(null);
    }

    /** The mark of the position's market as entered (before the scenario move). */
    public double enteredMark() {
        if (entered != null) {
            return entered.market(market().symbol()).map(Market::markPrice).orElse(market().markPrice());
        }
        return market().markPrice();
    }
}
