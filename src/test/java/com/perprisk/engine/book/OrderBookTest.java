package com.perprisk.engine.book;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.book.OrderBook.Level;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderBookTest {
    private static final OrderBook BOOK = new OrderBook(
            List.of(new Level(99, 10), new Level(100, 10), new Level(98, 20)),
            List.of(new Level(102, 20), new Level(101, 10)));

    @Test
    void impactPricesAreAverageFillsOfTheNotional() {
        // sell 1,500 of quote: 1,000 at 100 (10 base) + 500 at 99 (5.0505 base) → 1,500 / 15.0505
        assertEquals(1500 / (10 + 500.0 / 99), BOOK.impactBid(1500), 1e-9);
        // buy 2,000: 1,010 at 101 (10 base) + 990 at 102 (9.70588 base)
        assertEquals(2000 / (10 + 990.0 / 102), BOOK.impactAsk(2000), 1e-9);
        assertEquals((BOOK.impactBid(1500) + BOOK.impactAsk(1500)) / 2, BOOK.impactMid(1500), 1e-12);
        assertEquals(100, BOOK.impactBid(500), 0.0); // within the best level: the best price
        assertEquals(100.5, BOOK.mid(), 0.0);
    }

    @Test
    void theWorkingSaysWhichWayTheFillWalks() {
        // selling walks the bids down from the best bid; buying walks the asks up from the best ask
        assertTrue(BOOK.explainImpact(1500, true).notes().contains(
                "Selling 1500 of quote into the bids from the best price 100 down to 99."), "bid side");
        assertTrue(BOOK.explainImpact(2000, false).notes().contains(
                "Buying 2000 of quote from the asks from the best price 101 up to 102."), "ask side");
    }

    @Test
    void depthToMoveCountsTheLevelsWithinTheMove() {
        // mid 100.5; 1.5% down is 98.9925: bids at 100 and 99 → 1,000 + 990
        assertEquals(1990, BOOK.depthToMove(0.015, true), 1e-9);
        // 0.5% up is 101.0025: asks at 101 → 1,010
        assertEquals(1010, BOOK.depthToMove(0.005, false), 1e-9);
    }

    @Test
    void tooThinForTheImpactNotionalIsAClearError() {
        EngineException e = assertThrows(EngineException.class, () -> BOOK.impactAsk(5_000));
        assertEquals("the book is too thin: the asks hold 3050 of quote, less than the impact notional 5000",
                e.getMessage());
        assertThrows(EngineException.class, () -> new OrderBook(List.of(new Level(101, 1)),
                List.of(new Level(101, 1))));
        assertThrows(EngineException.class, () -> new Level(0, 1));
        assertThrows(EngineException.class, () -> new Level(1, -1));
    }

    @Test
    void marketOrdersEatLevels() {
        OrderBook after = BOOK.afterMarketOrder(15, true);
        assertEquals(99, after.bestBid(), 0.0);
        assertEquals(5, after.bids().get(0).size(), 1e-12);
        OrderBook.Fill f = BOOK.fillBase(15, true);
        assertEquals((1000 + 495) / 15.0, f.averagePrice(), 1e-12);
        assertEquals(99, f.lastPrice(), 0.0);
        assertThrows(EngineException.class, () -> BOOK.fillBase(41, true));
    }

    @Test
    void impactBidNeverAboveImpactAskOnRandomBooks() {
        for (int seed = 0; seed < 500; seed++) {
            Random rnd = new Random(seed);
            double mid = 10 + rnd.nextDouble() * 100_000;
            double half = mid * (0.0001 + rnd.nextDouble() * 0.01);
            List<Level> bids = new ArrayList<>();
            List<Level> asks = new ArrayList<>();
            double bid = mid - half;
            double ask = mid + half;
            for (int i = 0; i < 1 + rnd.nextInt(20); i++) {
                bids.add(new Level(bid, 0.01 + rnd.nextDouble() * 5));
                asks.add(new Level(ask, 0.01 + rnd.nextDouble() * 5));
                bid -= mid * rnd.nextDouble() * 0.002 + 1e-6 * mid;
                ask += mid * rnd.nextDouble() * 0.002 + 1e-6 * mid;
            }
            OrderBook b = new OrderBook(bids, asks);
            double notional = Math.min(b.sideNotional(true), b.sideNotional(false)) * rnd.nextDouble();
            if (notional <= 0) {
                continue;
            }
            double ib = b.impactBid(notional);
            double ia = b.impactAsk(notional);
            assertTrue(ib <= ia, "seed " + seed);
            assertTrue(ib <= b.bestBid() + 1e-9 && ia >= b.bestAsk() - 1e-9, "seed " + seed);
        }
    }
}
