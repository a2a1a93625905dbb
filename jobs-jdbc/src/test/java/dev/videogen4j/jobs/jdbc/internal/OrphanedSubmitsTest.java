package dev.videogen4j.jobs.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobRequest;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.jobs.RecordState;
import dev.videogen4j.jobs.jdbc.JdbcJobStore;
import dev.videogen4j.jobs.jdbc.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Submits left INTENDED or SUBMITTING by a dead instance become UNCERTAIN, and only those. */
class OrphanedSubmitsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void staleInFlightSubmitsBecomeUncertainAndAcceptedJobsWithoutAPollAreHandedToThePolls() {
        JdbcDataSource data = TestDatabases.h2();
        try (JobStore store = JdbcJobStore.create(data)) {
            OrphanedSubmits sweep = new OrphanedSubmits(store, new JobRows(data, false), Duration.ofSeconds(30));
            JobRecord intended = insert(store, T0);
            JobRecord sending = store.update(insert(store, T0).toBuilder().state(RecordState.SUBMITTING).build()).orElseThrow();
            JobRecord fresh = insert(store, T0.plusSeconds(100));
            JobRecord accepted = store.update(store.update(insert(store, T0).toBuilder().state(RecordState.SUBMITTING)
                    .build()).orElseThrow().toBuilder().state(RecordState.ACCEPTED).nativeJobId("v1").build()).orElseThrow();

            List<String> orphans = sweep.settle(T0.plusSeconds(120));

            assertEquals(Set.of(intended.id(), sending.id(), accepted.id()), Set.copyOf(orphans));
            JobRecord settled = store.get(sending.id()).orElseThrow();
            assertEquals(RecordState.UNCERTAIN, settled.state());
            assertEquals("instance instance-a stopped before the answer to this submitting submit came: the job may "
                    + "exist at runware", settled.lastError());
            assertEquals(RecordState.INTENDED, store.get(fresh.id()).orElseThrow().state());
            assertEquals(accepted, store.get(accepted.id()).orElseThrow());
            assertEquals(List.of(accepted.id()), sweep.settle(T0.plusSeconds(120)),
                    "a second sweep turns nothing more UNCERTAIN; the accepted job still has no poll task here");
        }
    }

    private static JobRecord insert(JobStore store, Instant at) {
        JobRequest request = JobRequest.of(TextToVideoRequest.builder().model("kling-2.5-turbo-pro").prompt("a fox").build());
        JobRecord r = JobRecord.builder(UUID.randomUUID().toString(), "runware", "klingai:6@1", request,
                UUID.randomUUID().toString(), at).owner("instance-a").build();
        store.insert(r);
        return r;
    }
}
