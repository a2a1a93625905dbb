package dev.videogen4j.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Gathers items for a {@code window}, then hands them on in chunks of at most {@code maxBatch}: the machinery
 * batched polls and batched submits share. The first item of a quiet period schedules the flush; everything
 * that arrives before it runs joins the same flush.
 */
final class Coalescer<E> {
    private final ScheduledExecutorService timer;
    private final Duration window;
    private final int maxBatch;
    private final Consumer<List<E>> send;
    private final Queue<E> due = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    Coalescer(ScheduledExecutorService timer, Duration window, int maxBatch, Consumer<List<E>> send) {
        this.timer = timer;
        this.window = window;
        this.maxBatch = maxBatch;
        this.send = send;
    }

    /** Queues {@code item}; true when it opened a window (the flush it joins was not scheduled yet). */
    boolean add(E item) {
        due.add(item);
        if (flushScheduled.compareAndSet(false, true)) {
            timer.schedule(this::flush, window.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        return false;
    }

    private void flush() {
        flushScheduled.set(false);
        while (!due.isEmpty()) {
            List<E> batch = new ArrayList<>();
            E e;
            while (batch.size() < maxBatch && (e = due.poll()) != null) batch.add(e);
            if (batch.isEmpty()) return;
            send.accept(batch);
        }
    }
}
