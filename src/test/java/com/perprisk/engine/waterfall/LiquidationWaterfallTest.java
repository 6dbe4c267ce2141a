package com.perprisk.engine.waterfall;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiquidationWaterfallTest {
    private static final double EPS = 1e-9;

    @Test
    void deficitBeyondTheFundGoesToAdl() {
        // source example: deficit 10,000, insurance fund 2,000 → ADL covers 8,000
        WaterfallResult r = LiquidationWaterfall.settle(Side.LONG, 1, 60_000, 50_000, 2_000, 0.005);
        assertEquals(10_000.0, r.deficit(), EPS);
        assertEquals(2_000.0, r.coveredByFund(), EPS);
        assertEquals(8_000.0, r.leftForAdl(), EPS);
        assertEquals(0.0, r.fundAfter(), EPS);
        assertEquals(0.0, r.fees(), 0.0);
        assertEquals(0.0, r.traderLoss(), 0.0);
        assertTrue(r.needsAdl());
    }

    @Test
    void shortFilledAboveBankruptcyIsPaidByTheFund() {
        // seed: short 1 BTC, bankruptcy 60,300, filled at 60,400 → 100 withdrawn from the fund
        WaterfallResult r = LiquidationWaterfall.settle(Side.SHORT, 1, 60_300, 60_400, 5_000, 0);
        assertEquals(100.0, r.deficit(), EPS);
        assertEquals(100.0, r.coveredByFund(), EPS);
        assertEquals(0.0, r.leftForAdl(), 0.0);
        assertEquals(4_900.0, r.fundAfter(), EPS);
        assertFalse(r.needsAdl());
    }

    @Test
    void surplusGoesToTheFundLessTheFee() {
        // seed: long 1 BTC, bankruptcy 59,700, filled at 59,800 → 100 of surplus
        WaterfallResult noFee = LiquidationWaterfall.settle(Side.LONG, 1, 59_700, 59_800, 1_000, 0);
        assertEquals(100.0, noFee.surplusToFund(), EPS);
        assertEquals(1_100.0, noFee.fundAfter(), EPS);
        assertEquals(100.0, noFee.traderLoss(), EPS);

        WaterfallResult withFee = LiquidationWaterfall.settle(Side.LONG, 1, 59_700, 59_800, 1_000, 0.0005);
        assertEquals(29.9, withFee.fees(), EPS); // 0.05% × 59,800
        assertEquals(70.1, withFee.surplusToFund(), EPS);
        assertEquals(1_070.1, withFee.fundAfter(), EPS);
        assertEquals(0.0, withFee.deficit(), 0.0);
    }

    @Test
    void feeCannotExceedTheSurplus() {
        WaterfallResult r = LiquidationWaterfall.settle(Side.LONG, 1, 59_700, 59_800, 1_000, 0.01);
        assertEquals(100.0, r.fees(), EPS);
        assertEquals(0.0, r.surplusToFund(), EPS);
        assertEquals(1_000.0, r.fundAfter(), EPS);
    }

    @Test
    void fillAtBankruptcyMovesNothing() {
        WaterfallResult r = LiquidationWaterfall.settle(Side.SHORT, 3, 60_000, 60_000, 1_000, 0.005);
        assertEquals(new WaterfallResult(0, 0, 0, 0, 0, 1_000, 0, 0), r);
    }

    @Test
    void dydxCapsThePenaltyAndReturnsTheRest() {
        // long 1 at bankruptcy 54,000 filled at 56,000: surplus 2,000, penalty capped at 1.5% × 56,000 = 840
        WaterfallResult r = LiquidationWaterfall.settleDydx(Side.LONG, 1, 54_000, 56_000, 10_000);
        assertEquals(840.0, r.surplusToFund(), EPS);
        assertEquals(840.0, r.traderLoss(), EPS);
        assertEquals(1_160.0, r.returnedToTrader(), EPS);
        assertEquals(10_840.0, r.fundAfter(), EPS);
        assertEquals(0.0, r.fees(), 0.0);
        // a small surplus is taken whole
        WaterfallResult small = LiquidationWaterfall.settleDydx(Side.LONG, 1, 54_000, 54_300, 10_000);
        assertEquals(300.0, small.surplusToFund(), EPS);
        assertEquals(0.0, small.returnedToTrader(), EPS);
    }

    @Test
    void dydxDeficitFollowsTheSameWaterfall() {
        WaterfallResult r = LiquidationWaterfall.settleDydx(Side.SHORT, 2, 66_000, 71_000, 2_000);
        assertEquals(10_000.0, r.deficit(), EPS);
        assertEquals(2_000.0, r.coveredByFund(), EPS);
        assertEquals(8_000.0, r.leftForAdl(), EPS);
    }

    @Test
    void badInputsThrow() {
        assertThrows(EngineException.class, () -> LiquidationWaterfall.settle(null, 1, 60_000, 59_000, 0, 0));
        assertThrows(EngineException.class, () -> LiquidationWaterfall.settle(Side.LONG, -1, 60_000, 59_000, 0, 0));
        assertThrows(EngineException.class, () -> LiquidationWaterfall.settle(Side.LONG, 1, 0, 59_000, 0, 0));
        assertThrows(EngineException.class,
                () -> LiquidationWaterfall.settle(Side.LONG, 1, 60_000, Double.NaN, 0, 0));
        assertThrows(EngineException.class, () -> LiquidationWaterfall.settle(Side.LONG, 1, 60_000, 59_000, -5, 0));
        assertThrows(EngineException.class, () -> LiquidationWaterfall.settle(Side.LONG, 1, 60_000, 59_000, 0, 1));
        assertThrows(EngineException.class,
                () -> LiquidationWaterfall.settleDydx(Side.LONG, 1, 60_000, 59_000, 0, -0.01));
    }

    @Test
    void moneyIsConservedAndNothingIsNegative() {
        for (int seed = 0; seed < 500; seed++) {
            Random r = new Random(seed);
            Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
            double q = r.nextDouble() * 50;
            double bp = 100 + r.nextDouble() * 100_000;
            double fill = bp * (1 + (r.nextDouble() - 0.5) * 0.1);
            double fund = r.nextInt(4) == 0 ? 0 : r.nextDouble() * 200_000;
            double feeRate = r.nextDouble() * 0.01;
            boolean dydx = r.nextBoolean();
            WaterfallResult w = dydx
                    ? LiquidationWaterfall.settleDydx(side, q, bp, fill, fund)
                    : LiquidationWaterfall.settle(side, q, bp, fill, fund, feeRate);
            double scale = Math.max(1, q * Math.max(bp, fill));
            String where = "seed " + seed;

            // trader loss − deficit + ADL transfer = fund change + fees
            double lhs = w.traderLoss() - w.deficit() + w.leftForAdl();
            double rhs = (w.fundAfter() - fund) + w.fees();
            assertEquals(lhs, rhs, 1e-9 * scale, where + ": money not conserved");
            // the parts add back up to the closing PnL measured from bankruptcy
            assertEquals(side.sign() * q * (fill - bp), w.pnlBeyondBankruptcy(), 1e-9 * scale, where);
            // the deficit is split between the fund and ADL
            assertEquals(w.deficit(), w.coveredByFund() + w.leftForAdl(), 1e-9 * scale, where);

            for (double v : new double[] {w.traderLoss(), w.surplusToFund(), w.deficit(), w.coveredByFund(),
                    w.leftForAdl(), w.fundAfter(), w.fees(), w.returnedToTrader()}) {
                assertTrue(v >= 0, where + ": negative amount in " + w);
            }
            assertTrue(w.coveredByFund() <= fund + 1e-9 * scale, where);
            assertTrue(w.leftForAdl() == 0 || w.fundAfter() == 0, where + ": ADL while the fund has money");
            assertTrue(w.deficit() == 0 || w.surplusToFund() + w.fees() + w.returnedToTrader() == 0, where);
            if (dydx) {
                assertTrue(w.surplusToFund() <= 0.015 * q * fill + 1e-9 * scale, where + ": penalty above cap");
            } else {
                assertEquals(0.0, w.returnedToTrader(), 0.0, where);
                assertTrue(w.fees() <= feeRate * q * fill + 1e-9 * scale, where);
            }
        }
    }
}
