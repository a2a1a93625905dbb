package dev.videogen4j.internal;

import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.spi.BatchPoller;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Coalesces one provider's due polls into batch requests (Runware: many getResponse tasks in one array). A job
 * whose poll comes due joins a queue; a flush {@code window} later, up to {@code maxBatch} queued jobs are polled
 * in one call. With 10,000 jobs in flight this turns 10,000 requests per poll round into about 100.
 */
final class BatchPolls {
    private final BatchPoller poller;
    private final ProviderResilience resilience;
    private final ScheduledExecutorService timer;
    private final Duration window;
    private final int maxBatch;
    private final Queue<Entry> due = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    static final class Entry {
        final JobId id;
        final CompletableFuture<JobUpdate> update = new CompletableFuture<>();

        Entry(JobId id) {
            this.id = id;
        }
    }

    BatchPolls(BatchPoller poller, ProviderResilience resilience, ScheduledExecutorService timer, Duration window,
               int maxBatch) {
        this.poller = poller;
        this.resilience = resilience;
        this.timer = timer;
        this.window = window;
        this.maxBatch = maxBatch;
    }

    /** Queues a poll; the future completes with the job's update, or fails like a single poll would. */
    CompletableFuture<JobUpdate> poll(JobId id) {
        Entry e = new Entry(id);
        due.add(e);
        if (flushScheduled.compareAndSet(false, true)) {
            timer.schedule(this::flush, window.toMillis(), TimeUnit.MILLISECONDS);
        }
        return e.update;
    }

    private void flush() {
        flushScheduled.set(false);
        while (!due.isEmpty()) {
            List<Entry> batch = new ArrayList<>();
            Entry e;
            while (batch.size() < maxBatch && (e = due.poll()) != null) batch.add(e);
            if (batch.isEmpty()) return;
            List<JobId> ids = new ArrayList<>();
            batch.forEach(b -> ids.add(b.id));
            resilience.call(Operation.POLL, () -> poller.pollAll(ids)).whenComplete((Map<JobId, JobUpdate> m, Throwable t) -> {
                for (Entry b : batch) {
                    if (t != null) b.update.completeExceptionally(t);
                    else if (m.containsKey(b.id)) b.update.complete(m.get(b.id));
                    // No word about a job is no news, as for a single poll with an empty answer: the job runs on
                    // (and is billed), so it is polled again rather than failed.
                    else b.update.complete(JobUpdate.of(JobStatus.unknown("(no answer in batch poll)")));
                }
            });
        }
    }
}
