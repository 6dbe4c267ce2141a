package com.perprisk.engine;

import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskCurves;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole report for the reference's examples: account, positions, markets, explanations. */
class RiskEngineTest {

    static Portfolio faq() {
        Market btc = Market.simple("BTCUSDT", Convention.BINANCE, 31_967.27,
                TierTable.resolve(Convention.BINANCE, Tables.binanceBtc2021()));
        Market eth = Market.simple("ETHUSDT", Convention.BINANCE, 1_335.18,
                TierTable.resolve(Convention.BINANCE, Tables.binanceEth2021()));
        return new Portfolio(new Account(1_535_443.01, PositionMode.ONE_WAY), List.of(btc, eth),
                List.of(Position.cross("btc", "BTCUSDT", Side.LONG, 109.488, 32_481.98, 20),
                        Position.cross("eth", "ETHUSDT", Side.LONG, 3_683.979, 1_456.84, 20)), 720);
    }

    @Test
    void binanceFaqCrossReport() {
        PortfolioRisk r = RiskEngine.evaluate(faq(), true);
        PositionRisk btc = r.position("btc").orElseThrow();
        PositionRisk eth = r.position("eth").orElseThrow();
        assertEquals(26_316.89, btc.liquidationPrice(), 0.005);
        assertEquals(1_153.26, eth.liquidationPrice(), 0.005);
        // uPnL = side × Q × (MP − EP)
        assertEquals(109.488 * (31_967.27 - 32_481.98), btc.unrealizedPnl(), 1e-6);
        // account: WB + Σ uPnL, Σ MM at the marks, ratio = Σ MM / balance
        double upnl = btc.unrealizedPnl() + eth.unrealizedPnl();
        assertEquals(1_535_443.01 + upnl, r.account().marginBalance(), 1e-6);
        double btcMm = 109.488 * 31_967.27 * 0.025 - 16_300;
        double ethMm = 3_683.979 * 1_335.18 * 0.10 - 135_365;
        assertEquals(btcMm, btc.maintenanceMargin(), 1e-6);
        assertEquals(4, btc.bracket());
        assertEquals(ethMm, eth.maintenanceMargin(), 1e-6);
        assertEquals((btcMm + ethMm) / r.account().marginBalance(), r.account().marginRatio(), 1e-12);
        assertEquals(r.account().marginRatio(), btc.marginRatio(), 1e-12);
        // explanations carry the substituted Binance formula
        var ex = btc.explanations().get(ExplainKey.LIQUIDATION_PRICE);
        assertTrue(ex.formula().startsWith("LP = (WB + UPNL − TMM + cum − Q × EP)"), ex.formula());
        assertTrue(ex.substituted().contains("1535443.01"), ex.substituted());
        assertEquals(btc.liquidationPrice(), ex.result());
        assertNotNull(r.accountExplanations().get(ExplainKey.MARGIN_RATIO));
    }

    @Test
    void isolatedLongSixtyThousandShowsBothMeasures() {
        Market m = Market.simple("BTCUSDT", Convention.BINANCE, 60_000, Tables.single(125, 0.005));
        Portfolio p = new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(m),
                List.of(Position.isolated("p", "BTCUSDT", Side.LONG, 1, 60_000, 10)), 720);
        PositionRisk r = RiskEngine.evaluate(p, true).positions().get(0);
        assertEquals(54_271.36, r.liquidationPrice(), 0.005);
        assertEquals(54_000, r.bankruptcyPrice(), 1e-9);
        assertEquals(6_000, r.initialMargin(), 1e-9);
        assertEquals(300, r.maintenanceMargin(), 1e-9);
        assertEquals(0.05, r.marginRatio(), 1e-12);
        assertEquals((60_000 - 54_271.356783919595) / 60_000, r.distanceToLiquidation(), 1e-9);
        var notes = String.join("\n", r.explanations().get(ExplainKey.LIQUIDATION_PRICE).notes());
        assertTrue(notes.contains("54300"), notes);
    }

    @Test
    void fundingFiguresOfAPosition() {
        Market m = new Market("BTCUSDT", Convention.BINANCE, 60_000, 60_000, 0, Tables.single(125, 0.004), null,
                new FundingTerms(0.0001, 8), new DatedFuture(61_500, 90));
        Portfolio p = new Portfolio(new Account(10_000, PositionMode.HEDGE), List.of(m),
                List.of(Position.cross("l", "BTCUSDT", Side.LONG, 2, 60_000, 10),
                        Position.cross("s", "BTCUSDT", Side.SHORT, 1, 60_000, 10)), 720);
        PortfolioRisk r = RiskEngine.evaluate(p);
        // payment = −side × Q × MP × F: the long pays 12, the short receives 6, 90 settlements in 720h
        assertEquals(-12, r.position("l").orElseThrow().fundingPerSettlement(), 1e-9);
        assertEquals(6, r.position("s").orElseThrow().fundingPerSettlement(), 1e-9);
        assertEquals(-12 * 90, r.position("l").orElseThrow().fundingOverHorizon(), 1e-9);
        assertEquals(0.1095, r.markets().get(0).fundingApr(), 1e-12);
        assertEquals(Math.pow(1.0001, 1095) - 1, r.markets().get(0).fundingApy(), 1e-12);
        assertEquals(1_500, r.markets().get(0).basis(), 1e-9);
        assertEquals(0.025, r.markets().get(0).basisRate(), 1e-12);
        assertEquals(0.025 * 365 / 90, r.markets().get(0).annualizedBasis(), 1e-12);
        // hedge legs in cross share one liquidation price
        assertEquals(r.position("l").orElseThrow().liquidationPrice(), r.position("s").orElseThrow()
                .liquidationPrice());
    }

    @Test
    void noFutureGivesNullBasisAndNoLiquidationIsNull() {
        Market m = Market.simple("BTCUSDT", Convention.BINANCE, 60_000, Tables.single(125, 0.004));
        Portfolio p = new Portfolio(new Account(1_000_000, PositionMode.ONE_WAY), List.of(m),
                List.of(Position.cross("p", "BTCUSDT", Side.LONG, 1, 60_000, 10)), 720);
        PortfolioRisk r = RiskEngine.evaluate(p);
        assertNull(r.markets().get(0).basis());
        assertNull(r.positions().get(0).liquidationPrice());
        assertNull(r.positions().get(0).distanceToLiquidation());
        assertNull(r.positions().get(0).bankruptcyPrice());
    }

    @Test
    void curvesMeetAtTheLiquidationPrice() {
        Portfolio p = faq();
        double lp = RiskEngine.evaluate(p).position("btc").orElseThrow().liquidationPrice();
        var curve = RiskCurves.equityCurve(p, "btc", new double[]{lp});
        assertEquals(curve.balance()[0], curve.requirement()[0], 1e-6);
        assertEquals(1.0, curve.marginRatio()[0], 1e-9);
        var lev = RiskCurves.liquidationByLeverage(p, "btc", RiskCurves.range(1, 20, 200));
        // higher leverage, higher long LP; the bracket at LP changes somewhere on the way
        assertTrue(lev.prices()[199] > lev.prices()[100]);
        var drift = RiskCurves.fundingDrift(p, "btc", 10);
        assertEquals(11, drift.hours().length);
    }
}
