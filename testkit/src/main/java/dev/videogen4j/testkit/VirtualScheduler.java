package dev.videogen4j.testkit;

import dev.videogen4j.emulator.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A {@link ScheduledExecutorService} on virtual time: nothing runs until the test says so, and then every task
 * runs on the test's thread, in time order, with the {@link MutableClock} moved to each task's time. Give it to
 * {@code VideoClient.builder().scheduler(...)} (and {@code .callExecutor(Runnable::run)}) and a job that takes
 * minutes of polling, retries and backoff completes in milliseconds, deterministically.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
 * VirtualScheduler scheduler = new VirtualScheduler(clock);
 * VideoClient client = VideoClient.builder().clock(clock).scheduler(scheduler).callExecutor(Runnable::run)...build();
 * CompletableFuture<VideoResult> result = client.generateAsync(request, Duration.ofMinutes(10));
 * scheduler.runUntil(result::isDone, Duration.ofMinutes(10));
 * }</pre>
 */
public final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final MutableClock clock;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private long sequence;
    private boolean shutdown;

    public VirtualScheduler(MutableClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** Runs every task due now, including those they schedule for now. */
    public void runDue() {
        Task<?> t;
        while ((t = nextDue(clock.instant())) != null) {
            t.run();
        }
    }

    /** Moves time forward by {@code d}, running each task at its own time on the way. */
    public void advance(Duration d) {
        Instant end = clock.instant().plus(d);
        Task<?> t;
        while ((t = nextDue(end)) != null) {
            if (t.at.isAfter(clock.instant())) clock.advanceTo(t.at);
            t.run();
        }
        if (end.isAfter(clock.instant())) clock.advanceTo(end);
        runDue();
    }

    /**
     * Runs tasks in time order until {@code done} holds or {@code max} virtual time has passed.
     *
     * @return whether {@code done} holds
     */
    public boolean runUntil(BooleanSupplier done, Duration max) {
        Instant end = clock.instant().plus(max);
        runDue();
        while (!done.getAsBoolean()) {
            Task<?> t = nextDue(end);
            if (t == null) {
                if (end.isAfter(clock.instant())) clock.advanceTo(end);
                return done.getAsBoolean();
            }
            if (t.at.isAfter(clock.instant())) clock.advanceTo(t.at);
            t.run();
        }
        return true;
    }

    /** Tasks waiting to run. */
    public synchronized int pending() {
        queue.removeIf(Task::isCancelled);
        return queue.size();
    }

    private synchronized Task<?> nextDue(Instant limit) {
        Task<?> head;
        while ((head = queue.peek()) != null && head.isCancelled()) queue.poll();
        return head != null && !head.at.isAfter(limit) ? queue.poll() : null;
    }

    private synchronized <V> Task<V> add(Task<V> t) {
        if (shutdown) throw new java.util.concurrent.RejectedExecutionException("scheduler is shut down");
        queue.add(t);
        return t;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(new Task<>(java.util.concurrent.Executors.callable(command, null), at(delay, unit), 0));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(new Task<>(callable, at(delay, unit), 0));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(new Task<>(java.util.concurrent.Executors.callable(command, null), at(initialDelay, unit), unit.toMillis(period)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return scheduleAtFixedRate(command, initialDelay, delay, unit);
    }

    /** Runs at the current virtual time, on the next {@link #runDue()} or advance. */
    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.MILLISECONDS);
    }

    private Instant at(long delay, TimeUnit unit) {
        return clock.instant().plusMillis(Math.max(0, unit.toMillis(delay)));
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(queue);
        queue.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && queue.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private Instant at;
        private final long periodMillis;
        private final long seq;

        Task(Callable<V> callable, Instant at, long periodMillis) {
            super(callable);
            this.at = at;
            this.periodMillis = periodMillis;
            synchronized (VirtualScheduler.this) {
                this.seq = sequence++;
            }
        }

        @Override
        public void run() {
            if (periodMillis <= 0) {
                super.run();
                surfaceFailure();
            } else if (runAndReset()) {
                at = at.plusMillis(periodMillis);
                add(this);
            }
        }

        // A task that throws would otherwise vanish into its future; in a test that hides the bug.
        private void surfaceFailure() {
            if (isCancelled()) return;
            try {
                get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a scheduled task failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), at).toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            Task<?> other = (Task<?>) o;
            int c = at.compareTo(other.at);
            return c != 0 ? c : Long.compare(seq, other.seq);
        }
    }
}
