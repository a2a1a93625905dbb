package dev.videogen4j.fal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.testkit.EmulatorHarness;
import dev.videogen4j.testkit.EmulatorStats;
import dev.videogen4j.testkit.Fault;
import dev.videogen4j.testkit.FaultPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 (a), fal: 500 jobs under 30 % mixed transient faults on submits and on polls. fal cannot de-duplicate a
 * submit, so one whose outcome a fault left unknown is never resent: it ends in
 * {@link SubmissionUncertainException}. Every other job succeeds, and fal bills exactly the successes plus the
 * unknown submits it did in fact accept — never a second job for one request.
 */
class FalSurvivesTransientFaultsTest {
    private static final int JOBS = 500;
    static final Set<Fault> MIXED = EnumSet.of(Fault.HTTP_429, Fault.HTTP_500, Fault.HTTP_502, Fault.HTTP_503,
            Fault.HTTP_504, Fault.RESET_BEFORE_REQUEST, Fault.RESET_AFTER_REQUEST, Fault.MALFORMED_JSON,
            Fault.TRUNCATED_JSON, Fault.HTML_ERROR_PAGE);
    /** The faults whose answer proves the submit was not processed (429, 503): the only ones resent. */
    private static final Set<Fault> PROVABLY_REJECTED = EnumSet.of(Fault.HTTP_429, Fault.HTTP_503);

    private final EmulatorHarness h = EmulatorHarness.fal(Duration.ofSeconds(5), Duration.ofSeconds(30));

    @AfterEach
    void close() {
        h.close();
    }

    static FaultPlan thirtyPercent(String scope) {
        FaultPlan.Builder b = FaultPlan.builder();
        MIXED.forEach(f -> b.rate(f, 0.03, scope));
        return b.build();
    }

    @Test
    void fiveHundredJobsUnderThirtyPercentFaultsSucceedOrEndUncertainAndNothingIsBilledTwice() {
        VideoClient client = h.build(h.client()
                .retry(10, Duration.ofMillis(200), Duration.ofSeconds(5))
                .circuitBreaker(50, 100, 50, Duration.ofSeconds(30)));
        h.emulator().faults(thirtyPercent("fal.submit"));
        List<CompletableFuture<VideoJob>> submits = new ArrayList<>();
        List<CompletableFuture<VideoResult>> results = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            CompletableFuture<VideoJob> s = client.submitAsync(EmulatorHarness.request(i));
            submits.add(s);
            results.add(s.thenCompose(job -> client.awaitAsync(job.id(), Duration.ofHours(1))));
        }
        h.completeAll(submits);
        EmulatorStats afterSubmits = h.emulator().stats();
        h.emulator().faults(thirtyPercent(null));
        h.completeAll(results);

        List<SubmissionUncertainException> uncertain = new ArrayList<>();
        long succeeded = 0;
        for (CompletableFuture<VideoResult> r : results) {
            if (!r.isCompletedExceptionally()) {
                succeeded++;
                continue;
            }
            Throwable e = r.handle((v, t) -> t instanceof CompletionException ? t.getCause() : t).join();
            uncertain.add(assertInstanceOf(SubmissionUncertainException.class, e, "only unknown submits may fail"));
        }
        EmulatorStats end = h.emulator().stats();
        long unknownFaults = MIXED.stream().filter(f -> !PROVABLY_REJECTED.contains(f))
                .mapToLong(afterSubmits::faultsInjected).sum();
        long acceptedUnknown = MIXED.stream().filter(Fault::processesRequest).mapToLong(afterSubmits::faultsInjected).sum();
        long resent = PROVABLY_REJECTED.stream().mapToLong(afterSubmits::faultsInjected).sum();
        System.out.printf("fal: %d succeeded, %d uncertain (%d of them accepted by fal), %d billable, %d jobs,"
                        + " %d duplicates, %d submit requests, %d faults in all, %d requests%n", succeeded,
                uncertain.size(), acceptedUnknown, end.billableJobs("fal"), end.jobsSubmitted("fal"),
                end.duplicateSubmissions("fal"), end.requests("fal.submit"), end.faultsInjected(), end.httpRequests("fal"));
        assertEquals(JOBS, succeeded + uncertain.size());
        assertEquals(unknownFaults, uncertain.size(), "every submit a non-rejecting fault hit is uncertain, no other");
        assertEquals(succeeded + acceptedUnknown, end.billableJobs("fal"));
        assertEquals(succeeded + acceptedUnknown, end.jobsSubmitted("fal"));
        assertEquals(JOBS + resent, end.requests("fal.submit"), "only provably rejected submits were sent again");
        assertEquals(0, end.duplicateSubmissions("fal"));
        for (SubmissionUncertainException e : uncertain) {
            assertEquals("fal", e.providerId());
            assertEquals("fal-ai/kling-video/v2.5-turbo/standard/image-to-video", e.model());
        }
    }
}
