package dev.videogen4j.jobs;

import java.time.Instant;

/**
 * Runs the polls of live jobs for every instance that shares a durable {@link JobStore}, so that each job is
 * polled by exactly one instance at a time and a job whose instance died is polled by another. A store offers one
 * through {@link JobStore#pollScheduler()}; the engine then schedules every poll here instead of on its own timer.
 *
 * <pre>{@code
 * final class MyScheduler implements JobPollScheduler {
 *     private volatile JobPollHandler handler;
 *     public void start(JobPollHandler h) { handler = h; workers.start(); }
 *     public void schedule(String id, Instant due) { tasks.upsert(id, due); }       // one task per job
 *     public void unschedule(String id) { tasks.delete(id); }
 *     public void stop() { workers.stop(); }
 *     void run(String id) { handler.pollOnce(id).ifPresentOrElse(next -> tasks.upsert(id, next), () -> tasks.delete(id)); }
 * }
 * }</pre>
 *
 * <p>The engine calls {@link #schedule} after it writes an accepted (or a Runware uncertain) record, and after a
 * cancel or a webhook asks for an early poll; {@link #unschedule} when a job ends on this instance. Both may be
 * called from any instance for any job.
 */
public interface JobPollScheduler {

    /**
     * Starts running polls on this instance, each through {@code handler}. Called when a client using the store is
     * built; a store shared by several clients of one JVM runs polls through the last one started (any of them can
     * poll any job: each has every provider of its configuration).
     */
    void start(JobPollHandler handler);

    /** Polls the job of record {@code recordId} at {@code due}, replacing an earlier schedule of the same job. */
    void schedule(String recordId, Instant due);

    /** Stops polling the job; nothing happens when it has no schedule. */
    void unschedule(String recordId);

    /**
     * True while this scheduler tells the handler of every stored end ({@link JobPollHandler#ended}), as a store
     * that announces ends does (PostgreSQL's LISTEN/NOTIFY): an instance awaiting a job polled elsewhere then reads
     * its record only at the longest poll interval, as a safety net, instead of at every poll interval. The default
     * (false) keeps those reads.
     */
    default boolean reportsEnds() {
        return false;
    }

    /** Stops running polls on this instance (the client closes); the schedules stay for the other instances. */
    void stop();
}
