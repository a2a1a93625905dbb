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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Coalesces one provider's due polls into batch requests (Runware: many getResponse tasks in one array). A job
 * whose poll comes due joins a queue; a flush {@code window} later, up to {@code maxBatch} queued jobs are polled
 * in one call. With 10,000 jobs in flight this turns 10,000 requests per poll round into about 100. Jobs sent
 * together are accepted in groups a submit window or so apart (a batched submit carries what came in 50 ms), so
 * their first polls come due that far apart too: the poll that opens a window gathers the polls due within a few
 * windows after it (see {@code JobPolling}), and a wave of jobs is polled in one request, not one per group.
 */
final class BatchPolls {
    private final BatchPoller poller;
    private final ProviderResilience resilience;
    private final Coalescer<Entry> due;
    private final Runnable gather;

    static final class Entry {
        final JobId id;
        final CompletableFuture<JobUpdate> update = new CompletableFuture<>();

        Entry(JobId id) {
            this.id = id;
        }
    }

    /**
     * {@code gather} runs when a poll opens a window: it may poll (through {@link #poll}) the jobs whose polls
     * come due soon after, so that they join this request rather than open the next one.
     */
    BatchPolls(BatchPoller poller, ProviderResilience resilience, ScheduledExecutorService timer, Duration window,
               int maxBatch, Runnable gather) {
        this.poller = poller;
        this.resilience = resilience;
        this.gather = gather;
        this.due = new Coalescer<>(timer, window, maxBatch, this::send);
    }

    /** Queues a poll; the future completes with the job's update, or fails like a single poll would. */
    CompletableFuture<JobUpdate> poll(JobId id) {
        Entry e = new Entry(id);
        if (due.add(e)) gather.run();
        return e.update;
    }

    private void send(List<Entry> batch) {
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
