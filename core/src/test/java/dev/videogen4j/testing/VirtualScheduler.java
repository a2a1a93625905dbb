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
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} in virtual time. Nothing runs by itself: tasks run on the calling (test)
 * thread when the test calls {@link #advanceBy}, {@link #runDue} or {@link #runUntilDone}, in the order of their
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
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
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

    // ---- driving time -------------------------------------------------------------------------------------

    /** Runs every task due now, including tasks those schedule for now. Returns how many ran. */
    public int runDue() {
        return runUntil(clock.instant());
    }

    /** Moves time forward by {@code d}, running every task that falls due on the way, at its due time. */
    public int advanceBy(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("time does not go back: " + d);
        Instant target = clock.instant().plus(d);
        int ran = runUntil(target);
        clock.set(target);
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
                Task<?> t;
                synchronized (this) {
                    t = queue.peek();
                    if (t == null || t.due.isAfter(target)) break;
                    queue.poll();
                }
                if (t.due.isAfter(clock.instant())) clock.set(t.due);
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
        List<Task<?>> tasks = new ArrayList<>(queue);
        tasks.sort(null);
        List<Duration> out = new ArrayList<>();
        tasks.forEach(t -> out.add(Duration.between(clock.instant(), t.due)));
        return out;
    }

    /** Exceptions thrown by tasks so far. */
    public synchronized List<Throwable> failures() {
        return List.copyOf(failures);
    }

    // ---- ScheduledExecutorService -----------------------------------------------------------------------------

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Objects.requireNonNull(command, "command == null");
        return enqueue(new Task<>(Executors.callable(command, null), dueIn(delay, unit), 0));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        Objects.requireNonNull(callable, "callable == null");
        return enqueue(new Task<>(callable, dueIn(delay, unit), 0));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        if (period <= 0) throw new IllegalArgumentException("period <= 0");
        return enqueue(new Task<>(Executors.callable(command, null), dueIn(initialDelay, unit), unit.toNanos(period)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        if (delay <= 0) throw new IllegalArgumentException("delay <= 0");
        return enqueue(new Task<>(Executors.callable(command, null), dueIn(initialDelay, unit), -unit.toNanos(delay)));
    }

    private Instant dueIn(long delay, TimeUnit unit) {
        return clock.instant().plusNanos(Math.max(0, unit.toNanos(delay)));
    }

    private synchronized <V> Task<V> enqueue(Task<V> t) {
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
            if (t.period != 0) t.state = State.CANCELLED;
            return t.period != 0;
        });
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(queue);
        queue.forEach(t -> t.state = State.CANCELLED);
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

    private synchronized void failed(Throwable t) {
        failures.add(t);
    }

    private synchronized void requeue(Task<?> t) {
        if (shutdown) {
            t.state = State.CANCELLED;
        } else {
            t.seq = sequence++;
            queue.add(t);
        }
    }

    private synchronized boolean dequeue(Task<?> t) {
        return queue.remove(t);
    }

    private enum State { PENDING, DONE, CANCELLED }

    private final class Task<V> implements RunnableScheduledFuture<V> {
        private final Callable<V> callable;
        private final long period;   // 0 one-shot, > 0 fixed rate, < 0 fixed delay (nanos)
        private Instant due;
        private long seq;
        private volatile State state = State.PENDING;
        private V result;
        private Throwable failure;

        Task(Callable<V> callable, Instant due, long period) {
            this.callable = callable;
            this.due = due;
            this.period = period;
        }

        @Override
        public void run() {
            if (state != State.PENDING) return;
            try {
                V v = callable.call();
                if (period == 0) {
                    result = v;
                    state = State.DONE;
                } else {
                    due = period > 0 ? due.plusNanos(period) : clock.instant().plusNanos(-period);
                    requeue(this);
                }
            } catch (Throwable t) {
                failure = t;
                state = State.DONE;
                failed(t);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (state != State.PENDING) return false;
            state = State.CANCELLED;
            dequeue(this);
            return true;
        }

        @Override
        public boolean isCancelled() {
            return state == State.CANCELLED;
        }

        @Override
        public boolean isDone() {
            return state != State.PENDING;
        }

        @Override
        public V get() throws ExecutionException {
            if (state == State.CANCELLED) throw new CancellationException();
            if (state == State.PENDING) {
                throw new IllegalStateException("task due at " + due + " has not run (virtual time is " + clock.instant()
                        + "); advance the VirtualScheduler instead of blocking");
            }
            if (failure != null) throw new ExecutionException(failure);
            return result;
        }

        @Override
        public V get(long timeout, TimeUnit unit) throws ExecutionException {
            return get();
        }

        @Override
        public boolean isPeriodic() {
            return period != 0;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due));
        }

        @Override
        public int compareTo(Delayed other) {
            if (other instanceof VirtualScheduler.Task) {
                Task<?> o = (Task<?>) other;
                int c = due.compareTo(o.due);
                return c != 0 ? c : Long.compare(seq, o.seq);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public String toString() {
            return "Task[due " + due + ", " + state + "]";
        }
    }
}
