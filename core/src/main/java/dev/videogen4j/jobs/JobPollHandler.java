package dev.videogen4j.jobs;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One poll of one job, as the engine runs it for a {@link JobPollScheduler}: ask the vendor, store what it said,
 * complete the job's waiters and listeners on this instance, and say when to poll next.
 *
 * <pre>{@code
 * Optional<Instant> next = handler.pollOnce(recordId);     // on the scheduler's worker thread
 * next.ifPresentOrElse(at -> reschedule(recordId, at), () -> remove(recordId));
 * handler.ended(recordId);                                 // another instance stored the job's end
 * }</pre>
 */
@FunctionalInterface
public interface JobPollHandler {

    /**
     * Polls the job once and stores the outcome. Blocks the calling thread for at most the client's whole-call
     * deadline.
     *
     * @return when to poll again; empty when the job needs no more polls (it ended, was released after its
     * follow-up time, or has no record)
     */
    Optional<Instant> pollOnce(String recordId);

    /**
     * The same poll without blocking: a scheduler that can finish a task later (the jdbc store's db-scheduler tasks)
     * calls this so that its worker threads do not wait on vendors; the default runs {@link #pollOnce} here.
     *
     * @return completes with what {@link #pollOnce} returns; never fails
     */
    default CompletableFuture<Optional<Instant>> pollAsync(String recordId) {
        return CompletableFuture.completedFuture(pollOnce(recordId));
    }

    /**
     * The scheduler heard that the job of record {@code recordId} ended, wherever its poll ran (see
     * {@link JobPollScheduler#reportsEnds()}): an instance awaiting it reads the record now rather than at its next
     * look. Called for every end, awaited here or not; returns at once.
     */
    default void ended(String recordId) {
    }
}
