package com.perprisk.ui.workspace;

import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Saves recovery copies shortly after the last edit: each change of a document (re)starts a short delay
 * ({@link #DELAY}), and when it runs out the latest state is written by a background thread, so a crash loses at most
 * about that long of work and the FX thread never waits on the disk. A save or a discard removes the copy, ordered
 * after any write still pending for it.
 */
public final class RecoveryWriter implements AutoCloseable {
    /** Quiet time after the last edit before the copy is written. */
    public static final Duration DELAY = Duration.ofMillis(1500);

    /** Where the work runs: one background thread in the app, a hand-driven one in tests. */
    public interface Scheduler {
        /** Runs {@code task} after {@code delay}; the result cancels it if it has not started. */
        Runnable schedule(Runnable task, Duration delay);

        /** Runs {@code task} after everything scheduled before it that is due. */
        void execute(Runnable task);

        void shutdown();
    }

    private final RecoveryStore store;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Map<String, Runnable> pending = new HashMap<>();
    private boolean closed;

    public RecoveryWriter(RecoveryStore store) {
        this(store, threadScheduler(), Clock.systemUTC());
    }

    RecoveryWriter(RecoveryStore store, Scheduler scheduler, Clock clock) {
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public RecoveryStore store() {
        return store;
    }

    /** A document changed: its copy is written {@link #DELAY} after the last such call. */
    public synchronized void changed(String key, WorkspaceDocument doc, Path originalFile) {
        if (closed) {
            return;
        }
        cancel(key);
        Instant editedAt = clock.instant();
        Runnable[] self = new Runnable[1];
        self[0] = scheduler.schedule(() -> {
            synchronized (this) {
                if (pending.get(key) != self[0]) {
                    return;
                }
                pending.remove(key);
            }
            try {
                store.save(key, doc, originalFile, editedAt);
            } catch (IOException | WorkspaceException | RuntimeException e) {
                // best effort: the next edit tries again
            }
        }, DELAY);
        pending.put(key, self[0]);
    }

    /** The document was saved or its changes discarded: no copy is written and any copy is removed. */
    public synchronized void discard(String key) {
        if (closed) {
            return;
        }
        cancel(key);
        scheduler.execute(() -> store.delete(key));
    }

    private void cancel(String key) {
        Runnable cancel = pending.remove(key);
        if (cancel != null) {
            cancel.run();
        }
    }

    /** Whether a copy is waiting to be written (for tests and the status line). */
    public synchronized boolean isPending(String key) {
        return pending.containsKey(key);
    }

    /** Stops the background thread after the work already queued. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        scheduler.shutdown();
    }

    /** One daemon thread, named so in thread dumps. */
    static Scheduler threadScheduler() {
        ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "perprisk-recovery");
            t.setDaemon(true);
            return t;
        });
        return new Scheduler() {
            @Override
            public Runnable schedule(Runnable task, Duration delay) {
                ScheduledFuture<?> f = exec.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public void execute(Runnable task) {
                exec.execute(task);
            }

            @Override
            public void shutdown() {
                exec.shutdown();
                try {
                    exec.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
