package dev.videogen4j.internal;

import dev.videogen4j.error.VideoGenException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Lets a blocking call ({@code generate}, {@code await}...) make its own provider calls on the caller's thread,
 * as a hand-written client would, instead of handing each to a call thread and the timer and back: while the
 * caller waits in {@link #join}, what the engine hands to the call executor or schedules on the timer for now
 * <em>from that thread</em> is queued for it, and the caller runs it. A task the timer fires later (a poll after
 * its delay, a retry after its back-off, a deadline) is queued for the waiting caller too, so the timer only keeps
 * time. Work started elsewhere (a status stream's reader, a webhook) stays where it is; its news wakes the caller.
 * What is still queued when the call returns goes to the real executors, so a job followed past its waiter goes on.
 *
 * <p>Calls stay bounded in time by the HTTP client's timeouts; a caller busy in one when its deadline fires
 * returns when that call ends. Only {@code ...Async} calls hold call threads.
 *
 * <pre>{@code
 * ScheduledExecutorService timer = CallerRuns.timer(realTimer);   // what the engine schedules on
 * CallerRuns.execute(callPool, () -> provider.poll(id));         // on the waiting caller, else on the pool
 * VideoResult r = CallerRuns.join(() -> router.generate(request, timeout));
 * }</pre>
 */
public final class CallerRuns {
    private static final ThreadLocal<Loop> CURRENT = new ThreadLocal<>();

    private CallerRuns() {
    }

    /** A timer whose tasks run on the waiting caller that scheduled them, and on {@code real} otherwise. */
    public static ScheduledExecutorService timer(ScheduledExecutorService real) {
        return new CallerTimer(real);
    }

    /** Runs {@code task} on the caller waiting in {@link #join} on this thread, or else on {@code real}. */
    public static void execute(Executor real, Runnable task) {
        Loop here = CURRENT.get();
        if (here == null || !here.offer(task, real)) real.execute(task);
    }

    /**
     * Starts the work and runs what it hands to this thread until it is done; its value, or its failure rethrown
     * as itself ({@link Futures#join}). An interrupt ends the wait (the job goes on) with a VideoGenException.
     */
    public static <T> T join(Supplier<CompletableFuture<T>> start) {
        Loop outer = CURRENT.get();
        Loop loop = new Loop();
        CURRENT.set(loop);
        CompletableFuture<T> work = null;
        try {
            work = start.get();
            work.whenComplete((v, e) -> loop.wake());
            while (!work.isDone()) loop.runNext(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VideoGenException("Interrupted while waiting", e);
        } finally {
            if (outer == null) CURRENT.remove();
            else CURRENT.set(outer);
            loop.close();
        }
        return Futures.join(work);
    }

    /**
     * Where another thread can send work for the caller waiting on this thread: while it waits, it runs the work
     * (what it leaves goes to {@code leftovers}); once it left, or when no caller waits here, the sender runs it.
     */
    public static Executor waitingCaller(Executor leftovers) {
        Loop here = CURRENT.get();
        if (here == null) return Runnable::run;
        return task -> {
            if (!here.offer(task, leftovers)) task.run();
        };
    }

    /** Runs {@code start} as if no caller waited on this thread: what it hands out goes to the real executors. */
    public static <T> T elsewhere(Supplier<T> start) {
        Loop here = CURRENT.get();
        if (here == null) return start.get();
        CURRENT.remove();
        try {
            return start.get();
        } finally {
            CURRENT.set(here);
        }
    }

    /** The loop of the caller waiting on this thread, or null. */
    static Loop here() {
        return CURRENT.get();
    }

    /**
     * What one waiting caller has to run, each task beside the executor it goes to if the caller leaves first.
     * The caller parks only here (so a test driving virtual time sees it WAITING only when it has nothing to do).
     */
    static final class Loop {
        private final Thread owner = Thread.currentThread();
        private final ArrayDeque<Object> tasks = new ArrayDeque<>();   // task, home, task, home...
        private boolean open = true;

        /** Queues the task unless the caller left; {@code home} runs it if the caller leaves before it does. */
        boolean offer(Runnable task, Executor home) {
            synchronized (this) {
                if (!open) return false;
                tasks.add(task);
                tasks.add(home);
            }
            if (Thread.currentThread() != owner) LockSupport.unpark(owner);
            return true;
        }

        void wake() {
            if (Thread.currentThread() != owner) LockSupport.unpark(owner);
        }

        /** Runs the next task, or parks until there is one or {@code done} may have changed. */
        void runNext(CompletableFuture<?> done) throws InterruptedException {
            Runnable task;
            synchronized (this) {
                task = (Runnable) tasks.poll();
                tasks.poll();
            }
            if (task != null) {
                task.run();
                return;
            }
            if (!done.isDone()) LockSupport.park(this);
            if (Thread.interrupted()) throw new InterruptedException();
        }

        /** The caller left: what it did not run goes to the executors it was meant for. */
        void close() {
            Object[] left;
            synchronized (this) {
                open = false;
                left = tasks.toArray();
                tasks.clear();
            }
            for (int i = 0; i < left.length; i += 2) {
                try {
                    ((Executor) left[i + 1]).execute((Runnable) left[i]);
                } catch (RejectedExecutionException closedClient) {
                    // The client closed while the caller waited: its threads are gone, and so is this work.
                }
            }
        }
    }

    /** A task for the waiting caller that looks like the timer's own: cancellable, with a delay. */
    static final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private volatile ScheduledFuture<?> timed;

        Task(Callable<V> work) {
            super(work);
        }

        void timedBy(ScheduledFuture<?> f) {
            timed = f;
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            ScheduledFuture<?> f = timed;
            if (f != null) f.cancel(false);
            return super.cancel(mayInterrupt);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            ScheduledFuture<?> f = timed;
            return f == null ? 0 : f.getDelay(unit);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS),
                    other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
