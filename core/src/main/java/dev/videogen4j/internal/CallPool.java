package dev.videogen4j.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads blocking provider calls run on: at most {@code max}, but only as many as calls are actually in
 * flight at once. A plain fixed pool starts a new thread for every task until it holds {@code max}, so even a
 * client that runs one job at a time would soon keep 64 threads; this one reuses an idle thread when there is
 * one and queues once {@code max} are busy. Idle threads end after {@code keepAlive}.
 *
 * <pre>{@code
 * ExecutorService calls = new CallPool(64, 30, TimeUnit.SECONDS, threadFactory);
 * }</pre>
 */
public final class CallPool extends ThreadPoolExecutor {
    // Starts a thread for queued calls when a budget place frees up; counted like a call while it runs.
    private static final Runnable WAKE = () -> { };
    private final AtomicInteger submitted = new AtomicInteger();
    private final PlatformThreadBudget budget;

    public CallPool(int max, long keepAlive, TimeUnit unit, ThreadFactory threads) {
        this(max, keepAlive, unit, threads, null);
    }

    /** Call threads named {@code name-1}, ... that each take a place in {@code budget} while they live. */
    public CallPool(int max, long keepAlive, TimeUnit unit, PlatformThreadBudget budget, String name) {
        this(max, keepAlive, unit, budget.calls(name), budget);
        budget.whenReleased(this::wake);
    }

    private CallPool(int max, long keepAlive, TimeUnit unit, ThreadFactory threads, PlatformThreadBudget budget) {
        super(0, max, keepAlive, unit, new GrowFirstQueue(), threads);
        ((GrowFirstQueue) getQueue()).pool = this;
        this.budget = budget;
    }

    /** The budget this pool's threads draw from; null when its threads are not budgeted. */
    public PlatformThreadBudget budget() {
        return budget;
    }

    /** Calls handed to the pool that have no thread yet and could have one (the pool is under its maximum). */
    public int unmetDemand() {
        return Math.max(0, Math.min(submitted.get(), getMaximumPoolSize()) - getPoolSize());
    }

    @Override
    public void execute(Runnable task) {
        submitted.incrementAndGet();
        try {
            super.execute(task);
        } catch (RejectedExecutionException atMax) {
            // Another call took the last free slot between our look at the pool and the thread start: queue it.
            // With a budget the thread may also have found no place: the call waits for one, and a pool never keeps
            // queued calls without a thread, as the place may have come free between the refusal and the queueing.
            if (isShutdown() || !((GrowFirstQueue) getQueue()).enqueue(task)) {
                submitted.decrementAndGet();
                throw atMax;
            }
            wake();
        }
    }

    // A thread for the queued calls, when the pool may grow and a place is free; nothing otherwise.
    private void wake() {
        if (budget == null || isShutdown() || getQueue().isEmpty() || getPoolSize() >= getMaximumPoolSize()) return;
        submitted.incrementAndGet();
        try {
            super.execute(WAKE);
        } catch (RejectedExecutionException noPlace) {
            submitted.decrementAndGet();   // the next place given back wakes the pool again
        }
    }

    @Override
    protected void afterExecute(Runnable task, Throwable error) {
        submitted.decrementAndGet();
    }

    /** Calls queued or running right now. */
    public int inFlight() {
        return submitted.get();
    }

    // ThreadPoolExecutor only starts a thread beyond its core size when the queue refuses a task. Refuse it while
    // no thread is idle and the pool may still grow; accept it otherwise.
    private static final class GrowFirstQueue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;
        private transient CallPool pool;

        @Override
        public boolean offer(Runnable task) {
            if (pool.submitted.get() <= pool.getPoolSize() || pool.getPoolSize() >= pool.getMaximumPoolSize()) {
                return super.offer(task);
            }
            return false;
        }

        boolean enqueue(Runnable task) {
            return super.offer(task);
        }
    }
}
