package dev.videogen4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.Cost;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.OutputFormat;
import dev.videogen4j.Workflow;
import dev.videogen4j.error.JobStoreException;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobRequest;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.jobs.RecordState;
import dev.videogen4j.jobs.SpendTotal;
import dev.videogen4j.spi.ErrorKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobStore} must do: keep every field of a record, refuse a stale update, find records by
 * submission id, vendor id and state, and total the spend. A store implementation extends this class:
 *
 * <pre>{@code
 * class JdbcJobStoreTest extends JobStoreContractTest {
 *     protected JobStore newStore() { return JdbcJobStore.create(dataSource); }   // an empty store per test
 * }
 * }</pre>
 */
public abstract class JobStoreContractTest {
    protected static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123456Z");

    protected JobStore store;

    /** An empty store; called before each test and closed after it. */
    protected abstract JobStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) store.close();   // null when newStore() failed: report that failure, not this one
    }

    /** A new INTENDED record of {@code provider}/{@code model}, created at {@code at}. */
    protected static JobRecord intended(String provider, String model, Instant at) {
        JobRequest request = new JobRequest(Workflow.IMAGE_TO_VIDEO, "kling-2.1-pro", "a fox in snow", "blur", 5,
                "16:9", null, null, 0.5, 42L, 1, OutputFormat.MP4, 95, true, "1080p", "https://example.com/hook?vg=t",
                Map.of("motion", "slow", "nested", Map.of("a", "b"), "flag", true), "https://example.com/1.jpg",
                "sha256:ab12;image/png;10 bytes");
        return JobRecord.builder(UUID.randomUUID().toString(), provider, model, request,
                UUID.randomUUID().toString(), at).quotedCost(new BigDecimal("0.35")).owner("instance-a").build();
    }

    /** A record moved through every state to SUCCEEDED, every field set. */
    protected static JobRecord succeeded(JobRecord r, BigDecimal cost) {
        JobRecord running = r.toBuilder().state(RecordState.SUBMITTING).build().toBuilder()
                .state(RecordState.ACCEPTED).nativeJobId("v-" + r.submissionId()).build().toBuilder()
                .state(RecordState.RUNNING).build();
        return running.toBuilder().state(RecordState.SUCCEEDED)
                .actualCost(Cost.reported(cost)).submittedAt(r.createdAt().plusMillis(5))
                .acceptedAt(r.createdAt().plusMillis(80)).startedAt(r.createdAt().plusSeconds(4))
                .endedAt(r.createdAt().plusSeconds(10)).updatedAt(r.createdAt().plusSeconds(10)).attempts(2)
                .videos(List.of(new GeneratedVideo("https://cdn.example.com/v.mp4", "vid-1", "video/mp4", 123_456L, 7L)))
                .errorKind(ErrorKind.TIMEOUT).errorCode("none").lastError("first attempt timed out").build();
    }

    @Test
    void aRecordReadsBackWithEveryField() {
        JobRecord r = intended("runware", "klingai:5@3", T0);
        store.insert(r);
        assertEquals(Optional.of(r), store.get(r.id()));
        JobRecord done = store.update(succeeded(r, new BigDecimal("0.3512"))).orElseThrow();
        assertEquals(1, done.version());
        assertEquals(Optional.of(done), store.get(r.id()));
        assertEquals(succeeded(r, new BigDecimal("0.3512")).toBuilder().version(1).build(), done);
    }

    @Test
    void modifyStoresEveryFieldTheChangeSetUnderTheNextVersion() {
        JobRecord r = intended("runware", "klingai:5@3", T0);
        store.insert(r);
        JobRecord sending = store.modify(r.id(), x -> x.toBuilder().state(RecordState.SUBMITTING).attempts(1).build())
                .orElseThrow();
        assertEquals(r.toBuilder().state(RecordState.SUBMITTING).attempts(1).version(1).build(), sending);
        JobRecord done = store.modify(r.id(), x -> succeeded(x, new BigDecimal("0.3512"))).orElseThrow();
        assertEquals(succeeded(sending, new BigDecimal("0.3512")).toBuilder().version(2).build(), done);
        assertEquals(Optional.of(done), store.get(r.id()));
    }

    @Test
    void modifyStoresAChangeBuiltFromAnOlderCopyOverTheRecordItRead() {
        JobRecord r = intended("runware", "klingai:5@3", T0);
        store.insert(r);
        store.update(r.toBuilder().state(RecordState.SUBMITTING).build()).orElseThrow();
        // The change ignores what it is given and returns r's copy (version 0): what it says is still stored.
        JobRecord failed = store.modify(r.id(),
                x -> r.toBuilder().state(RecordState.FAILED).lastError("refused").build()).orElseThrow();
        assertEquals(r.toBuilder().state(RecordState.FAILED).lastError("refused").version(2).build(), failed);
        assertEquals(Optional.of(failed), store.get(r.id()));
    }

    @Test
    void anUnknownIdIsEmpty() {
        assertEquals(Optional.empty(), store.get("no-such-id"));
        assertEquals(Optional.empty(), store.findBySubmissionId("runware", "no-such-id"));
        assertEquals(Optional.empty(), store.findByNativeJobId("runware", "no-such-id"));
    }

    @Test
    void aSecondInsertOfTheSameIdIsRefused() {
        JobRecord r = intended("fal", "fal-ai/kling", T0);
        store.insert(r);
        assertThrows(JobStoreException.class, () -> store.insert(r));
        assertEquals(Optional.of(r), store.get(r.id()));
    }

    @Test
    void anUpdateFromAStaleVersionChangesNothing() {
        JobRecord r = intended("runware", "klingai:5@3", T0);
        store.insert(r);
        JobRecord sending = store.update(r.toBuilder().state(RecordState.SUBMITTING).attempts(1).build()).orElseThrow();
        // r is version 0, the store is at 1: the writer that read r lost the race.
        assertEquals(Optional.empty(), store.update(r.toBuilder().state(RecordState.FAILED).build()));
        assertEquals(Optional.of(sending), store.get(r.id()));
        assertEquals(Optional.empty(), store.update(intended("runware", "klingai:5@3", T0)), "missing record");
    }

    @Test
    void concurrentModificationsLoseNoUpdate() throws Exception {
        JobRecord r = intended("runware", "klingai:5@3", T0);
        store.insert(r);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 25; i++) {
                        store.modify(r.id(), cur -> cur.toBuilder().attempts(cur.attempts() + 1).build());
                    }
                }, pool));
            }
            CompletableFuture.allOf(writers.toArray(new CompletableFuture<?>[0])).get();
        } finally {
            pool.shutdown();
        }
        JobRecord after = store.get(r.id()).orElseThrow();
        assertEquals(100, after.attempts());
        assertEquals(100, after.version());
    }

    @Test
    void recordsAreFoundBySubmissionIdAndNativeJobIdOfTheirProvider() {
        JobRecord r = intended("fal", "fal-ai/kling", T0);
        store.insert(r);
        assertEquals(Optional.of(r), store.findBySubmissionId("fal", r.submissionId()));
        assertEquals(Optional.empty(), store.findBySubmissionId("runware", r.submissionId()));
        JobRecord accepted = store.update(r.toBuilder().state(RecordState.SUBMITTING).build())
                .flatMap(s -> store.update(s.toBuilder().state(RecordState.ACCEPTED).nativeJobId("req-1")
                        .acceptedAt(T0.plusSeconds(1)).build())).orElseThrow();
        assertEquals(Optional.of(accepted), store.findByNativeJobId("fal", "req-1"));
        assertEquals(Optional.empty(), store.findByNativeJobId("runware", "req-1"));
        assertEquals(Optional.of(accepted), store.findBySubmissionId("fal", r.submissionId()));
    }

    @Test
    void findByStateListsOldestFirstUpToTheLimit() {
        JobRecord old = intended("runware", "m", T0);
        JobRecord mid = intended("runware", "m", T0.plusSeconds(1));
        JobRecord young = intended("fal", "m", T0.plusSeconds(2));
        store.insert(young);
        store.insert(old);
        store.insert(mid);
        JobRecord done = store.update(succeeded(mid, BigDecimal.ONE)).orElseThrow();
        assertEquals(List.of(old, young), store.findByState(Set.of(RecordState.INTENDED), 10));
        assertEquals(List.of(old), store.findByState(Set.of(RecordState.INTENDED), 1));
        assertEquals(List.of(done), store.findByState(Set.of(RecordState.SUCCEEDED), 10));
        assertEquals(List.of(old, young), store.live(10));
        assertEquals(List.of(), store.findByState(Set.of(RecordState.UNCERTAIN), 10));
    }

    @Test
    void spendTotalsCountBillableRecordsOfThePeriodByProviderAndModel() {
        JobRecord a1 = store(succeeded(intended("runware", "klingai:5@3", T0), new BigDecimal("0.30")));
        store(succeeded(intended("runware", "klingai:5@3", T0.plusSeconds(60)), new BigDecimal("0.32")));
        JobRecord uncertain = intended("fal", "fal-ai/kling", T0.plusSeconds(1));
        store.insert(uncertain);
        store.update(uncertain.toBuilder().state(RecordState.UNCERTAIN).lastError("timeout after sending").build());
        store.insert(intended("fal", "fal-ai/kling", T0.plusSeconds(2)));                      // never sent: not billed
        store(succeeded(intended("runware", "klingai:5@3", T0.plusSeconds(3600)), BigDecimal.TEN)); // outside the period
        store(succeeded(intended("runware", "klingai:5@3", T0.minusMillis(1)), BigDecimal.TEN));   // before it

        List<SpendTotal> totals = store.spend(T0, T0.plusSeconds(3600));
        assertEquals(2, totals.size(), totals.toString());
        SpendTotal fal = totals.get(0);
        assertEquals(List.of("fal", "fal-ai/kling", 1, 1, 0), List.of(fal.providerId(), fal.model(), fal.jobs(),
                fal.withoutActual(), fal.withoutQuote()));
        assertEquals(0, fal.quoted().compareTo(new BigDecimal("0.35")));
        assertEquals(0, fal.actual().signum());
        SpendTotal runware = totals.get(1);
        assertEquals(List.of("runware", "klingai:5@3", 2, 0, 0), List.of(runware.providerId(), runware.model(),
                runware.jobs(), runware.withoutActual(), runware.withoutQuote()));
        assertEquals(0, runware.quoted().compareTo(new BigDecimal("0.70")), runware.toString());
        assertEquals(0, runware.actual().compareTo(new BigDecimal("0.62")), runware.toString());
        assertTrue(store.get(a1.id()).orElseThrow().mayBeBilled());
    }

    private JobRecord store(JobRecord finished) {
        JobRecord intended = JobRecord.builder(finished.id(), finished.providerId(), finished.model(),
                finished.request(), finished.submissionId(), finished.createdAt())
                .quotedCost(finished.quotedCost()).owner(finished.owner()).build();
        store.insert(intended);
        return store.update(finished).orElseThrow();
    }
}
