package dev.videogen4j.jobs.jdbc.internal;

import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.jobs.RecordState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Jobs whose instance died at the wrong moment (kill -9, a crash, a lost host). A submit between writing its record
 * and hearing the vendor's answer stays INTENDED or SUBMITTING with no poll scheduled, since the engine schedules
 * polls only once a submit has ended; an accepted job whose instance died before scheduling its first poll has none
 * either. Run regularly on one instance, this turns every such record older than
 * {@code staleAfter} into UNCERTAIN — the submit may have landed — and hands it to the polls, which settle it by its
 * submission id where the vendor allows (Runware's taskUUID); a fal one is settled by the webhook that carries its
 * submission id, and otherwise stays visible as UNCERTAIN. A record of a live instance that is merely slow is harmless
 * here: UNCERTAIN moves on to ACCEPTED when its answer comes. The accepted jobs without a poll task are simply handed
 * to the polls.
 */
final class OrphanedSubmits {
    private static final Set<RecordState> IN_FLIGHT = EnumSet.of(RecordState.INTENDED, RecordState.SUBMITTING);
    private static final int BATCH = 500;

    private final JobStore store;
    private final JobRows rows;
    private final Duration staleAfter;

    OrphanedSubmits(JobStore store, JobRows rows, Duration staleAfter) {
        this.store = store;
        this.rows = rows;
        this.staleAfter = staleAfter;
    }

    /**
     * The ids of the records to poll: those it turned UNCERTAIN, and accepted ones whose instance died before it
     * scheduled their first poll.
     */
    List<String> settle(Instant now) {
        List<String> orphans = uncertain(now);
        orphans.addAll(rows.unpolled(now.minus(staleAfter), DbSchedulerPolls.TASK, BATCH));
        return orphans;
    }

    private List<String> uncertain(Instant now) {
        Instant before = now.minus(staleAfter);
        List<String> orphans = new ArrayList<>();
        for (JobRecord seen : store.findByState(IN_FLIGHT, BATCH)) {
            if (!seen.updatedAt().isBefore(before)) {
                continue;
            }
            Optional<JobRecord> after = store.modify(seen.id(), r -> IN_FLIGHT.contains(r.state())
                    && r.version() == seen.version() ? uncertain(r, now) : r);
            if (after.isPresent() && after.get().state() == RecordState.UNCERTAIN && after.get().version() > seen.version()) {
                orphans.add(seen.id());
            }
        }
        return orphans;
    }

    private static JobRecord uncertain(JobRecord r, Instant now) {
        return r.toBuilder().state(RecordState.UNCERTAIN).updatedAt(now)
                .lastError("instance " + r.owner() + " stopped before the answer to this " + r.state().name()
                        .toLowerCase(java.util.Locale.ROOT) + " submit came: the job may exist at " + r.providerId())
                .build();
    }
}
