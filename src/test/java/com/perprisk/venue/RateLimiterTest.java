package com.perprisk.venue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.MINUTES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sliding window and the Retry-After pause, on a fake clock (no real waiting). */
class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(0);
    private final List<Long> sleeps = new ArrayList<>();

    private RateLimiter limiter(int budget, Duration window) {
        return new RateLimiter(budget, window, now::get, nanos -> {
            sleeps.add(nanos);
            now.addAndGet(nanos);
        });
    }

    @Test
    void requestsWithinTheBudgetDoNotWait() throws Exception {
        RateLimiter l = limiter(10, Duration.ofSeconds(2));
        for (int i = 0; i < 10; i++) {
            l.acquire(1);
        }
        assertTrue(sleeps.isEmpty());
        assertEquals(10, l.used());
    }

    @Test
    void theEleventhRequestWaitsUntilTheFirstLeavesTheWindow() throws Exception {
        RateLimiter l = limiter(10, Duration.ofSeconds(2));
        for (int i = 0; i < 10; i++) {
            l.acquire(1);
            now.addAndGet(fakeSleep(100, MILLISECONDS));
        }
        // t = 1.0 s; the first request (t = 0) leaves the window at t = 2.0 s
        l.acquire(1);
        assertEquals(List.of(fakeSleep(1000, MILLISECONDS)), sleeps);
    }

    @Test
    void heavyRequestsCountTheirWeight() throws Exception {
        RateLimiter l = limiter(1200, Duration.ofMinutes(1)); // Hyperliquid: metaAndAssetCtxs weighs 20
        for (int i = 0; i < 60; i++) {
            l.acquire(20);
        }
        assertTrue(sleeps.isEmpty());
        l.acquire(20);
        assertEquals(List.of(fakeSleep(1, MINUTES)), sleeps);
    }

    @Test
    void aPauseHoldsEveryLaterRequest() throws Exception {
        RateLimiter l = limiter(100, Duration.ofSeconds(1));
        l.pause(Duration.ofSeconds(3));
        l.acquire(1);
        assertEquals(List.of(fakeSleep(3, SECONDS)), sleeps);
        l.acquire(1);
        assertEquals(1, sleeps.size(), "the pause is over");
    }

    @Test
    void anInterruptStopsTheWait() {
        RateLimiter l = new RateLimiter(1, Duration.ofHours(1), now::get, nanos -> {
            throw new InterruptedException();
        });
        try {
            l.acquire(1);
            l.acquire(1);
            throw new AssertionError("should have been interrupted");
        } catch (InterruptedException expected) {
            assertEquals(1, l.used());
        }
    }

    /** A pause the fake sleeper was asked for, in its nanoseconds (nothing here waits for real). */
    private static long fakeSleep(long amount, TimeUnit unit) {
        return unit.toNanos(amount);
    }
}
