package com.perprisk.engine.cascade;

import com.perprisk.engine.Side;
import com.perprisk.engine.book.OrderBook;
import com.perprisk.engine.book.OrderBook.Level;
import com.perprisk.engine.cascade.Cascade.Holder;
import com.perprisk.engine.cascade.Cascade.MarkRule;
import com.perprisk.engine.cascade.Cascade.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CascadeTest {
    private static OrderBook ladder(double mid, double tick, int levels, double size) {
        List<Level> bids = new ArrayList<>();
        List<Level> asks = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            bids.add(new Level(mid - tick * (i + 1), size));
            asks.add(new Level(mid + tick * (i + 1), size));
        }
        return new OrderBook(bids, asks);
    }

    @Test
    void aBookMarkAmplifiesWhereAnAnchoredMarkDamps() {
        // book: 1 base every 0.1 around 100; shock sells 10 → best bid 98.9, mid (98.9 + 100.1) / 2 = 99.5
        OrderBook book = ladder(100, 0.1, 200, 1);
        List<Holder> holders = List.of(new Holder(Side.LONG, 5, 99.51, 99.0), new Holder(Side.LONG, 5, 99.26, 98.7),
                new Holder(Side.LONG, 5, 99.01, 98.4), new Holder(Side.LONG, 5, 98.76, 98.1),
                new Holder(Side.LONG, 5, 97.0, 96.0));
        Cascade.Setup s = new Cascade.Setup(book, holders, -10, 0.2, 1_000, 20);
        Outcome b = Cascade.run(s, MarkRule.BOOK_MID);
        Outcome a = Cascade.run(s, MarkRule.INDEX_ANCHORED);
        assertEquals(99.5, b.rounds().get(0).markBefore(), 1e-9);
        // each liquidation sells 5 more, the mid falls 0.25 and reaches the next liquidation price: 4 rounds
        assertEquals(4, b.liquidated());
        assertEquals(4, b.rounds().size());
        assertEquals(98.5, b.finalMark(), 1e-9);
        assertEquals(0, a.liquidated());
        assertEquals(100 + 0.2 * (99.5 - 100), a.finalMark(), 1e-9);
        assertTrue(b.markMove() > a.markMove());
    }

    @Test
    void fillsBeyondBankruptcyDrawOnTheFundThenAdl() {
        OrderBook book = new OrderBook(List.of(new Level(99, 1), new Level(90, 100)), List.of(new Level(101, 100)));
        // shock sells 1: best bid 90, mid 95.5 → the long (LP 96, BP 95) sells 10 at 90: loss 10 × 5 = 50
        Cascade.Setup s = new Cascade.Setup(book, List.of(new Holder(Side.LONG, 10, 96, 95)), -1, 1, 20, 10);
        Outcome o = Cascade.run(s, MarkRule.BOOK_MID);
        assertEquals(1, o.liquidated());
        assertEquals(-50, o.rounds().get(0).fundChange(), 1e-9);
        assertEquals(0, o.insuranceFundEnd(), 0.0);
        assertEquals(30, o.adlAmount(), 1e-9);
    }

    @Test
    void theIndexAnchoredCascadeNeverLiquidatesMoreThanTheBookMarkCascade() {
        for (int seed = 0; seed < 300; seed++) {
            Random rnd = new Random(seed);
            double mid = 10 + rnd.nextDouble() * 1000;
            List<Level> bids = new ArrayList<>();
            List<Level> asks = new ArrayList<>();
            double bid = mid * (1 - 0.0005);
            double ask = mid * (1 + 0.0005);
            int n = 20 + rnd.nextInt(80);
            for (int i = 0; i < n; i++) {
                bids.add(new Level(bid, 0.5 + rnd.nextDouble() * 10));
                asks.add(new Level(ask, 0.5 + rnd.nextDouble() * 10));
                bid -= mid * rnd.nextDouble() * 0.003 + mid * 1e-6;
                ask += mid * rnd.nextDouble() * 0.003 + mid * 1e-6;
            }
            OrderBook book = new OrderBook(bids, asks);
            boolean sell = rnd.nextBoolean();
            List<Holder> holders = new ArrayList<>();
            for (int i = 0; i < 5 + rnd.nextInt(30); i++) {
                Side side = rnd.nextBoolean() ? Side.LONG : Side.SHORT;
                double lp = mid * (1 + (side == Side.LONG ? -1 : 1) * rnd.nextDouble() * 0.08);
                double bp = lp * (1 + (side == Side.LONG ? -1 : 1) * rnd.nextDouble() * 0.01);
                holders.add(new Holder(side, 0.1 + rnd.nextDouble() * 20, lp, bp));
            }
            double shock = (sell ? -1 : 1) * Math.min(book.sideSize(sell) * 0.9, 1 + rnd.nextDouble() * 40);
            Cascade.Setup s = new Cascade.Setup(book, holders, shock, rnd.nextDouble(), rnd.nextDouble() * 100, 100);
            Outcome b = Cascade.run(s, MarkRule.BOOK_MID);
            Outcome a = Cascade.run(s, MarkRule.INDEX_ANCHORED);
            assertTrue(a.liquidatedSize() <= b.liquidatedSize() + 1e-9, "seed " + seed);
            assertTrue(a.liquidated() <= b.liquidated(), "seed " + seed);
            assertTrue(a.markMove() <= b.markMove() + 1e-12, "seed " + seed);
        }
    }
}
