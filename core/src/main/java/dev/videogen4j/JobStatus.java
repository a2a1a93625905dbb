package dev.videogen4j;

import dev.videogen4j.spi.ErrorKind;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A job's state at one moment, with what the provider said about it: the queue position while QUEUED,
 * progress while RUNNING (when the provider reports it), the provider's code and reason when FAILED, and the
 * provider's raw status text. A FAILED status also carries the adapter's classification of the failure
 * ({@link ErrorKind}): whether another provider is worth trying is decided from it, never from the vendor's words.
 *
 * <pre>{@code
 * JobStatus s = client.status(jobId);
 * switch (s.state()) {
 *     case QUEUED -> System.out.println("position " + s.queuePosition().orElse(-1));
 *     case FAILED -> System.out.println(s.errorKind().orElseThrow() + ": " + s.reason().orElse("?"));
 *     default -> System.out.println(s);
 * }
 * }</pre>
 */
public final class JobStatus {
    private final JobState state;
    private final Integer queuePosition;
    private final Integer progressPercent;
    private final ErrorKind errorKind;
    private final String code;
    private final String reason;
    private final String raw;

    private JobStatus(JobState state, Integer queuePosition, Integer progressPercent, ErrorKind errorKind, String code,
                      String reason, String raw) {
        this.state = Objects.requireNonNull(state, "state == null");
        this.errorKind = state == JobState.FAILED ? Objects.requireNonNull(errorKind, "errorKind == null") : null;
        this.queuePosition = queuePosition;
        this.progressPercent = progressPercent;
        this.code = code;
        this.reason = reason;
        this.raw = raw;
    }

    /** Waiting in the provider's queue; {@code position} is the number of jobs ahead, or null if unknown. */
    public static JobStatus queued(Integer position) {
        return new JobStatus(JobState.QUEUED, position, null, null, null, null, "QUEUED");
    }

    /** Generating; {@code progressPercent} 0–100 when the provider reports it, else null. */
    public static JobStatus running(Integer progressPercent) {
        return new JobStatus(JobState.RUNNING, null, progressPercent, null, null, null, "RUNNING");
    }

    public static JobStatus succeeded() {
        return new JobStatus(JobState.SUCCEEDED, null, null, null, null, null, "SUCCEEDED");
    }

    /**
     * Failed at the provider: the adapter's classification of the failure, the vendor's error code (may be null)
     * and its message (the client redacts its API keys from it). {@code CONTENT_POLICY} and {@code INVALID_REQUEST} say the
     * request itself was refused, so no other provider is tried with it.
     */
    public static JobStatus failed(ErrorKind kind, String code, String reason) {
        return new JobStatus(JobState.FAILED, null, null, kind, code, reason, "FAILED");
    }

    public static JobStatus cancelled() {
        return new JobStatus(JobState.CANCELLED, null, null, null, null, null, "CANCELLED");
    }

    /** A provider status videogen4j does not know; {@code raw} is what the provider said. */
    public static JobStatus unknown(String raw) {
        return new JobStatus(JobState.UNKNOWN, null, null, null, null, null, raw);
    }

    /** The same status, remembering the provider's own word for it ({@code IN_QUEUE}, {@code processing}). */
    public JobStatus withRaw(String providerStatus) {
        return new JobStatus(state, queuePosition, progressPercent, errorKind, code, reason, providerStatus);
    }

    public JobState state() {
        return state;
    }

    public OptionalInt queuePosition() {
        return queuePosition == null ? OptionalInt.empty() : OptionalInt.of(queuePosition);
    }

    public OptionalInt progressPercent() {
        return progressPercent == null ? OptionalInt.empty() : OptionalInt.of(progressPercent);
    }

    /** The adapter's classification of a FAILED job's failure; empty for every other state. */
    public Optional<ErrorKind> errorKind() {
        return Optional.ofNullable(errorKind);
    }

    /** The provider's error code for a FAILED job. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The provider's reason for a FAILED job. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The provider's own status text. */
    public String raw() {
        return raw;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JobStatus)) return false;
        JobStatus s = (JobStatus) o;
        return state == s.state && Objects.equals(queuePosition, s.queuePosition)
                && Objects.equals(progressPercent, s.progressPercent) && errorKind == s.errorKind && Objects.equals(code, s.code)
                && Objects.equals(reason, s.reason) && Objects.equals(unknownText(), s.unknownText());
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, queuePosition, progressPercent, errorKind, code, reason, unknownText());
    }

    // The provider's word is cosmetic for a known state (IN_QUEUE is QUEUED), but it is all an UNKNOWN status
    // says: two different unknown statuses are a change worth reporting.
    private String unknownText() {
        return state == JobState.UNKNOWN ? raw : null;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(state.name());
        if (queuePosition != null) b.append(" (position ").append(queuePosition).append(')');
        if (progressPercent != null) b.append(" (").append(progressPercent).append("%)");
        if (code != null || reason != null) b.append(": ").append(code == null ? "" : code + " ").append(reason == null ? "" : reason);
        if (state == JobState.UNKNOWN) b.append(" (provider said '").append(raw).append("')");
        return b.toString().trim();
    }
}
