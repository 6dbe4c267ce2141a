package com.perprisk.ui.charts;

import com.perprisk.engine.Portfolio;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.ui.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartModelsTest {
    private final Portfolio portfolio = Fixtures.portfolio();
    private final PortfolioRisk risk = RiskEngine.evaluate(portfolio, true);

    /** Linear interpolation of the x where y crosses 0. */
    private static double crossing(double[] x, double[] y) {
        for (int i = 1; i < x.length; i++) {
            if (Double.isFinite(y[i - 1]) && Double.isFinite(y[i]) && Math.signum(y[i - 1]) != Math.signum(y[i])) {
                return x[i - 1] + (x[i] - x[i - 1]) * (0 - y[i - 1]) / (y[i] - y[i - 1]);
            }
        }
        return Double.NaN;
    }

    @Test
    void equityCrossesTheRequirementAtTheLiquidationPrice() {
        for (String id : List.of("p1", "p2", "p3")) {
            PositionRisk r = risk.position(id).orElseThrow();
            ChartData d = ChartModels.equity(portfolio, risk, id, 500);
            ChartData.Curve bal = d.curve("Margin balance");
            ChartData.Curve req = d.curve("Maintenance requirement");
            assertEquals(500, bal.x().length);
            double[] diff = new double[500];
            for (int i = 0; i < 500; i++) {
                diff[i] = bal.y()[i] - req.y()[i];
            }
            double lp = crossing(bal.x(), diff);
            assertEquals(r.liquidationPrice(), lp, r.liquidationPrice() * 1e-4, id);
            assertTrue(d.markers().stream().anyMatch(m -> m.kind().equals("lp")
                    && Math.abs(m.value() - r.liquidationPrice()) < 1e-9));
            assertTrue(d.markers().stream().anyMatch(m -> m.kind().equals("bp")));
            assertTrue(d.markers().stream().anyMatch(m -> m.kind().equals("entry")));
        }
        // isolated long 1 BTC at 60,000, 10x under the 2024 brackets: LP notional in bracket 2 (0.5%, cum 50)
        assertEquals((60_000 - 6_000 - 50) / 0.995, risk.position("p3").orElseThrow().liquidationPrice(), 0.01);
    }

    @Test
    void marginRatioIsOneHundredPercentAtTheLiquidationPrice() {
        PositionRisk r = risk.position("p3").orElseThrow();
        ChartData d = ChartModels.marginRatio(portfolio, risk, "p3", 500);
        ChartData.Curve c = d.curve("Margin ratio");
        double[] shifted = new double[c.y().length];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = c.y()[i] - 100;
        }
        assertEquals(r.liquidationPrice(), crossing(c.x(), shifted), r.liquidationPrice() * 1e-4);
        for (double v : c.y()) {
            assertTrue(Double.isNaN(v) || (v >= 0 && v <= 300));
        }
    }

    @Test
    void liquidationByLeverageStepsWhereTheBracketChanges() {
        // a 15 BTC long at 60,000 = 900,000 notional, bracket 3 at entry: the LP notional falls into bracket 2
        // at low leverage, so the bracket changes along the sweep
        Portfolio big = portfolio.withPositions(List.of(
                com.perprisk.engine.Position.isolated("big", "BTCUSDT", com.perprisk.engine.Side.LONG, 15, 60_000,
                        10)));
        PortfolioRisk r = RiskEngine.evaluate(big, false);
        ChartData d = ChartModels.liquidationByLeverage(big, r, "big", 500);
        assertTrue(d.markers().stream().anyMatch(m -> m.kind().equals("step")), d.markers().toString());
        ChartData.Curve c = d.curve("Liquidation price");
        // a long's LP rises with leverage
        double prev = Double.NEGATIVE_INFINITY;
        for (double v : c.y()) {
            if (Double.isFinite(v)) {
                assertTrue(v >= prev - 1e-6);
                prev = v;
            }
        }
    }

    @Test
    void fundingDriftMovesTheIsolatedLiquidationPriceTheExpectedWay() {
        // p3: isolated long paying positive funding: margin shrinks, so its LP rises
        List<ChartData> d = ChartModels.funding(portfolio, risk, "p3");
        ChartData.Curve cum = d.get(0).curve("Cumulative funding");
        ChartData.Curve lp = d.get(1).curve("Liquidation price");
        int n = cum.y().length;
        assertEquals(720 / 8 + 1, n);
        assertTrue(cum.y()[n - 1] < 0);
        assertTrue(lp.y()[n - 1] > lp.y()[0]);
        // p2: isolated short receiving positive funding: margin grows, its LP moves up (away)
        List<ChartData> s = ChartModels.funding(portfolio, risk, "p2");
        ChartData.Curve scum = s.get(0).curve("Cumulative funding");
        ChartData.Curve slp = s.get(1).curve("Liquidation price");
        assertTrue(scum.y()[scum.y().length - 1] > 0);
        assertTrue(slp.y()[slp.y().length - 1] > slp.y()[0]);
    }

    @Test
    void carryShowsEveryMarketAndDefaultsToTheFirstPosition() {
        ChartData c = ChartModels.carry(risk);
        assertEquals(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT"), c.categories());
        assertEquals(risk.markets().get(0).premium() * 100, c.curves().get(0).y()[0], 1e-12);
        assertTrue(Double.isNaN(c.curves().get(1).y()[1])); // ETH has no dated future
        assertEquals("p1", ChartModels.target(portfolio, null).id());
        assertEquals("p1", ChartModels.target(portfolio, "gone").id());
        assertFalse(ChartModels.compute(ChartModels.Kind.EQUITY, null, null, null, 500).get(0).message().isEmpty());
    }
}
