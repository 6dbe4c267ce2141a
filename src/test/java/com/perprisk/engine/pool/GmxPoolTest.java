package com.perprisk.engine.pool;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;
import com.perprisk.engine.pool.GmxPool.PoolPosition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gmx-synthetics README's worked examples, and the contracts' liquidation and ADL conditions. */
class GmxPoolTest {
    private static GmxPool pool(double longUsd, double shortUsd, double price, double impactFactor,
                                double fundingFactor, List<PoolPosition> positions) {
        return new GmxPool(longUsd, shortUsd, price, 0, 0, 1.0, 0.45, 0.4, 0.001, impactFactor, impactFactor, 2,
                fundingFactor, 1, 0, 1, 0.01, 5, positions);
    }

    private static PoolPosition pos(Side side, double sizeUsd, double entry, double collateral) {
        return new PoolPosition(side, sizeUsd, sizeUsd / entry, collateral, 0);
    }

    @Test
    void fundingExampleOfTheReadme() {
        // funding factor 1 / 50,000 per second, exponent 1, long OI 150,000, short OI 50,000:
        // longs pay 0.001% per second, shorts receive 0.003%
        GmxPool p = pool(1e6, 1e6, 5000, 0, 1.0 / 50_000, List.of(pos(Side.LONG, 150_000, 5000, 15_000),
                pos(Side.SHORT, 50_000, 5000, 5_000)));
        assertEquals(0.00001, p.fundingPerSecond(Side.LONG), 1e-15);
        assertEquals(-0.00003, p.fundingPerSecond(Side.SHORT), 1e-15);
    }

    @Test
    void priceImpactExampleOfTheReadme() {
        // exponent 2, factor 0.01 / 50,000: from balance to 50,000 imbalance costs 500; from 50,000 to 25,000
        // rebates 375
        GmxPool p = pool(1e6, 1e6, 5000, 0.01 / 50_000, 0, List.of());
        assertEquals(-500, p.impact(0, 50_000), 1e-9);
        assertEquals(375, p.impact(50_000, 25_000), 1e-9);
        // the same through a trade: a 50,000 long into an empty book
        assertEquals(-500, p.priceImpact(Side.LONG, 50_000), 1e-9);
        // crossover: longs 50,000 ahead, a 75,000 short leaves shorts 25,000 ahead: + 500 − 125
        GmxPool skewed = pool(1e6, 1e6, 5000, 0.01 / 50_000, 0, List.of(pos(Side.LONG, 50_000, 5000, 5000)));
        assertEquals(500 - 125, skewed.priceImpact(Side.SHORT, 75_000), 1e-9);
    }

    @Test
    void poolValueSubtractsTraderPnlCappedAndTheImpactPool() {
        // longs up 10% on 100,000: PnL 10,000; cap 5% of the 100,000 long pool = 5,000
        GmxPool p = new GmxPool(100_000, 100_000, 5500, 2, 300, 0.05, 0.45, 0.4, 0.001, 0, 0, 2, 0, 1, 0, 1, 0.01, 0,
                List.of(pos(Side.LONG, 100_000, 5000, 10_000)));
        assertEquals(10_000, p.pnl(Side.LONG), 1e-9);
        assertEquals(5_000, p.cappedPnl(Side.LONG), 1e-9);
        assertEquals(100_000 + 100_000 + 300 - 5_000 - 2 * 5500, p.poolValue(), 1e-9);
    }

    @Test
    void adlWhenPnlOutgrowsThePool() {
        // long PnL 50,000 on a 100,000 long pool: factor 0.5 > 0.45 → ADL to 0.4
        GmxPool p = pool(100_000, 100_000, 7500, 0, 0, List.of(pos(Side.LONG, 100_000, 5000, 10_000)));
        assertEquals(0.5, p.pnlToPoolFactor(Side.LONG), 1e-12);
        assertTrue(p.adlRequired(Side.LONG));
        double s = p.adlShare(Side.LONG);
        assertEquals((50_000 - 0.4 * 100_000) / (50_000 * 0.6), s, 1e-12);
        // after closing s of the size, (1 − s) PnL / (pool − s PnL) is the min factor
        assertEquals(0.4, (1 - s) * 50_000 / (100_000 - s * 50_000), 1e-12);
        assertFalse(p.adlRequired(Side.SHORT));
        assertEquals(0, p.adlShare(Side.SHORT), 0.0);
    }

    @Test
    void liquidationWhenRemainingCollateralFallsBelowTheMinimum() {
        // 10x long of 50,000 at 5,000 with 5,000 collateral; price 4,560: PnL −4,400, close fee 50
        GmxPool p = pool(1e6, 1e6, 4560, 0, 0, List.of(pos(Side.LONG, 50_000, 5000, 5000)));
        GmxPool.Liquidation l = p.liquidation(p.positions().get(0));
        assertEquals(-4_400, l.pnl(), 1e-9);
        assertEquals(50, l.closeFee(), 1e-9);
        assertEquals(550, l.remainingCollateral(), 1e-9);
        assertEquals(500, l.minCollateral(), 1e-9); // 1% of 50,000
        assertFalse(l.liquidatable());
        GmxPool lower = pool(1e6, 1e6, 4550, 0, 0, p.positions());
        GmxPool.Liquidation l2 = lower.liquidation(lower.positions().get(0));
        assertEquals(450, l2.remainingCollateral(), 1e-9);
        assertTrue(l2.liquidatable());
        assertEquals("below size × min collateral factor", l2.reason());
    }

    @Test
    void positionFeeIsTheFactorOfTheSizeChange() {
        GmxPool p = pool(1e6, 1e6, 5000, 0, 0, List.of());
        assertEquals(50, p.positionFee(50_000), 1e-12);
        assertEquals(50, p.positionFee(-50_000), 1e-12);
    }

    @Test
    void badPoolsAreRefused() {
        assertThrows(EngineException.class, () -> new GmxPool(1, 1, 1, 0, 0, 1, 0.3, 0.4, 0, 0, 0, 2, 0, 1, 0, 1, 0,
                0, List.of()));
        assertThrows(EngineException.class, () -> pool(1, 1, 1, 0, 0, List.of()).priceImpact(Side.LONG, -10));
    }
}
