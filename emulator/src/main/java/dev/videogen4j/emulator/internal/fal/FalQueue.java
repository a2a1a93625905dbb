package dev.videogen4j.emulator.internal.fal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The jobs waiting on one endpoint, in submission order, for {@code queue_position} ("number of
 * requests ahead of yours", 0-based) and {@code fal_max_queue_length}. Jobs that have left the
 * queue are pruned from the head lazily; a count costs O(jobs still waiting).
 */
final class FalQueue {
    private final ConcurrentSkipListMap<Long, FalJob> waiting = new ConcurrentSkipListMap<>();

    void add(FalJob job) {
        waiting.put(job.sequence(), job);
    }

    /** Jobs submitted before {@code job} that are still waiting at {@code now}. */
    int position(FalJob job, Instant now) {
        prune(now);
        return count(waiting.headMap(job.sequence()), now);
    }

    /** All jobs waiting at {@code now}. */
    int waiting(Instant now) {
        prune(now);
        return count(waiting, now);
    }

    private static int count(Map<Long, FalJob> jobs, Instant now) {
        int count = 0;
        for (FalJob job : jobs.values()) {
            if (job.phase(now) == FalJob.Phase.QUEUED) {
                count++;
            }
        }
        return count;
    }

    private void prune(Instant now) {
        for (Map.Entry<Long, FalJob> head = waiting.firstEntry(); head != null;
                head = waiting.firstEntry()) {
            if (head.getValue().phase(now) == FalJob.Phase.QUEUED) {
                return;
            }
            waiting.remove(head.getKey(), head.getValue());
        }
    }
}
