package dev.videogen4j;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.internal.CallPool;
import dev.videogen4j.internal.PlatformThreadBudget;
import dev.videogen4j.spi.SharedResources;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The timer and call threads of one or more clients, and the {@link SharedResources} their providers share (the
 * HTTP adapters' connection pool and dispatcher): a client built by {@link VideoClient#newBuilder()} shares its
 * parent's, and they stop when the last client using them closes. Threads the application handed to the builder
 * are its own and never stopped here.
 */
final class SharedThreads {
    final ScheduledExecutorService timer;
    final Executor calls;
    private final ScheduledExecutorService ownTimer;
    private final ExecutorService ownCalls;
    // What the providers of these clients share (one HTTP connection pool): released with the threads.
    final SharedResources resources = new SharedResources();
    private final AtomicInteger users = new AtomicInteger(1);

    private SharedThreads(ScheduledExecutorService timer, Executor calls, ScheduledExecutorService ownTimer,
                          ExecutorService ownCalls) {
        this.timer = timer;
        this.calls = calls;
        this.ownTimer = ownTimer;
        this.ownCalls = ownCalls;
    }

    /** The given threads, or new ones where none was given; one user. */
    static SharedThreads of(ScheduledExecutorService timer, Executor calls, int maxCalls) {
        ScheduledExecutorService ownTimer = timer == null ? newTimer() : null;
        ExecutorService ownCalls = calls == null ? newCallPool(maxCalls) : null;
        return new SharedThreads(timer != null ? timer : ownTimer, calls != null ? calls : ownCalls, ownTimer, ownCalls);
    }

    /** One more client uses these threads; false when they were already released. */
    boolean acquire() {
        return users.getAndUpdate(n -> n == 0 ? 0 : n + 1) > 0;
    }

    /** A client is done with them; the last one stops the threads this class started. */
    void release() {
        if (users.decrementAndGet() != 0) return;
        resources.close();
        if (ownTimer != null) ownTimer.shutdownNow();
        if (ownCalls != null) ownCalls.shutdownNow();
    }

    private static ScheduledExecutorService newTimer() {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, dev.videogen4j.internal.IoThreads.daemon("videogen4j-timer"));
        s.setRemoveOnCancelPolicy(true);
        return s;
    }

    // Provider calls block on HTTP: the pool's maximum bounds the in-flight calls and the threads a busy client
    // holds, and a quiet client holds only the few it needs.
    private static ExecutorService newCallPool(int max) {
        if (max < 1) {
            throw new ConfigurationException("VIDEOGEN4J_MAX_CONCURRENT_CALLS=" + max + " must be at least 1");
        }
        // On JDK 24+ calls wait on virtual threads, which hold no platform thread while they wait (IoThreads).
        if (dev.videogen4j.internal.IoThreads.virtual()) {
            return dev.videogen4j.internal.IoThreads.pool("videogen4j-call", max);
        }
        // One budget for the call threads and the status-stream readers (StatusStreams finds it on the pool).
        return new CallPool(max, 30, TimeUnit.SECONDS, PlatformThreadBudget.besideCalls(max), "videogen4j-call");
    }
}
