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
    private final AtomicInteger submitted = new AtomicInteger();

    public CallPool(int max, long keepAlive, TimeUnit unit, ThreadFactory threads) {
        super(0, max, keepAlive, unit, new GrowFirstQueue(), threads);
        ((GrowFirstQueue) getQueue()).pool = this;
    }

    @Override
    public void execute(Runnable task) {
        submitted.incrementAndGet();
        try {
            super.execute(task);
        } catch (RejectedExecutionException atMax) {
            // Another call took the last free slot between our look at the pool and the thread start: queue it.
            if (isShutdown() || !((GrowFirstQueue) getQueue()).enqueue(task)) {
                submitted.decrementAndGet();
                throw atMax;
            }
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
