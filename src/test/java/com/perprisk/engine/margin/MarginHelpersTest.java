package com.perprisk.engine.margin;

import com.perprisk.engine.Convention;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;
import com.perprisk.engine.Tables;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MarginHelpersTest {

    @Test
    void averageEntryIsSizeWeighted() {
        assertEquals((1 * 60_000 + 3 * 62_000) / 4.0, AverageEntry.of(List.of(new AverageEntry.Fill(1, 60_000),
                new AverageEntry.Fill(3, 62_000))), 1e-9);
        assertThrows(EngineException.class, () -> AverageEntry.of(List.of(new AverageEntry.Fill(-1, 60_000))));
        assertThrows(EngineException.class, () -> AverageEntry.of(List.of()));
    }

    @Test
    void targetPriceRoundTripsTheRoe() {
        double p = TargetPrice.forRoe(Side.LONG, 60_000, 10, 0.5);
        assertEquals(63_000, p, 1e-9);
        assertEquals(0.5, TargetPrice.roeAt(Side.LONG, 60_000, 10, p), 1e-12);
        assertEquals(57_000, TargetPrice.forRoe(Side.SHORT, 60_000, 10, 0.5), 1e-9);
        assertThrows(EngineException.class, () -> TargetPrice.forRoe(Side.LONG, 60_000, 10, -20));
    }

    @Test
    void maxOpenIsBoundByBalanceOrByTheLastBracketAllowingTheLeverage() {
        TierTable t = TierTable.resolve(Convention.BINANCE, Tables.binanceBtc2024());
        // 1,000 at 20x with no fee: 20,000 notional, well inside the 125x bracket
        var small = MaxOpen.of(1_000, 20, 60_000, t, 0);
        assertEquals(20_000, small.notional(), 1e-9);
        assertEquals("balance", small.limitedBy());
        // 100x is allowed only up to the 600,000 cap
        var big = MaxOpen.of(1e6, 100, 60_000, t, 0);
        assertEquals(600_000, big.notional(), 1e-9);
        assertEquals(10, big.size(), 1e-12);
        assertEquals("tier", big.limitedBy());
        // the fee to open is paid from the same balance
        assertEquals(1_000 / (1 / 20.0 + 0.0005), MaxOpen.of(1_000, 20, 60_000, t, 0.0005).notional(), 1e-9);
        assertThrows(EngineException.class, () -> MaxOpen.of(1_000, 150, 60_000, t, 0));
    }
}
