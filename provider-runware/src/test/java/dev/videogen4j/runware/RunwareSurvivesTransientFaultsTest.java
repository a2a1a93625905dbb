package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 (a), Runware: 500 jobs under 30 % mixed transient faults on submits and on polls all succeed, and the
 * emulator bills exactly 500 jobs. A submit whose answer a fault hid is resent under the same taskUUID, which
 * Runware refuses as {@code conflictTaskUUID}: that refusal is the only "duplicate" the emulator may see.
 */
class RunwareSurvivesTransientFaultsTest {
    private static final int JOBS = 500;
    static final Set<Fault> MIXED = EnumSet.of(Fault.HTTP_429, Fault.HTTP_500, Fault.HTTP_502, Fault.HTTP_503,
            Fault.HTTP_504, Fault.RESET_BEFORE_REQUEST, Fault.RESET_AFTER_REQUEST, Fault.MALFORMED_JSON,
            Fault.TRUNCATED_JSON, Fault.HTML_ERROR_PAGE);

    private final EmulatorHarness h = EmulatorHarness.runware(Duration.ofSeconds(5), Duration.ofSeconds(30));

    @AfterEach
    void close() {
        h.close();
    }

    /** 30 % of the requests in {@code scope} (null: all) fail, 3 % for each of the ten transient faults. */
    static FaultPlan thirtyPercent(String scope) {
        FaultPlan.Builder b = FaultPlan.builder();
        MIXED.forEach(f -> b.rate(f, 0.03, scope));
        return b.build();
    }

    @Test
    void fiveHundredJobsUnderThirtyPercentFaultsAllSucceedAndAreBilledOnce() {
        VideoClient client = h.build(h.client()
                .retry(10, Duration.ofMillis(200), Duration.ofSeconds(5))
                .circuitBreaker(50, 100, 50, Duration.ofSeconds(30)));
        // Submits first, faults on submits only, so the emulator's fault counters are the submits' own.
        h.emulator().faults(thirtyPercent("runware.videoInference"));
        List<CompletableFuture<VideoJob>> submits = new ArrayList<>();
        List<CompletableFuture<VideoResult>> results = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            CompletableFuture<VideoJob> s = client.submitAsync(EmulatorHarness.request(i));
            submits.add(s);
            results.add(s.thenCompose(job -> client.awaitAsync(job.id(), Duration.ofHours(1))));
        }
        h.completeAll(submits);
        EmulatorStats afterSubmits = h.emulator().stats();
        h.emulator().faults(thirtyPercent(null));   // then polls and result reads under the same faults
        h.completeAll(results);

        long succeeded = results.stream().filter(f -> !f.isCompletedExceptionally()).count();
        results.stream().filter(CompletableFuture::isCompletedExceptionally).findFirst().ifPresent(h::complete);
        EmulatorStats end = h.emulator().stats();
        long processedFaultsOnSubmit = MIXED.stream().filter(Fault::processesRequest)
                .mapToLong(afterSubmits::faultsInjected).sum();
        System.out.printf("runware: %d succeeded, %d billable, %d jobs, %d taskUUID re-uses, %d submit faults"
                        + " (%d processed), %d faults in all, %d requests%n", succeeded, end.billableJobs("runware"),
                end.jobsSubmitted("runware"), end.refusedResubmissions("runware"), afterSubmits.faultsInjected(),
                processedFaultsOnSubmit, end.faultsInjected(), end.httpRequests("runware"));
        assertEquals(JOBS, succeeded);
        assertEquals(JOBS, end.billableJobs("runware"));
        assertEquals(JOBS, end.jobsSubmitted("runware"));
        // Every resend after a processed-but-unanswered submit carried the same taskUUID and was refused as such.
        assertEquals(processedFaultsOnSubmit, end.refusedResubmissions("runware"));
        assertEquals(0, end.duplicateSubmissions("runware"), "no request became a second job");
    }
}
