package com.perprisk.ui.charts;

import com.perprisk.engine.Portfolio;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charts' series computed without a screen, checked against the engine's own answers. */
class ChartModelsTest {
    private static final Formats FMT = new Formats(Locale.US);
    private final Portfolio portfolio = Fixtures.portfolio();
    private final PortfolioRisk risk = RiskEngine.evaluate(portfolio, true);

    private ChartInput input(String id) {
        return ChartInput.of(portfolio, portfolio, risk, id, "");
    }

    private PositionRisk pos(String id) {
        return risk.position(id).orElseThrow();
    }

    /** x where y1 − y2 changes sign, by linear interpolation between the two sweep points around it. */
    private static double crossing(double[] x, double[] y1, double[] y2) {
        for (int i = 1; i < x.length; i++) {
            double a = y1[i - 1] - y2[i - 1];
            double b = y1[i] - y2[i];
            if (Double.isFinite(a) && Double.isFinite(b) && (a <= 0) != (b <= 0)) {
                return x[i - 1] + (x[i] - x[i - 1]) * a / (a - b);
            }
        }
        return Double.NaN;
    }

    private static double at(double[] x, double[] y, double where) {
        for (int i = 1; i < x.length; i++) {
            if (x[i - 1] <= where && where <= x[i]) {
                return y[i - 1] + (y[i] - y[i - 1]) * (where - x[i - 1]) / (x[i] - x[i - 1]);
            }
        }
        return Double.NaN;
    }

    @Test
    void theEquityCurveCrossesTheRequirementAtTheLiquidationPrice() {
        for (String id : List.of("p1", "p2", "p3")) {
            ChartData d = new EquityChartModel(null, FMT).compute(input(id));
            ChartData.Series bal = d.series(EquityChartModel.BALANCE);
            ChartData.Series req = d.series(EquityChartModel.REQUIREMENT);
            assertEquals(ChartViewModel.POINTS, bal.size());
            assertEquals(ChartViewModel.POINTS, req.size());
            double lp = pos(id).liquidationPrice();
            double step = bal.x()[1] - bal.x()[0];
            assertEquals(lp, crossing(bal.x(), bal.y(), req.y()), step * 0.05, id);
            assertEquals(lp, d.marker("LP").value(), 1e-9, id);
            assertEquals(pos(id).bankruptcyPrice(), d.marker("BP").value(), 1e-9, id);
            assertEquals(portfolio.positions().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow()
                    .entryPrice(), d.marker("Entry").value(), 0);
            // the balance is 0 at the bankruptcy price
            assertEquals(0, at(bal.x(), bal.y(), pos(id).bankruptcyPrice()), Math.abs(bal.y()[1] - bal.y()[0]), id);
            assertTrue(d.xMin() < Math.min(lp, pos(id).bankruptcyPrice()) && d.xMax() > lp, id);
        }
    }

    @Test
    void theMarginRatioCurveIsOneHundredPercentAtTheLiquidationPrice() {
        for (String id : List.of("p1", "p2", "p3")) {
            ChartData d = new MarginRatioChartModel(null, FMT).compute(input(id));
            ChartData.Series ratio = d.series(MarginRatioChartModel.RATIO);
            assertEquals(ChartViewModel.POINTS, ratio.size());
            double lp = pos(id).liquidationPrice();
            double[] hundred = new double[ratio.size()];
            java.util.Arrays.fill(hundred, 100);
            double step = ratio.x()[1] - ratio.x()[0];
            // the curve crosses 100% at the liquidation price (within one sweep step)
            assertEquals(lp, crossing(ratio.x(), ratio.y(), hundred), step, id);
            assertNotNull(d.marker("Liquidation 100%"));
            assertNotNull(d.marker("Warning 80%"));
            for (double y : ratio.y()) {
                assertTrue(Double.isNaN(y) || y >= 0 && y <= MarginRatioChartModel.CAP_PERCENT);
            }
        }
        // at the mark the curve reads the engine's margin ratio
        ChartData d = new MarginRatioChartModel(null, FMT).compute(input("p3"));
        ChartData.Series ratio = d.series(MarginRatioChartModel.RATIO);
        assertEquals(pos("p3").marginRatio() * 100, at(ratio.x(), ratio.y(), 60_000), 0.01);
    }

    @Test
    void liquidationPriceAgainstLeverageStepsWhereTheBracketChanges() {
        // 1 BTC long at 60,000: at low leverage the LP notional is in bracket 1 (< 50,000), at high in bracket 2
        ChartData d = new LeverageChartModel(null, FMT).compute(input("p3"));
        assertEquals(2, d.series().size(), d.series().toString());
        assertTrue(d.series().get(0).name().startsWith("Bracket 1 (MMR 0.4%)"), d.series().get(0).name());
        assertTrue(d.series().get(1).name().startsWith("Bracket 2 (MMR 0.5%)"), d.series().get(1).name());
        ChartData.Marker step = d.marker("Bracket 1 → 2");
        assertNotNull(step, d.markers().toString());
        assertEquals("marker-step", step.styleClass());
        // at the step the liquidation notional crosses the bracket floor: LP ≈ 50,000 for 1 BTC
        ChartData.Series b1 = d.series().get(0);
        double lastLp1 = Double.NaN;
        double lastLev1 = Double.NaN;
        for (int i = 0; i < b1.size(); i++) {
            if (Double.isFinite(b1.y()[i])) {
                lastLp1 = b1.y()[i];
                lastLev1 = b1.x()[i];
            }
        }
        double firstLp2 = Double.NaN;
        ChartData.Series b2 = d.series().get(1);
        for (int i = 0; i < b2.size() && Double.isNaN(firstLp2); i++) {
            if (Double.isFinite(b2.y()[i]) && b2.x()[i] > lastLev1) {
                firstLp2 = b2.y()[i];
            }
        }
        assertTrue(lastLp1 < 50_000 && firstLp2 >= 50_000, lastLp1 + " / " + firstLp2);
        assertTrue(step.value() >= lastLev1);
        // the sweep runs from 1× to the bracket's max leverage, 500 points, LP rising with leverage for a long
        assertEquals(1, d.xMin());
        assertEquals(100, d.xMax());
        assertEquals(ChartViewModel.POINTS, b1.size());
        assertNotNull(d.marker("Leverage 10×"));
    }

