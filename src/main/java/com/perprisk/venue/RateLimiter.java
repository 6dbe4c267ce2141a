package com.perprisk.venue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A venue's request budget: a sliding window of request weights (Binance counts 1 for {@code premiumIndex}, 20 for
 * Hyperliquid's {@code meta}), plus a pause a 429's {@code Retry-After} imposes on every later request. Callers wait
 * (interruptibly) instead of exceeding the budget. One limiter per venue is shared by the whole process.
 */
public final class RateLimiter {
    /** Waits; a test replaces it to record the waits instead of sleeping. */
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private static final Map<Venue, RateLimiter> SHARED = new EnumMap<>(Venue.class);

    private final int budget;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final Deque<long[]> spent = new ArrayDeque<>();
    private long pausedUntil = Long.MIN_VALUE;
    private long waitedNanos;

    public RateLimiter(int budget, Duration window, LongSupplier clockNanos, Sleeper sleeper) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be at least 1");
        }
        this.budget = budget;
        this.windowNanos = window.toNanos();
        this.clock = clockNanos;
        this.sleeper = sleeper;
    }

    /** The process-wide limiter of a venue, with its documented budget. */
    public static synchronized RateLimiter shared(Venue venue) {
        return SHARED.computeIfAbsent(venue, v -> new RateLimiter(v.budget(), v.window(), System::nanoTime,
                RateLimiter::sleepNanos));
    }

    static void sleepNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    /** Blocks until a request of this weight fits the budget (and any pause is over), then counts it. */
    public void acquire(int weight) throws InterruptedException {
        int w = Math.max(1, Math.min(weight, budget));
        while (true) {
            long wait;
            synchronized (this) {
                long now = clock.getAsLong();
                while (!spent.isEmpty() && now - spent.peekFirst()[0] >= windowNanos) {
                    spent.pollFirst();
                }
                long used = spent.stream().mapToLong(e -> e[1]).sum();
                if (now < pausedUntil) {
                    wait = pausedUntil - now;
                } else if (used + w <= budget) {
                    spent.addLast(new long[]{now, w});
                    return;
                } else {
                    // wait until enough of the oldest requests leave the window
                    long freed = 0;
                    long until = now;
                    for (long[] e : spent) {
                        freed += e[1];
                        until = e[0] + windowNanos;
                        if (used - freed + w <= budget) {
                            break;
                        }
                    }
                    wait = Math.max(1, until - now);
                }
                waitedNanos += wait;
            }
            sleeper.sleep(wait);
        }
    }

    /** No request before {@code delay} from now (a 429's Retry-After, or a back-off). */
    public synchronized void pause(Duration delay) {
        pausedUntil = Math.max(pausedUntil, clock.getAsLong() + delay.toNanos());
    }

    /** Total time callers were told to wait, in nanoseconds. */
    public synchronized long waitedNanos() {
        return waitedNanos;
    }

    /** Weight counted in the current window. */
    public synchronized long used() {
        long now = clock.getAsLong();
        return spent.stream().filter(e -> now - e[0] < windowNanos).mapToLong(e -> e[1]).sum();
    }

    Sleeper sleeper() {
        return sleeper;
    }
}
