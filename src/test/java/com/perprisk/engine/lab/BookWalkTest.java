package com.perprisk.engine.lab;

import com.perprisk.engine.book.OrderBook;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A quote amount walked through a book: the levels eaten, the average price, the impact, the default book. */
class BookWalkTest {
    private static final OrderBook BOOK = new OrderBook(
            List.of(new OrderBook.Level(99, 5), new OrderBook.Level(98, 4)),
            List.of(new OrderBook.Level(101, 1), new OrderBook.Level(102, 2), new OrderBook.Level(105, 10)));

    @Test
    void aBuyEatsTheAsksLevelByLevel() {
        BookWalk w = BookWalk.of(BOOK, true, 400);
        // 101 (1 base), 204 (2 base), then 95 of quote at 105
        assertEquals(List.of(new BookWalk.Step(101, 0, 101), new BookWalk.Step(102, 101, 305),
                new BookWalk.Step(105, 305, 400)), w.steps());
        double base = 1 + 2 + 95.0 / 105;
        assertEquals(base, w.base(), 1e-12);
        assertEquals(400 / base, w.averagePrice(), 1e-9);
        assertEquals(100, w.mid(), 0);
        assertEquals((400 / base - 100) / 100, w.impact(), 1e-12);
        assertEquals(105, w.lastPrice(), 0);
        assertTrue(w.filled());
        assertEquals(400 / base, w.explain().result(), 1e-9);
    }

    @Test
    void aSellEatsTheBidsAndATooThinBookSaysSo() {
        BookWalk w = BookWalk.of(BOOK, false, 600);
        // 495 at 99, then 105 at 98
        assertEquals(2, w.steps().size());
        assertEquals(5 + 105.0 / 98, w.base(), 1e-12);
        assertTrue(w.impact() < 0, "a sell fills below the mid");
        BookWalk thin = BookWalk.of(BOOK, true, 5_000);
        assertFalse(thin.filled());
        assertEquals(101 + 204 + 1050, thin.filledQuote(), 1e-9);
        assertTrue(thin.explain().notes().get(1).contains("too thin"), thin.explain().notes().toString());
    }

    @Test
    void theDefaultBookHoldsTheQuoteReserveOnEachSide() {
        OrderBook b = BookWalk.defaultBook(10, 1_000);
        assertEquals(BookWalk.DEFAULT_LEVELS, b.asks().size());
        assertEquals(1_000, b.sideNotional(false), 1e-9);
        assertEquals(1_000, b.sideNotional(true), 1e-9);
        assertEquals(10, b.mid(), 1e-12);
        // 600 of quote eats 12 levels of 50: the last at 10 × 1.06
        BookWalk w = BookWalk.of(b, true, 600);
        assertEquals(12, w.steps().size());
        assertEquals(10.6, w.lastPrice(), 1e-12);
    }

    @Test
    void theAverageLiesBetweenTheFirstAndTheLastLevelAndGrowsWithTheAmount() {
        Random rnd = new Random(11);
        for (int i = 0; i < 200; i++) {
            OrderBook b = BookWalk.defaultBook(1 + rnd.nextDouble() * 1_000, 100 + rnd.nextDouble() * 1e6);
            boolean buy = rnd.nextBoolean();
            double q = b.sideNotional(!buy) * rnd.nextDouble() * 0.9 + 1e-6;
            BookWalk w = BookWalk.of(b, buy, q);
            double lo = Math.min(w.steps().get(0).price(), w.lastPrice());
            double hi = Math.max(w.steps().get(0).price(), w.lastPrice());
            assertTrue(w.averagePrice() >= lo * (1 - 1e-12) && w.averagePrice() <= hi * (1 + 1e-12));
            BookWalk more = BookWalk.of(b, buy, q * 1.1);
            assertTrue(Math.abs(more.impact()) >= Math.abs(w.impact()) - 1e-12, "a larger order never fills better");
        }
    }
}
