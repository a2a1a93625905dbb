package dev.videogen4j.jobs;

import dev.videogen4j.Cost;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.JobId;
import dev.videogen4j.Timings;
import dev.videogen4j.spi.ErrorKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything known about one job, as a {@link JobStore} keeps it: written before the submit is sent, rewritten at
 * every transition. Immutable; change it with {@link #toBuilder()} and store it with
 * {@link JobStore#update(JobRecord)}, which fails on a stale {@link #version()}.
 *
 * <pre>{@code
 * JobRecord r = store.get(id).orElseThrow();
 * System.out.println(r.state() + " " + r.jobId().map(JobId::toString).orElse("(no vendor id yet)")
 *         + " quoted " + r.quotedCost() + " cost " + r.actualCost());
 * store.update(r.toBuilder().state(RecordState.CANCELLED).endedAt(now).build());
 * }</pre>
 *
 * @param id           our job id, made before sending (a UUID); never changes
 * @param providerId   the provider id ({@code runware})
 * @param model        the native model id
 * @param request      what is kept of the request (no key, no image bytes)
 * @param submissionId made before sending: Runware's {@code taskUUID}; for fal the token carried in the webhook
 *                     URL, so a webhook can name a job whose submit answer never came
 * @param nativeJobId  the provider's job id once known (Runware: the taskUUID; fal: its request_id), else null
 * @param state        where the job is
 * @param quotedCost   the documented price when the record was written, or null when undocumented
 * @param actualCost   what the job cost with its source; {@link Cost#unknown()} until known
 * @param createdAt    when the record was written (before sending)
 * @param submittedAt  when the last submit attempt was sent, or null
 * @param acceptedAt   when the vendor acknowledged the job, or null
 * @param startedAt    when the job was first seen running, or null
 * @param endedAt      when the job reached a terminal state, or null
 * @param updatedAt    when the record was last written
 * @param attempts     how many submit attempts were sent (retries of one submit share the submission id)
 * @param videos       the result's videos (URLs, sizes, seeds) once SUCCEEDED, else empty
 * @param errorKind    the classification of the last error, or null
 * @param errorCode    the vendor's error code of a FAILED job, or null
 * @param lastError    the last error's message (keys redacted), or null
 * @param owner        the instance that wrote the record first (its instance id), or null
 * @param version      incremented by the store at each update; an update naming an older version fails
 */
public record JobRecord(String id, String providerId, String model, JobRequest request, String submissionId,
                        String nativeJobId, RecordState state, BigDecimal quotedCost, Cost actualCost,
                        Instant createdAt, Instant submittedAt, Instant acceptedAt, Instant startedAt,
                        Instant endedAt, Instant updatedAt, int attempts, List<GeneratedVideo> videos,
                        ErrorKind errorKind, String errorCode, String lastError, String owner, long version) {
    public JobRecord {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(providerId, "providerId == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(submissionId, "submissionId == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
        actualCost = actualCost == null ? Cost.unknown() : actualCost;
        videos = videos == null ? List.of() : List.copyOf(videos);
        if (attempts < 0) throw new IllegalArgumentException("attempts < 0: " + attempts);
        if (version < 0) throw new IllegalArgumentException("version < 0: " + version);
        if (state == RecordState.SUCCEEDED && videos.isEmpty()) {
            throw new IllegalArgumentException("a SUCCEEDED record needs its videos");
        }
        if ((state == RecordState.ACCEPTED || state == RecordState.RUNNING) && nativeJobId == null) {
            throw new IllegalArgumentException(state + " record needs the vendor job id");
        }
        // Databases keep microseconds: a record reads back equal to what was written, whichever store keeps it.
        createdAt = micros(createdAt);
        submittedAt = micros(submittedAt);
        acceptedAt = micros(acceptedAt);
        startedAt = micros(startedAt);
        endedAt = micros(endedAt);
        updatedAt = updatedAt == null ? createdAt : micros(updatedAt);
    }

    /** A new record in {@link RecordState#INTENDED}, version 0, as the engine writes it before sending. */
    public static Builder builder(String id, String providerId, String model, JobRequest request, String submissionId,
                                  Instant createdAt) {
        return new Builder(new JobRecord(id, providerId, model, request, submissionId, null, RecordState.INTENDED,
                null, null, createdAt, null, null, null, null, null, 0, null, null, null, null, null, 0));
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The handle applications keep ({@link JobId}), once the vendor job id is known. */
    public Optional<JobId> jobId() {
        return nativeJobId == null ? Optional.empty() : Optional.of(JobId.of(providerId, model, nativeJobId));
    }

    /**
     * True when the vendor may bill the job: it accepted it, or the submit is {@link RecordState#UNCERTAIN}.
     * {@link JobStore#spend} counts these records.
     */
    public boolean mayBeBilled() {
        return acceptedAt != null || state == RecordState.UNCERTAIN;
    }

    /** Queue, run and total time as far as known (an unfinished phase counts up to {@code now}). */
    public Timings timings(Instant now) {
        Instant start = submittedAt != null ? submittedAt : createdAt;
        Instant end = endedAt != null ? endedAt : now;
        Instant running = startedAt != null ? startedAt : end;
        Instant accepted = acceptedAt != null ? acceptedAt : start;
        return new Timings(nonNegative(Duration.between(accepted, running)), nonNegative(Duration.between(running, end)),
                nonNegative(Duration.between(start, end)));
    }

    /**
     * This record as a store keeps it after an update: the same fields, the version one higher. No builder and no
     * transition check: the fields are this record's, which passed them.
     */
    JobRecord nextVersion() {
        return new JobRecord(id, providerId, model, request, submissionId, nativeJobId, state, quotedCost, actualCost,
                createdAt, submittedAt, acceptedAt, startedAt, endedAt, updatedAt, attempts, videos, errorKind,
                errorCode, lastError, owner, version + 1);
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Changes a copy of a record; {@link #build()} applies the record's invariants.
     *
     * <pre>{@code
     * JobRecord accepted = r.toBuilder().state(RecordState.ACCEPTED).nativeJobId(requestId).acceptedAt(now).build();
     * }</pre>
     */
    public static final class Builder {
        private JobRecord r;
        private String nativeJobId;
        private RecordState state;
        private BigDecimal quotedCost;
        private Cost actualCost;
        private Instant submittedAt;
        private Instant acceptedAt;
        private Instant startedAt;
        private Instant endedAt;
        private Instant updatedAt;
        private int attempts;
        private List<GeneratedVideo> videos;
        private ErrorKind errorKind;
        private String errorCode;
        private String lastError;
        private String owner;
        private long version;

        Builder(JobRecord r) {
            this.r = r;
            nativeJobId = r.nativeJobId;
            state = r.state;
            quotedCost = r.quotedCost;
            actualCost = r.actualCost;
            submittedAt = r.submittedAt;
            acceptedAt = r.acceptedAt;
            startedAt = r.startedAt;
            endedAt = r.endedAt;
            updatedAt = r.updatedAt;
            attempts = r.attempts;
            videos = r.videos;
            errorKind = r.errorKind;
            errorCode = r.errorCode;
            lastError = r.lastError;
            owner = r.owner;
            version = r.version;
        }

        public Builder nativeJobId(String v) { nativeJobId = v; return this; }
        public Builder state(RecordState v) { state = v; return this; }
        public Builder quotedCost(BigDecimal v) { quotedCost = v; return this; }
        public Builder actualCost(Cost v) { actualCost = v; return this; }
        public Builder submittedAt(Instant v) { submittedAt = v; return this; }
        public Builder acceptedAt(Instant v) { acceptedAt = v; return this; }
        public Builder startedAt(Instant v) { startedAt = v; return this; }
        public Builder endedAt(Instant v) { endedAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder attempts(int v) { attempts = v; return this; }
        public Builder videos(List<GeneratedVideo> v) { videos = v; return this; }
        public Builder errorKind(ErrorKind v) { errorKind = v; return this; }
        public Builder errorCode(String v) { errorCode = v; return this; }
        public Builder lastError(String v) { lastError = v; return this; }
        public Builder owner(String v) { owner = v; return this; }
        /** Stores set this; applications and the engine leave it as read. */
        public Builder version(long v) { version = v; return this; }

        /** @throws IllegalStateException when the state cannot follow the record's ({@link RecordState#canMoveTo}) */
        public JobRecord build() {
            if (!r.state.canMoveTo(state)) {
                throw new IllegalStateException("job " + r.id + " cannot move from " + r.state + " to " + state);
            }
            return new JobRecord(r.id, r.providerId, r.model, r.request, r.submissionId, nativeJobId, state, quotedCost,
                    actualCost, r.createdAt, submittedAt, acceptedAt, startedAt, endedAt, updatedAt, attempts, videos,
                    errorKind, errorCode, lastError, owner, version);
        }
    }
}
