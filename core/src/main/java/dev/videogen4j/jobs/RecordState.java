package dev.videogen4j.jobs;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a {@link JobRecord} is in its life. The record is written in {@link #INTENDED} before the first byte of
 * the submit is sent, so a crash at any later moment leaves a record that names the job.
 *
 * <pre>
 * INTENDED → SUBMITTING → ACCEPTED ──→ RUNNING → SUCCEEDED | FAILED | CANCELLED
 *                       ↘ UNCERTAIN ↗ (settled by a poll of the submission id or a webhook carrying its token)
 *                       ↘ FAILED      (rejected: provably not landed, nothing billed)
 * </pre>
 *
 * <pre>{@code
 * for (JobRecord r : store.findByState(RecordState.live(), 100)) System.out.println(r.id() + " " + r.state());
 * }</pre>
 */
public enum RecordState {
    /** Stored before sending; nothing has left the process yet. */
    INTENDED,
    /** The submit is being sent (or retried); the vendor may or may not have it. */
    SUBMITTING,
    /** The vendor acknowledged the job: it is billable and has a vendor job id. */
    ACCEPTED,
    /** The submit may have landed (timeout after sending, 5xx, close() mid-send): settled later, never dropped. */
    UNCERTAIN,
    /** The vendor reports the job generating. */
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** True for SUCCEEDED, FAILED and CANCELLED: the record will not change state again. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** The states a record may move to from this one (its own state included: an update that keeps it). */
    public boolean canMoveTo(RecordState next) {
        if (next == this) return true;
        switch (this) {
            case INTENDED: return true;   // a lost SUBMITTING write must not block what followed it
            case SUBMITTING: return next != INTENDED;
            case ACCEPTED: case UNCERTAIN: return next == RUNNING || next == ACCEPTED || next.isTerminal();
            case RUNNING: return next.isTerminal();
            default: return false;
        }
    }

    /** Every state that is not terminal: the jobs a store still follows. */
    public static Set<RecordState> live() {
        return EnumSet.of(INTENDED, SUBMITTING, ACCEPTED, UNCERTAIN, RUNNING);
    }
}
