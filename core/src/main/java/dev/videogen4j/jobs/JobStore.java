package dev.videogen4j.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where job records live. The engine writes a job's record before the first byte of its submit is sent and
 * rewrites it at every transition, so a job is never known only to the memory of one process. The default is
 * {@link InMemoryJobStore}; a durable store (a database) lets any instance await, poll or complete any job.
 *
 * <pre>{@code
 * VideoClient client = VideoClient.builder().provider("runware", key).jobStore(new InMemoryJobStore()).build();
 * JobStore store = ...;
 * for (JobRecord r : store.findByState(Set.of(RecordState.UNCERTAIN), 100)) System.out.println(r);
 * }</pre>
 *
 * <p>Implementations are thread-safe. Every change goes through {@link #update(JobRecord)}, a compare-and-set on
 * {@link JobRecord#version()}: of two instances racing to change a record, one wins and the other re-reads. A
 * failure to reach the store is a {@link dev.videogen4j.error.JobStoreException}. Extend
 * {@code dev.videogen4j.testkit.JobStoreContractTest} to check an implementation.
 */
public interface JobStore extends AutoCloseable {

    /**
     * Stores a new record as given (version 0).
     *
     * @throws dev.videogen4j.error.JobStoreException when a record with its id exists
     */
    void insert(JobRecord record);

    Optional<JobRecord> get(String id);

    /**
     * Replaces the stored record with {@code changed} if the stored version still equals
     * {@code changed.version()}, and returns what is now stored (version + 1). Empty when the record is missing
     * or was changed since it was read (a stale version): re-read and decide again.
     */
    Optional<JobRecord> update(JobRecord changed);

    /** The record whose submit carried this submission id (Runware taskUUID, fal webhook token). */
    Optional<JobRecord> findBySubmissionId(String provider, String submissionId);

    /** The record of the vendor's job id (what a {@link dev.videogen4j.JobId} and a webhook name). */
    Optional<JobRecord> findByNativeJobId(String provider, String nativeJobId);

    /** Up to {@code limit} records in any of {@code states}, oldest {@link JobRecord#createdAt()} first. */
    List<JobRecord> findByState(Set<RecordState> states, int limit);

    /**
     * Quoted and actual cost of the records created in {@code [from, to)} that may be billed
     * ({@link JobRecord#mayBeBilled()}), one line per provider and model, ordered by provider then model.
     */
    List<SpendTotal> spend(Instant from, Instant to);

    /** Up to {@code limit} records not yet terminal, oldest first. */
    default List<JobRecord> live(int limit) {
        return findByState(RecordState.live(), limit);
    }

    /**
     * Reads, changes and stores a record, reading again when another writer got there first. {@code change} may
     * be called more than once and must not have side effects; returning the record unchanged writes nothing.
     *
     * @return what is stored afterwards; empty when there is no such record
     */
    default Optional<JobRecord> modify(String id, UnaryOperator<JobRecord> change) {
        while (true) {
            Optional<JobRecord> current = get(id);
            if (current.isEmpty()) return current;
            JobRecord next = change.apply(current.get());
            // The same object back (nothing to change, the usual answer once a job has ended) skips a 22-field compare.
            if (next == null || next == current.get() || next.equals(current.get())) return current;
            // A change made from the record read already names its version: copying it again would cost a record per
            // transition (B1: 190 B a copy, ~3 per job).
            long read = current.get().version();
            Optional<JobRecord> stored = update(next.version() == read ? next : next.toBuilder().version(read).build());
            if (stored.isPresent()) return stored;
        }
    }

    /**
     * A scheduler that runs polls of live jobs on behalf of every instance sharing this store (a durable store on
     * a task scheduler). When present, the engine hands it every poll instead of using its own timer. Empty (the
     * default) means the engine polls its own jobs.
     */
    default Optional<JobPollScheduler> pollScheduler() {
        return Optional.empty();
    }

    /** Releases the store's resources (connections it owns); the default does nothing. */
    @Override
    default void close() {
    }
}
