package dev.videogen4j.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A {@link ScheduledExecutorService} in virtual time. Nothing runs by itself: tasks run on the calling (test)
 * thread when the test calls {@link #advanceBy}, {@link #runDue}, {@link #runUntilDone} or {@link #runUntil}, in the order of their
 * due time (ties in submission order), with the {@link MutableClock} set to each task's due time as it runs.
 * {@code execute()} and zero-delay tasks are due "now": they run at the next {@code runDue()}/{@code advanceBy}.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.start();
 * VirtualScheduler scheduler = new VirtualScheduler(clock);
 * VideoClient client = VideoClient.builder().clock(clock).scheduler(scheduler).callExecutor(Runnable::run)...build();
 * CompletableFuture<VideoResult> f = client.generateAsync(request, Duration.ofMinutes(10));
 * scheduler.runUntilDone(f, Duration.ofMinutes(10));    // polls, retry waits and deadlines, no real sleeping
 * }</pre>
 *
 * <p>A task that throws is recorded in {@link #failures()} (a real scheduler would hide it in its future), so a
 * test can assert that no background task blew up. {@code get()} on a task that has not run throws instead of
 * blocking forever. Not meant for concurrent use: the test thread drives it.
 */
public final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final MutableClock clock;
    private final PriorityQueue<VirtualTask<?>> queue = new PriorityQueue<>();
    private final List<Throwable> failures = new ArrayList<>();
    private long sequence;
    private boolean shutdown;
    private boolean running;

    public VirtualScheduler(MutableClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    public MutableClock clock() {
        return clock;
    }

    /** Runs every task due now, including tasks those schedule for now. Returns how many ran. */
    public int runDue() {
        return runUntil(clock.instant());
    }

    /** Moves time forward by {@code d}, running every task that falls due on the way, at its due time. */
    public int advanceBy(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("time does not go back: " + d);
        Instant target = clock.instant().plus(d);
        int ran = runUntil(target);
        clock.advanceTo(target);
        return ran;
    }

    /**
     * Jumps from task to task until {@code future} is done, but no further than {@code limit} from now.
     *
     * @return the virtual time that passed
     * @throws AssertionError if the future is still pending at the limit or nothing is left to run
     */
    public Duration runUntilDone(Future<?> future, Duration limit) {
        Instant start = clock.instant();
        Instant end = start.plus(limit);
        runDue();
        while (!future.isDone()) {
            Optional<Instant> next = nextDueAt();
            if (next.isEmpty()) {
                throw new AssertionError("future still pending at " + clock.instant() + " and no task is scheduled");
            }
            if (next.get().isAfter(end)) {
                throw new AssertionError("future still pending after " + limit + "; next task due at " + next.get());
            }
            runUntil(next.get());
        }
        return Duration.between(start, clock.instant());
    }

    /**
     * Runs tasks in time order until {@code done} holds or {@code max} virtual time has passed; unlike
     * {@link #runUntilDone} it does not fail, so a test can ask whether something happened by then.
     *
     * @return whether {@code done} holds
     */
    public boolean runUntil(BooleanSupplier done, Duration max) {
        Instant end = clock.instant().plus(max);
        runDue();
        while (!done.getAsBoolean()) {
            Optional<Instant> next = nextDueAt();
            if (next.isEmpty() || next.get().isAfter(end)) {
                if (end.isAfter(clock.instant())) clock.advanceTo(end);
                return done.getAsBoolean();
            }
            runUntil(next.get());
        }
        return true;
    }

    /** Runs the next due task(s): jumps to the earliest due time and runs everything due then. */
    public boolean runNext() {
        Optional<Instant> next = nextDueAt();
        next.ifPresent(this::runUntil);
        return next.isPresent();
    }

    private int runUntil(Instant target) {
        if (running) throw new IllegalStateException("advanceBy/runDue called from inside a scheduled task");
        running = true;
        int ran = 0;
        try {
            while (true) {
                VirtualTask<?> t;
                synchronized (this) {
                    t = queue.peek();
                    if (t == null || t.due.isAfter(target)) break;
                    queue.poll();
                }
                if (t.due.isAfter(clock.instant())) clock.advanceTo(t.due);
                t.run();
                ran++;
            }
        } finally {
            running = false;
        }
        return ran;
    }

    /** The number of tasks waiting to run. */
    public synchronized int pending() {
        return queue.size();
    }

    /** When the next task is due, if any. */
    public synchronized Optional<Instant> nextDueAt() {
        return Optional.ofNullable(queue.peek()).map(t -> t.due);
    }

    /** The delays (from now) of every waiting task, soonest first. */
    public synchronized List<Duration> pendingDelays() {
        List<VirtualTask<?>> tasks = new ArrayList<>(queue);
        tasks.sort(null);
        List<Duration> out = new ArrayList<>();
        tasks.forEach(t -> out.add(Duration.between(clock.instant(), t.due)));
        return out;
    }

    /** Exceptions thrown by tasks so far. */
    public synchronized List<Throwable> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Objects.requireNonNull(command, "command == null");
        return enqueue(new VirtualTask<>(this, Executors.callable(command, null), dueIn(delay, unit), 0));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        Objects.requireNonNull(callable, "callable == null");
        return enqueue(new VirtualTask<>(this, callable, dueIn(delay, unit), 0));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        if (period <= 0) throw new IllegalArgumentException("period <= 0");
        return enqueue(new VirtualTask<>(this, Executors.callable(command, null), dueIn(initialDelay, unit), unit.toNanos(period)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        if (delay <= 0) throw new IllegalArgumentException("delay <= 0");
        return enqueue(new VirtualTask<>(this, Executors.callable(command, null), dueIn(initialDelay, unit), -unit.toNanos(delay)));
    }

    private Instant dueIn(long delay, TimeUnit unit) {
        return clock.instant().plusNanos(Math.max(0, unit.toNanos(delay)));
    }

    private synchronized <V> VirtualTask<V> enqueue(VirtualTask<V> t) {
        if (shutdown) throw new RejectedExecutionException("VirtualScheduler is shut down");
        t.seq = sequence++;
        queue.add(t);
        return t;
    }

    /** Stops accepting tasks; queued one-shot tasks still run when time advances, periodic ones are dropped. */
    @Override
    public synchronized void shutdown() {
        shutdown = true;
        queue.removeIf(t -> {
            if (t.period != 0) t.state = VirtualTask.State.CANCELLED;
            return t.period != 0;
        });
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(queue);
        queue.forEach(t -> t.state = VirtualTask.State.CANCELLED);
        queue.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && queue.isEmpty() && !running;
    }

    /** Virtual time cannot pass while waiting: answers at once whether the scheduler has terminated. */
    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    synchronized void failed(Throwable t) {
        failures.add(t);
    }

    synchronized void requeue(VirtualTask<?> t) {
        if (shutdown) {
            t.state = VirtualTask.State.CANCELLED;
        } else {
            t.seq = sequence++;
            queue.add(t);
        }
    }

    synchronized boolean dequeue(VirtualTask<?> t) {
        return queue.remove(t);
    }
}
