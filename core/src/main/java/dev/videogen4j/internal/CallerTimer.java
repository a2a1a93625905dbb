package dev.videogen4j.internal;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The engine's timer, seen through {@link CallerRuns}: scheduled from a thread waiting in {@link CallerRuns#join},
 * a task due now is queued for that caller at once, and a later one is kept by the real timer only until it fires,
 * then queued for the caller (or run by the timer when the caller has left). Everywhere else it is the real timer.
 * Repeating tasks and the timer's life are always the real timer's.
 *
 * <pre>{@code
 * ScheduledExecutorService timer = CallerRuns.timer(realTimer);
 * timer.schedule(() -> poll(job), 2, TimeUnit.SECONDS);   // fires on realTimer, runs on the waiting caller
 * }</pre>
 */
final class CallerTimer extends AbstractExecutorService implements ScheduledExecutorService {
    private final ScheduledExecutorService real;

    CallerTimer(ScheduledExecutorService real) {
        this.real = real;
    }

    @Override
    public void execute(Runnable command) {
        CallerRuns.execute(real, command);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return schedule(Executors.callable(command, null), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        CallerRuns.Loop caller = CallerRuns.here();
        if (caller == null) return real.schedule(callable, delay, unit);
        CallerRuns.Task<V> task = new CallerRuns.Task<>(callable);
        if (delay <= 0) {
            if (!caller.offer(task, real)) return real.schedule(callable, delay, unit);
            return task;
        }
        task.timedBy(real.schedule(() -> {
            if (!caller.offer(task, real)) task.run();
        }, delay, unit));
        return task;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return real.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return real.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public void shutdown() {
        real.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return real.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return real.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return real.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return real.awaitTermination(timeout, unit);
    }
}
