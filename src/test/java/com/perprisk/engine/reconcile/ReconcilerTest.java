package com.perprisk.engine.reconcile;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.Tables;
import com.perprisk.engine.reconcile.Reconciler.Cause;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconcilerTest {

    /** Domain §2.2: isolated long 1 BTC at 60,000, 10x, MMR 0.5%: exact LP 54,271.36, the source says ≈ 54,300. */
    static Portfolio section22(double takerFee) {
        Market m = new Market("BTCUSDT", Convention.BINANCE, 60_000, 60_000, takerFee, Tables.single(125, 0.005),
                null, new FundingTerms(0.0001, 8), null);
        Position p = Position.isolated("p", "BTCUSDT", Side.LONG, 1, 60_000, 10);
        return new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(m), List.of(p), 720);
    }

    @Test
    void bracketAtEntryExplainsTheSection22Gap() {
        var r = Reconciler.explain(section22(0.0005), "p", 54_300, ReconcileOptions.NONE);
        assertTrue(r.explained(), r.message());
        assertEquals(List.of(Cause.BRACKET_AT_ENTRY), r.best().causes());
        assertEquals(54_300, r.best().price(), 1e-9);
        assertEquals(54_271.36, r.baseline(), 0.005);
        assertTrue(r.message().contains("bracket at entry"), r.message());
    }

    @Test
    void nonsensePriceIsExplainedByNothing() {
        var r = Reconciler.explain(section22(0.0005), "p", 41_000,
                ReconcileOptions.NONE.withTick(0.1).withFundingAccrued(-25).withMarkLastSpread(8));
        assertFalse(r.explained());
        assertTrue(r.message().startsWith("None of the causes explains 41000"), r.message());
        // every combination of the 5 applicable causes was tried
        assertEquals(32, r.candidates().size());
        assertTrue(Math.abs(r.best().residual()) > 1_000);
    }

    @Test
    void baselineWithinHalfATickNeedsNoCause() {
        var r = Reconciler.explain(section22(0), "p", 54_271.4, ReconcileOptions.NONE.withTick(0.1));
        assertTrue(r.explained());
        assertTrue(r.best().causes().isEmpty());
    }

    @Test
    void combinationsOfFundingSpreadAndTick() {
        Portfolio pf = section22(0);
        // funding paid 120 since entry lowers the margin to 5,880: LP = 54,120 / 0.995 = 54,391.96; + spread 15 →
        // 54,406.96, rounded to the 0.5 tick → 54,407
        var r = Reconciler.explain(pf, "p", 54_407, ReconcileOptions.NONE.withTick(0.5).withFundingAccrued(-120)
                .withMarkLastSpread(15));
        assertTrue(r.explained(), r.message());
        assertEquals(List.of(Cause.FUNDING, Cause.MARK_VS_LAST), r.best().causes());
        // the same from a rate and a number of periods: 20 × 1 × 60,000 × 0.0001 = 120 paid
        var byRate = Reconciler.explain(pf, "p", 54_391.96, new ReconcileOptions(null, null, null, 20, null, null,
                null));
        assertEquals(List.of(Cause.FUNDING), byRate.best().causes());
    }

    @Test
    void crossPositionsOfOtherMarketsAndCloseFee() {
        Market btc = new Market("BTCUSDT", Convention.OKX, 60_000, 60_000, 0.0005,
                TierTable.resolve(Convention.OKX, Tables.binanceBtc2024()), null, FundingTerms.NONE, null);
        Market eth = Market.simple("ETHUSDT", Convention.BINANCE, 3_000, Tables.single(100, 0.005));
        Portfolio pf = new Portfolio(new Account(10_000, PositionMode.ONE_WAY), List.of(btc, eth), List.of(
                Position.cross("b", "BTCUSDT", Side.LONG, 1, 60_000, 20),
                Position.cross("e", "ETHUSDT", Side.SHORT, 10, 2_800, 20)), 720);
        // the exchange leaves ETH's loss (−2,000) out and does not count the close fee
        Portfolio alone = pf.withPositions(List.of(pf.positions().get(0)));
        // OKX picks the tier by entry size: 60,000 is in the 0.5% bracket
        double withoutBoth = (60_000 - 10_000) / (1 - 0.005);
        var r = Reconciler.explain(pf, "b", withoutBoth, ReconcileOptions.NONE);
        assertTrue(r.explained(), r.message());
        assertEquals(List.of(Cause.CLOSE_FEE, Cause.OTHER_POSITIONS), r.best().causes());
        assertTrue(alone.positions().size() == 1);
    }

    @Test
    void badInput() {
        assertThrows(EngineException.class, () -> Reconciler.explain(section22(0), "p", -1, ReconcileOptions.NONE));
        assertThrows(EngineException.class, () -> Reconciler.explain(section22(0), "nope", 50_000,
                ReconcileOptions.NONE));
        assertThrows(EngineException.class, () -> Reconciler.explain(section22(0), "p", 50_000,
                ReconcileOptions.NONE.withTick(0)));
    }
}
