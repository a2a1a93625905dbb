package dev.videogen4j.testing;

import java.util.List;
import java.util.Random;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link VirtualScheduler} whose timers fire a little late, as a real one's do under load: every delayed task
 * runs up to {@code maxLateMillis} after its due time (a seeded random amount, so a run is repeatable). Tasks due
 * now run now.
 *
 * <pre>{@code
 * VirtualScheduler virtual = new VirtualScheduler(clock);
 * VideoClient client = VideoClient.builder().scheduler(new JitteredScheduler(virtual, 30, 7))...build();
 * virtual.runUntil(() -> done, Duration.ofMinutes(5));
 * }</pre>
 */
public final class JitteredScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final VirtualScheduler virtual;
    private final int maxLateMillis;
    private final Random random;

    public JitteredScheduler(VirtualScheduler virtual, int maxLateMillis, long seed) {
        this.virtual = virtual;
        this.maxLateMillis = maxLateMillis;
        this.random = new Random(seed);
    }

    private long late(long delay, TimeUnit unit) {
        long millis = unit.toMillis(delay);
        return millis <= 0 ? 0 : millis + random.nextInt(maxLateMillis + 1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return virtual.schedule(command, late(delay, unit), TimeUnit.MILLISECONDS);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return virtual.schedule(callable, late(delay, unit), TimeUnit.MILLISECONDS);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return virtual.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return virtual.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        virtual.execute(command);
    }

    @Override
    public void shutdown() {
        virtual.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return virtual.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return virtual.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return virtual.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return virtual.awaitTermination(timeout, unit);
    }
}
