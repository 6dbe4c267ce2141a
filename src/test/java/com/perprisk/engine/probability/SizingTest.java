package com.perprisk.engine.probability;

import com.perprisk.engine.Convention;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SizingTest {

    @Test
    void largestSizeKeepsTheProbabilityAtTheLevel() {
        Position p = Position.isolated("p", "BTCUSDT", Side.LONG, 1, 60_000, 10);
        Portfolio pf = MonteCarloLiquidationTest.one(p, Convention.BINANCE, 60_000, 0);
        double years = 168 / 8760.0;
        var a = Sizing.largestSize(pf, "p", 0.8, 0, years, 0.05);
        assertTrue(a.bounded());
        assertEquals(0.05, a.probability(), 1e-6);
        // the margin (6,000) is held: a smaller size than 1 BTC is needed for only 5%
        assertTrue(a.value() < 1 && a.value() > 0.1, "size " + a.value());
    }

    @Test
    void largestLeverageIsBisectedWithinTheBracketLimit() {
        Position p = Position.isolated("p", "BTCUSDT", Side.SHORT, 1, 60_000, 10);
        Portfolio pf = MonteCarloLiquidationTest.one(p, Convention.BINANCE, 60_000, 0);
        var a = Sizing.largestLeverage(pf, "p", 0.8, 0, 24 / 8760.0, 0.01);
        assertTrue(a.value() > 1 && a.value() < 125);
        assertEquals(0.01, a.probability(), 1e-6);
        var cross = MonteCarloLiquidationTest.one(Position.cross("c", "BTCUSDT", Side.LONG, 1, 60_000, 10),
                Convention.BINANCE, 60_000, 10_000);
        assertThrows(EngineException.class, () -> Sizing.largestLeverage(cross, "c", 0.8, 0, 0.01, 0.01));
    }

    @Test
    void largestSizeForALossAtAStop() {
        // long at 60,000, stop 57,000, 0.05% taker: per unit 3,000 + 0.0005 × 117,000 = 3,058.5
        double q = Sizing.largestSizeForLoss(Side.LONG, 60_000, 57_000, 6_117, 0.0005);
        assertEquals(2.0, q, 1e-12);
        assertEquals(6_117, Sizing.lossAtStop(q, 60_000, 57_000, 0.0005), 1e-9);
        assertEquals(1.0, Sizing.largestSizeForLoss(Side.SHORT, 100, 110, 10, 0), 1e-12);
        assertThrows(EngineException.class, () -> Sizing.largestSizeForLoss(Side.LONG, 60_000, 61_000, 100, 0));
    }
}
