package com.perprisk.ui.charts;

import com.perprisk.engine.Portfolio;
import com.perprisk.engine.inverse.PositionPool;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceMapper;
import com.perprisk.ui.format.Formats;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The equity chart of a coin-margined position, without a screen: in the coin, with the same curves in USD on a right axis. */
class InverseChartsTest {
    private static final Formats FMT = new Formats(Locale.US);

    @Test
    void theEquityOfTheBtcPoolIsInBtcWithItsUsdValueOnTheRightAxis() throws Exception {
        Portfolio pf = WorkspaceMapper.toPortfolio(WorkspaceCodec.read(
                Path.of("resources/workspaces/coin-margined-mix.perprisk.json"))).portfolio();
        PortfolioRisk risk = RiskEngine.evaluate(pf, false);
        ChartData d = new EquityChartModel(null, FMT).compute(ChartInput.of(pf, pf, risk, "btc-long", ""));
        assertNull(d.message());
        assertEquals("BTC", d.yLabel());
        assertTrue(d.xLabel().endsWith("(USD)"), d.xLabel());
        assertTrue(d.title().contains("BTC cross pool"), d.title());
        ChartData.Series bal = d.series(EquityChartModel.BALANCE);
        PositionPool pool = PositionPool.of(pf, "btc-long");
        for (int i = 0; i < bal.size(); i += 50) {
            assertEquals(pool.marginBalance(bal.x()[i]), bal.y()[i], 1e-12);
        }
        // no second chart: the USD curves are on the same chart, read on a USD axis on the right scaled at the mark
        assertNull(d.companion());
        assertNotNull(d.rightAxis());
        assertEquals("USD", d.rightAxis().unit());
        assertEquals("USD (BTC × P)", d.rightAxis().label());
        assertEquals(60_000, d.rightAxis().scale());
        assertFalse(bal.right());
        ChartData.Series balUsd = d.series(EquityChartModel.BALANCE_USD);
        ChartData.Series reqUsd = d.series(EquityChartModel.REQUIREMENT_USD);
        assertTrue(balUsd.right() && reqUsd.right());
        for (int i = 0; i < balUsd.size(); i += 50) {
            double p = balUsd.x()[i];
            assertEquals(pool.marginBalance(p) * p, balUsd.y()[i], 1e-6);
            assertEquals(pool.requirement(p, Requirement.MAINTENANCE) * p, reqUsd.y()[i], 1e-6);
        }
        // the liquidation marker is the engine's price, where balance and requirement meet
        double lp = risk.position("btc-long").orElseThrow().liquidationPrice();
        assertEquals(lp, d.marker("LP").value(), 1e-9);
        assertEquals(pool.marginBalance(lp), pool.requirement(lp, Requirement.MAINTENANCE), 1e-12);
    }

    @Test
    void aLinearPositionsEquityHasNoRightAxis() throws Exception {
        Portfolio pf = WorkspaceMapper.toPortfolio(WorkspaceCodec.read(
                Path.of("resources/workspaces/coin-margined-mix.perprisk.json"))).portfolio();
        PortfolioRisk risk = RiskEngine.evaluate(pf, false);
        ChartData d = new EquityChartModel(null, FMT).compute(ChartInput.of(pf, pf, risk, "usdt", ""));
        assertNull(d.companion());
        assertNull(d.rightAxis());
        assertTrue(d.series().stream().noneMatch(ChartData.Series::right));
        assertEquals("USDT", d.yLabel());
    }

    @Test
    void theFundingOfTheBtcPoolIsInBtcWithUsdAtTheMarkOnTheRight() throws Exception {
        Portfolio pf = WorkspaceMapper.toPortfolio(WorkspaceCodec.read(
                Path.of("resources/workspaces/coin-margined-mix.perprisk.json"))).portfolio();
        PortfolioRisk risk = RiskEngine.evaluate(pf, false);
        ChartData btc = new FundingChartModel(null, FMT).compute(ChartInput.of(pf, pf, risk, "btc-long", ""));
        assertEquals("Funding (BTC)", btc.yLabel()); // paid in the coin, not in USD
        ChartData.Series paid = btc.series(FundingChartModel.CUMULATIVE);
        assertEquals("BTC", paid.unit());
        // one settlement: −side × N(mark) × rate = −300 × 100 / 60,000 × 0.0001 BTC
        assertEquals(-300 * 100 / 60_000.0 * 0.0001, paid.y()[1], 1e-15);
        assertEquals(60_000, btc.rightAxis().scale());
        assertTrue(btc.rightAxis().label().startsWith("USD"));
        assertNull(btc.companion().rightAxis()); // the LP drift is in USD already
        ChartData usdt = new FundingChartModel(null, FMT).compute(ChartInput.of(pf, pf, risk, "usdt", ""));
        assertEquals("Funding (USDT)", usdt.yLabel());
        assertNull(usdt.rightAxis());
    }
}
