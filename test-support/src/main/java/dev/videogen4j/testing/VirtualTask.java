package dev.videogen4j.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One task of a {@link VirtualScheduler}: due at a virtual instant, run (and re-queued if periodic) by it. */
final class VirtualTask<V> implements RunnableScheduledFuture<V> {
    enum State { PENDING, DONE, CANCELLED }

    private final VirtualScheduler scheduler;
    private final Callable<V> callable;
    final long period;   // 0 one-shot, > 0 fixed rate, < 0 fixed delay (nanos)
    Instant due;
    long seq;
    volatile State state = State.PENDING;
    private V result;
    private Throwable failure;

    VirtualTask(VirtualScheduler scheduler, Callable<V> callable, Instant due, long period) {
        this.scheduler = scheduler;
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
                due = period > 0 ? due.plusNanos(period) : scheduler.clock().instant().plusNanos(-period);
                scheduler.requeue(this);
            }
        } catch (Throwable t) {
            failure = t;
            state = State.DONE;
            scheduler.failed(t);
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (state != State.PENDING) return false;
        state = State.CANCELLED;
        scheduler.dequeue(this);
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
            throw new IllegalStateException("task due at " + due + " has not run (virtual time is " + scheduler.clock().instant()
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
        return unit.convert(Duration.between(scheduler.clock().instant(), due));
    }

    @Override
    public int compareTo(Delayed other) {
        if (other instanceof VirtualTask) {
            VirtualTask<?> o = (VirtualTask<?>) other;
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