    @Test
    void fundingDriftMovesTheIsolatedLiquidationPriceTheExpectedWay() {
        // p3: isolated long, rate +0.01% per 8 h: the long pays, its margin shrinks, its LP rises towards the mark
        ChartData longChart = new FundingChartModel(null, FMT).compute(input("p3"));
        ChartData.Series paid = longChart.series(FundingChartModel.CUMULATIVE);
        assertEquals(91, paid.size()); // 720 h / 8 h = 90 settlements, plus now
        assertEquals(0, paid.y()[0], 1e-12);
        assertEquals(pos("p3").fundingOverHorizon(), paid.y()[90], 1e-6);
        assertTrue(paid.y()[90] < 0);
        ChartData.Series lp = longChart.companion().series(FundingChartModel.DRIFT);
        assertEquals(pos("p3").liquidationPrice(), lp.y()[0], 1e-6);
        assertTrue(lp.y()[90] > lp.y()[0], "a long paying funding moves its LP up");

        // p2: isolated short, rate +0.02%: the short receives, its margin grows, its LP rises away from the mark
        ChartData shortChart = new FundingChartModel(null, FMT).compute(input("p2"));
        assertTrue(shortChart.series(FundingChartModel.CUMULATIVE).y()[90] > 0);
        ChartData.Series shortLp = shortChart.companion().series(FundingChartModel.DRIFT);
        assertTrue(shortLp.y()[90] > shortLp.y()[0], "a short receiving funding moves its LP up");
    }

    @Test
    void basisChartShowsEachMarketsPremiumBasisAndCarry() {
        ChartData d = new BasisChartModel(null, FMT).compute(input("p1"));
        assertEquals(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT"), d.categories());
        assertEquals(risk.markets().get(0).premium() * 100, d.series(BasisChartModel.PREMIUM).y()[0], 1e-12);
        assertEquals(risk.markets().get(0).basisRate() * 100, d.series(BasisChartModel.BASIS_RATE).y()[0], 1e-12);
        assertTrue(Double.isNaN(d.series(BasisChartModel.BASIS_RATE).y()[1]), "ETH has no dated future");
        assertEquals(10.95, d.companion().series(BasisChartModel.FUNDING_APR).y()[0], 1e-9);
        assertEquals(risk.markets().get(2).annualizedBasis() * 100,
                d.companion().series(BasisChartModel.ANNUALIZED_BASIS).y()[2], 1e-9);
    }

    @Test
    void theSelectedPositionDefaultsToTheFirstAndMissingResultsGiveAReason() {
        assertEquals("p1", ChartInput.of(portfolio, portfolio, risk, null, "").positionId());
        assertEquals("p1", ChartInput.of(portfolio, portfolio, risk, "gone", "").positionId());
        assertEquals("p2", ChartInput.of(portfolio, portfolio, risk, "p2", "").positionId());

        ChartData none = new EquityChartModel(null, FMT).safeCompute(ChartInput.of(null, null, null, "p1",
                "BTCUSDT mark price: must be above 0"));
        assertEquals("No results: BTCUSDT mark price: must be above 0", none.message());
        assertTrue(none.series().isEmpty());

        Portfolio empty = portfolio.withPositions(List.of());
        ChartData noPosition = new LeverageChartModel(null, FMT).safeCompute(ChartInput.of(empty, empty,
                RiskEngine.evaluate(empty, true), null, ""));
        assertNotNull(noPosition.message());
        // the basis chart needs markets, not positions
        ChartData basis = new BasisChartModel(null, FMT).safeCompute(ChartInput.of(empty, empty,
                RiskEngine.evaluate(empty, true), null, ""));
        assertNull(basis.message());
    }

    @Test
    void hoverReadoutGivesExactValuesAndNeverNaN() {
        ChartData d = new EquityChartModel(null, FMT).compute(input("p3"));
        String text = ChartReadout.text(d, 55_000, FMT);
        assertTrue(text.startsWith("Mark price of BTCUSDT: "), text);
        assertTrue(text.contains("\nMargin balance: "), text);
        assertTrue(text.contains(" USDT"), text);
        ChartData r = new MarginRatioChartModel(null, FMT).compute(input("p3"));
        String far = ChartReadout.text(r, 1, FMT);
        assertFalse(far.contains("NaN") || far.contains("∞") || far.contains("Infinity"), far);
        assertEquals(1, MarkedLineChart.niceTick(0.9));
        assertEquals(2.5, MarkedLineChart.niceTick(2.3), 1e-12);
        assertEquals(5000, MarkedLineChart.niceTick(4100), 1e-9);
    }
}
