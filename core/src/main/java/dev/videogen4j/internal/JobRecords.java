package dev.videogen4j.internal;

import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.Cost;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.JobStoreException;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobRequest;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.jobs.RecordState;
import dev.videogen4j.spi.Redactor;
import dev.videogen4j.spi.ModelCapabilities;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every job transition, written to the job store. Only the first write (before sending) may fail a submit: a
 * later write that fails is logged and the job goes on, followed in memory, since a paid job must not be dropped
 * because its bookkeeping hiccuped. Transitions only move forward ({@link RecordState#canMoveTo}), so two writers
 * (a poll and a webhook, two instances) cannot undo each other.
 */
final class JobRecords {
    private static final Logger log = LoggerFactory.getLogger("dev.videogen4j.jobs");

    private final JobStore store;
    private final Clock clock;
    private final String instanceId;
    private final Redactor redactor;

    JobRecords(JobStore store, Clock clock, String instanceId, Redactor redactor) {
        this.redactor = redactor;
        this.store = store;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    JobStore store() {
        return store;
    }

    /**
     * The record of a job about to be sent, stored before anything leaves the process.
     *
     * @param quotedCost the request's price on this model ({@link CapabilityMatrix#price}), or null when undocumented
     *
     * @throws JobStoreException when the store cannot take it: then nothing is sent
     */
    JobRecord intend(VideoRequest request, ModelCapabilities model, String submissionId, BigDecimal quotedCost) {
        JobRecord r = JobRecord.builder(UUID.randomUUID().toString(), model.providerId(), model.id(),
                JobRequest.of(request), submissionId, clock.instant())
                .quotedCost(quotedCost).owner(instanceId).build();
        try {
            store.insert(r);
        } catch (RuntimeException e) {
            throw e instanceof JobStoreException ? e : new JobStoreException("Cannot store the job record of a submit to "
                    + model.providerId() + "; nothing was sent: " + e, e);
        }
        return r;
    }

    void sending(String id) {
        change(id, RecordState.SUBMITTING, r -> r.toBuilder().state(RecordState.SUBMITTING)
                .attempts(r.attempts() + 1).submittedAt(clock.instant()));
    }

    void accepted(String id, JobId job) {
        change(id, RecordState.ACCEPTED, r -> r.toBuilder().state(RecordState.ACCEPTED).nativeJobId(job.nativeJobId())
                .acceptedAt(r.acceptedAt() != null ? r.acceptedAt() : clock.instant()));
    }

    /** The submit may have landed; {@code job} is its id when the provider's id is the submission id. */
    void uncertain(String id, Optional<JobId> job, Throwable error) {
        change(id, RecordState.UNCERTAIN, r -> errorOf(r.toBuilder().state(RecordState.UNCERTAIN)
                .nativeJobId(job.map(JobId::nativeJobId).orElse(r.nativeJobId())), error));
    }

    /** The submit provably did not create a job (refused, or never sent). */
    void rejected(String id, Throwable error) {
        change(id, RecordState.FAILED, r -> errorOf(r.toBuilder().state(RecordState.FAILED)
                .endedAt(clock.instant()), error));
    }

    /** What a poll or a webhook said about a live job. */
    void observed(String id, JobId job, JobStatus s) {
        RecordState target = s.state() == JobState.RUNNING ? RecordState.RUNNING : RecordState.ACCEPTED;
        change(id, target, r -> {
            JobRecord.Builder b = r.toBuilder().nativeJobId(job.nativeJobId())
                    .acceptedAt(r.acceptedAt() != null ? r.acceptedAt() : clock.instant());
            if (target == RecordState.RUNNING || r.state() == RecordState.RUNNING) {
                return b.state(RecordState.RUNNING).startedAt(r.startedAt() != null ? r.startedAt() : clock.instant());
            }
            return b.state(RecordState.ACCEPTED);
        });
    }

    /** Following the job failed (it may go on at the provider): the record stays live, naming the error. */
    void followingFailed(String id, Throwable error) {
        if (id == null) return;
        write(id, r -> r.state().isTerminal() ? r : errorOf(r.toBuilder(), error).build());
    }

    /**
     * The job succeeded. Empty when this client's end is the job's (it stored it, or the store could not say);
     * else the end another writer (a webhook, another instance) stored first, which is then the job's.
     */
    Optional<JobRecord> succeeded(String id, JobId job, List<GeneratedVideo> videos, Cost cost) {
        return endedFirstElsewhere(id, RecordState.SUCCEEDED, r -> running(r, job).state(RecordState.SUCCEEDED)
                .videos(videos).actualCost(cost).endedAt(clock.instant()));
    }

    /** The job failed or was cancelled at the provider; like {@link #succeeded}, the first stored end wins. */
    Optional<JobRecord> ended(String id, JobId job, JobStatus s) {
        RecordState target = s.state() == JobState.CANCELLED ? RecordState.CANCELLED : RecordState.FAILED;
        return endedFirstElsewhere(id, target, r -> running(r, job).state(target).errorKind(s.errorKind().orElse(null))
                .errorCode(s.code().orElse(null)).lastError(s.reason().orElse(s.toString())).endedAt(clock.instant()));
    }

    private Optional<JobRecord> endedFirstElsewhere(String id, RecordState target,
                                                    Function<JobRecord, JobRecord.Builder> change) {
        if (id == null) return Optional.empty();
        java.util.concurrent.atomic.AtomicBoolean endedBefore = new java.util.concurrent.atomic.AtomicBoolean();
        Optional<JobRecord> stored = write(id, r -> {
            endedBefore.set(r.state().isTerminal());
            return endedBefore.get() ? r : change.apply(r).updatedAt(clock.instant()).build();
        });
        return stored.filter(r -> endedBefore.get());
    }

    /** The record as stored now, or empty when there is none or the store cannot be read. */
    Optional<JobRecord> read(String id) {
        if (id == null) return Optional.empty();
        try {
            return store.get(id);
        } catch (RuntimeException e) {
            log.warn("job record {} cannot be read: {}", id, e.toString());
            return Optional.empty();
        }
    }

    // A terminal state reached through a webhook may come before any poll saw the job accepted or running: the end
    // carries the vendor id and an acceptance time all the same. Every live state may move to an end directly
    // (RecordState#canMoveTo), so no record is built for the steps in between.
    private JobRecord.Builder running(JobRecord r, JobId job) {
        return r.toBuilder().nativeJobId(job.nativeJobId())
                .acceptedAt(r.acceptedAt() != null ? r.acceptedAt() : clock.instant());
    }

    private JobRecord.Builder errorOf(JobRecord.Builder b, Throwable error) {
        String message = redactor.redact(String.valueOf(error.getMessage()));
        b.lastError(message);
        if (error instanceof ProviderException) b.errorKind(Observers.kindOf(error));
        return b;
    }

    private Optional<JobRecord> change(String id, RecordState target, Function<JobRecord, JobRecord.Builder> change) {
        if (id == null) return Optional.empty();
        return write(id, r -> {
            if (!r.state().canMoveTo(target) || r.state().isTerminal()) return r;
            JobRecord.Builder b = change.apply(r);
            JobRecord next = b.build();
            // A queue position that moved is not a transition: nothing to write. The builder still holds the change,
            // so stamping it needs no second copy of the record.
            return next.equals(r) ? r : b.updatedAt(clock.instant()).build();
        });
    }

    private Optional<JobRecord> write(String id, UnaryOperator<JobRecord> change) {
        try {
            return store.modify(id, change);
        } catch (RuntimeException e) {
            log.warn("job record {} cannot be written; the job goes on, followed in memory: {}", id, e.toString());
            return Optional.empty();
        }
    }
}
