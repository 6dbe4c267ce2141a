package com.perprisk.engine.compare;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.Tables;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 item 13: a comparison of cross positions grows linearly with them. Measured as memory allocated by the
 * comparison (not time): doubling the positions must roughly double it. Before the fix every position rebuilt every
 * cross pool at every step of its factor walk, so doubling the positions quadrupled the allocation.
 */
class VenueComparisonScaleTest {
    private static final com.perprisk.engine.tier.TierTable TABLE = com.perprisk.engine.tier.TierTable.resolve(
            Convention.BINANCE, Tables.binanceBtc2024());

    static Portfolio crossPositions(int n) {
        List<Market> markets = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double mark = 100 + i;
            markets.add(new Market("M" + i, Convention.BINANCE, mark, mark, 0.0005, TABLE, null,
                    new FundingTerms(0.0001, 8), null));
            Side side = i % 2 == 0 ? Side.LONG : Side.SHORT;
            positions.add(Position.cross("p" + i, "M" + i, side, 10 + i % 7, mark * (side == Side.LONG ? 1.01 : 0.99),
                    2 + i % 9));
        }
        return new Portfolio(new Account(2_000.0 * n, PositionMode.ONE_WAY), markets, positions, 720);
    }

    static long allocatedBy(Runnable r) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        r.run();
        return bean.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void memoryGrowsLinearlyWithCrossPositions() {
        Portfolio small = crossPositions(150);
        Portfolio large = crossPositions(600);
        for (int i = 0; i < 3; i++) {
            VenueComparison.compare(small); // warm-up
        }
        long a = allocatedBy(() -> VenueComparison.compare(small));
        long b = allocatedBy(() -> VenueComparison.compare(large));
        double ratio = (double) b / a;
        // 4 × the positions: about 4 × the allocation when linear, 16 × when quadratic
        assertTrue(ratio < 7, "allocation ratio for 4 × the positions: " + ratio);
    }
}
