package com.perprisk.engine.adl;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Explanation;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdlScoreTest {
    private static final double EPS = 1e-12;

    @Test
    void positionScoreIsPnlPercentOverMarginRatio() {
        // long 1 BTC from 60,000, mark 66,000: uPnL 6,000, PnL% 10%, MM 0.5% × 66,000 = 330
        Double score = AdlScore.positionScore(6_000, 60_000, 330, 66_000);
        assertNotNull(score);
        assertEquals(20.0, score, 1e-9);
    }

    @Test
    void pnlPercentFloorsTheEntryValueAtOne() {
        assertEquals(0.1, AdlScore.pnlPercent(6_000, 60_000), EPS);
        assertEquals(0.3, AdlScore.pnlPercent(0.3, 0.01), EPS);
        assertEquals(-0.05, AdlScore.pnlPercent(-3_000, 60_000), EPS);
    }

    @Test
    void scoreIsUndefinedWithoutMaintenanceMargin() {
        assertNull(AdlScore.positionScore(6_000, 60_000, 0, 66_000));
        assertNull(AdlScore.positionScore(6_000, 60_000, -1, 66_000));
    }

    @Test
    void bitmexMultipliesProfitAndDividesLossByEffectiveLeverage() {
        // long 1 BTC at 60,000, 10x: bankruptcy 54,000; mark 66,000 → eff. leverage 66,000 / 12,000 = 5.5
        assertEquals(5.5, AdlScore.effectiveLeverage(66_000, 54_000), EPS);
        assertEquals(0.55, AdlScore.bitmex(0.1, 66_000, 54_000), EPS);
        assertEquals(-0.05 / 5.5, AdlScore.bitmex(-0.05, 66_000, 54_000), EPS);
        // short 1 BTC at 60,000, 10x: bankruptcy 66,000; mark 57,000 → values signed negative for a short
        assertEquals(57_000.0 / 9_000, AdlScore.effectiveLeverage(-57_000, -66_000), EPS);
        assertEquals(0.05 * 57_000 / 9_000, AdlScore.bitmex(0.05, -57_000, -66_000), EPS);
    }

    @Test
    void bitmexRejectsAPositionAtBankruptcy() {
        EngineException e = assertThrows(EngineException.class, () -> AdlScore.bitmex(0.1, 54_000, 54_000));
        assertTrue(e.getMessage().contains("at or past bankruptcy"), e.getMessage());
        assertThrows(EngineException.class, () -> AdlScore.bitmex(0.1, 0, -1));
    }

    @Test
    void binanceAccountScore() {
        // uPnL 5,000 on a 10,000 wallet, MM 300: 0.5 × 300 / 15,000
        assertEquals(0.01, AdlScore.binanceAccount(5_000, 10_000, 300), EPS);
        // no profit: 0
        assertEquals(0.0, AdlScore.binanceAccount(-2_000, 10_000, 300), 0.0);
        // wallet under 1 is floored at 1
        assertEquals(100.0 * 3 / 100.5, AdlScore.binanceAccount(100, 0.5, 3), EPS);
        assertThrows(EngineException.class, () -> AdlScore.binanceAccount(100, -200, 3));
    }

    @Test
    void badInputsThrow() {
        assertThrows(EngineException.class, () -> AdlScore.positionScore(Double.NaN, 60_000, 330, 66_000));
        assertThrows(EngineException.class, () -> AdlScore.positionScore(6_000, -1, 330, 66_000));
        assertThrows(EngineException.class, () -> AdlScore.positionScore(6_000, 60_000, 330, 0));
        assertThrows(EngineException.class,
                () -> AdlScore.positionScore(6_000, 60_000, Double.POSITIVE_INFINITY, 66_000));
        assertThrows(EngineException.class, () -> AdlScore.binanceAccount(100, 1_000, Double.NaN));
    }

    @Test
    void explanationOfTheScore() {
        Explanation e = AdlScore.explain(6_000, 60_000, 330, 66_000);
        assertEquals("score = (6000 / max(1, 60000)) / (330 / 66000)", e.substituted());
        assertEquals(20.0, e.result(), 1e-9);
        assertTrue(e.notes().get(0).startsWith("PnL% = 0.1; margin ratio MM / V = 0.005"), e.notes().get(0));
        Explanation undefined = AdlScore.explain(6_000, 60_000, 0, 66_000);
        assertNull(undefined.result());
        assertTrue(undefined.toText().contains("= none"));
    }

    @Test
    void scoreRisesWithProfitAndWithLeverage() {
        for (int seed = 0; seed < 500; seed++) {
            Random r = new Random(seed);
            double entry = 10 + r.nextDouble() * 1e6;
            double value = entry * (0.5 + r.nextDouble());
            double mm = value * (0.001 + r.nextDouble() * 0.05);
            double upnl = (r.nextDouble() - 0.5) * entry;
            double more = upnl + r.nextDouble() * entry;
            double s = AdlScore.positionScore(upnl, entry, mm, value);
            assertTrue(AdlScore.positionScore(more, entry, mm, value) >= s, "seed " + seed);
            // a smaller maintenance margin (higher leverage) raises a profitable score, lowers a losing one
            double s2 = AdlScore.positionScore(upnl, entry, mm / 2, value);
            assertTrue(upnl >= 0 ? s2 >= s : s2 <= s, "seed " + seed);
            // BitMEX: sign follows PnL%, effective leverage ≥ 1 when bankrupt value has the mark's sign
            double bankrupt = value * r.nextDouble();
            double b = AdlScore.bitmex(upnl / entry, value, bankrupt);
            assertEquals(Math.signum(upnl), Math.signum(b), "seed " + seed);
        }
    }
}
