package com.perprisk.engine.tier;

import com.perprisk.engine.Convention;
import com.perprisk.engine.Tables;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TierTableTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void publishedBinanceAmountsAgreeWithTheRecursion() {
        TierTable t = TierTable.resolve(Convention.BINANCE, Tables.binanceBtc2024());
        assertTrue(t.issues().isEmpty(), t.issues().toString());
        assertEquals(12, t.size());
        // derived and published are the same thing
        List<TierSpec> derived = Tables.binanceBtc2024().stream()
                .map(s -> TierSpec.derived(s.floor(), s.cap(), s.maxLeverage(), s.mmr())).toList();
        TierTable d = TierTable.resolve(Convention.BINANCE, derived);
        for (int i = 0; i < t.size(); i++) {
            assertEquals(t.tier(i).maintenanceAmount(), d.tier(i).maintenanceAmount(), 1e-6);
        }
    }

    @Test
    void binanceFaqChecksOn2021Table() {
        TierTable t = TierTable.resolve(Convention.BINANCE, Tables.binanceBtc2021());
        // "a 264,000 position has MMR 1%"; "level 3's maintenance amount is 250,000 × (1% − 0.5%) + 50 = 1,300"
        assertEquals(0.01, t.bracketOf(264_000).mmr());
        assertEquals(1_300, t.tier(2).maintenanceAmount(), 1e-9);
        assertEquals(50, t.maxLeverage(264_000));
    }

    @Test
    void lookupAtAnExactFloorTakesTheUpperBracketWithTheSameMaintenance() {
        TierTable t = TierTable.resolve(Convention.BINANCE, Tables.binanceBtc2024());
        assertEquals(1, t.bracketIndex(50_000));
        assertEquals(0, t.bracketIndex(49_999.99));
        assertEquals(t.tier(0).maintenanceMargin(50_000), t.maintenanceMargin(50_000), 1e-9);
        assertEquals(100, t.maxLeverage(50_000));
        assertEquals(125, t.maxLeverage(0));
        // beyond the last cap the last bracket still charges
        assertEquals(11, t.bracketIndex(5e9));
    }

    @Test
    void maintenanceIsContinuousAtEveryFloor() {
        TierTable t = TierTable.resolve(Convention.BINANCE, Tables.binanceBtc2024());
        for (int k = 1; k < t.size(); k++) {
            double f = t.tier(k).floor();
            assertEquals(t.tier(k - 1).maintenanceMargin(f), t.tier(k).maintenanceMargin(f), 1e-6 * f);
        }
    }

    @Test
    void aMaintenanceAmountOffTheRecursionIsAWarningAndKept() {
        TierTable t = TierTable.resolve(Convention.BINANCE, List.of(
                TierSpec.of(0, 50_000, 125, 0.004, 0), TierSpec.of(50_000, INF, 100, 0.005, 75)));
        assertEquals(75, t.tier(1).maintenanceAmount());
        assertEquals(1, t.issues().size());
        assertEquals("maintenanceAmount", t.issues().get(0).field());
        assertTrue(t.issues().get(0).message().contains("50"), t.issues().get(0).message());
    }

    @Test
    void structuralErrorsAreRefusedWithEveryIssue() {
        var ex = assertThrows(TierTable.InvalidTierTableException.class, () -> TierTable.resolve(Convention.BINANCE,
                List.of(TierSpec.of(0, 60_000, 125, 0.004, 0), new TierSpec(50_000, INF, 100, 0.005, null))));
        assertTrue(ex.getMessage().contains("overlaps"), ex.getMessage());
        assertThrows(TierTable.InvalidTierTableException.class, () -> TierTable.resolve(Convention.BINANCE,
                List.of(new TierSpec(50_000, INF, 100, 0.005, null), TierSpec.of(0, 50_000, 125, 0.004, 0))));
        var gap = TierTable.validateShape(Convention.BINANCE, List.of(TierSpec.of(0, 40_000, 125, 0.004, 0),
                new TierSpec(50_000, INF, 100, 0.005, null)));
        assertTrue(gap.get(0).message().contains("gap"), gap.toString());
        var falling = TierTable.validateShape(Convention.BINANCE, List.of(TierSpec.of(0, 50_000, 125, 0.005, 0),
                new TierSpec(50_000, INF, 100, 0.004, null)));
        assertEquals("mmr", falling.get(0).field());
        var rising = TierTable.validateShape(Convention.BINANCE, List.of(TierSpec.of(0, 50_000, 50, 0.004, 0),
                new TierSpec(50_000, INF, 100, 0.005, null)));
        assertEquals("maxLeverage", rising.get(0).field());
        var nan = TierTable.validateShape(Convention.BINANCE, List.of(TierSpec.of(0, INF, 125, Double.NaN, 0)));
        assertEquals("mmr", nan.get(0).field());
        assertTrue(TierTable.validateShape(Convention.BINANCE, List.of()).get(0).isError());
    }

    @Test
    void conventionsFillWhatTheyOwn() {
        TierTable hl = TierTable.resolve(Convention.HYPERLIQUID, List.of(new TierSpec(0, 100e6, 25, null, null),
                new TierSpec(100e6, INF, 15, null, null)));
        assertEquals(0.02, hl.tier(0).mmr(), 1e-15);
        assertEquals(100e6 * (1 / 30.0 - 0.02), hl.tier(1).maintenanceAmount(), 1e-6);
        TierTable okx = TierTable.resolve(Convention.OKX, List.of(TierSpec.of(0, 1e6, 100, 0.004, 0),
                TierSpec.of(1e6, INF, 50, 0.008, 4_000)));
        assertEquals(0, okx.tier(1).maintenanceAmount());
        assertEquals(1, okx.issues().size(), "the ignored amount is reported");
    }
}
