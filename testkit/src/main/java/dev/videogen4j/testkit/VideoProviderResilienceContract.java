package dev.videogen4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.emulator.EmulatorStats;
import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import dev.videogen4j.JobId;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.error.VideoGenException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The provider contract's resilience part: an outage opens the circuit breaker, which then fails calls fast without
 * traffic and recovers; a stored job id outlives the client through faulty polls; and 500 jobs under 30 % transient
 * faults are billed exactly as the provider's {@link #deduplicatesSubmits() de-duplication} allows. Each test runs
 * on an {@link #harness emulator of its own} with the timing its figures need. Part of {@link
 * VideoProviderContractTest}, which adapters extend.
 *
 * <pre>{@code
 * class RunwareContractTest extends VideoProviderContractTest {   // runs these tests too
 *     protected boolean deduplicatesSubmits() { return true; }
 *     // ...
 * }
 * }</pre>
 */
public abstract class VideoProviderResilienceContract extends VideoProviderDeadlineContract {
    private static final int JOBS = 500;
    private static final Set<Fault> MIXED = EnumSet.of(Fault.HTTP_429, Fault.HTTP_500, Fault.HTTP_502, Fault.HTTP_503,
            Fault.HTTP_504, Fault.RESET_BEFORE_REQUEST, Fault.RESET_AFTER_REQUEST, Fault.MALFORMED_JSON,
            Fault.TRUNCATED_JSON, Fault.HTML_ERROR_PAGE);
    /**
     * The faults whose answer proves a submit was not processed (429 and 503, by {@code ProviderErrors}' rule for
     * every adapter): the only ones resent to a provider that does not de-duplicate.
     */
    private static final Set<Fault> PROVABLY_REJECTED = EnumSet.of(Fault.HTTP_429, Fault.HTTP_503);

    /** 30 % of the requests of {@code kind} (null: all) fail, 3 % for each of the ten transient faults. */
    private static FaultPlan thirtyPercent(String kind) {
        FaultPlan.Builder b = FaultPlan.builder();
        MIXED.forEach(f -> b.rate(f, 0.03, kind));
        return b.build();
    }

    @Test
    void anOutageOpensTheBreakerCallsFailFastWithoutTrafficAndItRecovers() {
        EmulatorHarness h = harness(Duration.ZERO, Duration.ofSeconds(20));
        // the defaults: 4 attempts per call; opens at 50 % of the last 20 calls (after 10), open for 30 s
        VideoClient client = h.build(h.client());
        VideoJob inFlight = h.complete(client.submitAsync(request(0)));
        CompletableFuture<VideoResult> paidFor = client.awaitAsync(inFlight.id(), Duration.ofMinutes(10));

        h.emulator().providerDown(providerId(), Duration.ofSeconds(90));
        ProviderUnavailableException last = null;
        for (int i = 1; i <= 3 && h.circuit().isEmpty(); i++) {
            last = assertThrows(ProviderUnavailableException.class, () -> h.complete(client.submitAsync(request(1))));
        }
        assertEquals(List.of("CLOSED->OPEN"), h.circuit());
        assertTrue(last.circuitOpen(), "the attempt that met the open breaker was refused: " + last.getMessage());
        assertEquals(1, h.emulator().stats().jobsSubmitted(providerId()), "nothing was accepted during the outage");

        long before = h.emulator().stats().httpRequests(providerId());
        ProviderUnavailableException fast = assertThrows(ProviderUnavailableException.class,
                () -> h.complete(client.submitAsync(request(2))));
        assertTrue(fast.circuitOpen());
        assertEquals(SubmitOutcome.REJECTED, fast.submitOutcome(), "nothing was sent, so nothing can be billed");
        assertEquals(providerId(), fast.providerId());
        assertEquals("circuit breaker for " + providerId() + " is open after repeated failures; submit not sent"
                + " (it retries after 30 s)", fast.getMessage());
        h.scheduler().advanceBy(Duration.ofSeconds(20));   // the in-flight job's polls are refused as well
        assertEquals(before, h.emulator().stats().httpRequests(providerId()), "an open breaker sends nothing");
        assertFalse(paidFor.isDone());

        h.scheduler().advanceBy(Duration.ofSeconds(90));   // the provider is back and the open period over
        VideoResult after = h.complete(client.generateAsync(request(3), Duration.ofMinutes(10)));
        assertEquals(1, after.videos().size());
        assertEquals("HALF_OPEN->CLOSED", h.circuit().get(h.circuit().size() - 1), "transitions: " + h.circuit());
        assertTrue(h.circuit().contains("OPEN->HALF_OPEN"), "transitions: " + h.circuit());
        assertEquals(1, h.complete(paidFor).videos().size(), "the job paid for before the outage is not lost");
        assertEquals(2, h.emulator().stats().billableJobs(providerId()));
    }

    @Test
    void aStoredJobIdResumesInANewClientThroughFaultyPollsWithoutResubmitting() {
        EmulatorHarness h = harness(Duration.ZERO, Duration.ofSeconds(40));
        VideoClient before = h.build(h.client());
        String stored = h.complete(before.submitAsync(request(0))).id().toString();
        CompletableFuture<VideoResult> cutShort = before.awaitAsync(JobId.parse(stored), Duration.ofMinutes(5));
        before.close();
        VideoGenException closed = assertThrows(VideoGenException.class, () -> h.complete(cutShort));
        assertEquals("The VideoClient was closed while waiting for job " + stored + "; the job goes on at "
                + providerId() + ": resume it with await(JobId.parse(\"" + stored + "\")) in an open client",
                closed.getMessage());
        h.scheduler().advanceBy(Duration.ofSeconds(15));   // the process is down for a while; the job runs on
        assertEquals(0, h.emulator().stats().requests(pollKind()), "a closed client polls no more");
        h.emulator().faults(FaultPlan.builder().next(Fault.HTTP_503, pollKind())
                .next(Fault.RESET_AFTER_REQUEST, pollKind()).next(Fault.TRUNCATED_JSON, pollKind()).build());

        VideoClient after = h.build(h.client());
        VideoResult r = h.complete(after.awaitAsync(JobId.parse(stored), Duration.ofMinutes(5)));

        assertEquals(stored, r.jobId().toString());
        assertEquals(1, r.videos().size());
        assertEquals(3, h.emulator().stats().faultsInjected());
        assertEquals(1, h.emulator().stats().requests(submitKind()), "resuming never resubmits");
        assertEquals(1, h.emulator().stats().billableJobs(providerId()));

        long polls = h.emulator().stats().requests(pollKind());
        VideoResult again = h.complete(after.awaitAsync(JobId.parse(stored), Duration.ofMinutes(5)));
        assertEquals(r.video().url(), again.video().url());
        assertEquals(polls, h.emulator().stats().requests(pollKind()),
                "a job this client saw finish is answered from memory, without another poll");
        assertEquals(1, h.emulator().stats().requests(submitKind()));
    }

    /**
     * A provider that de-duplicates resends every submit a fault hid and bills exactly 500 jobs, its refused resends
     * matching the processed faults; one that does not resends only provably rejected submits, so the rest end
     * uncertain and it bills the successes plus the uncertain submits it did accept. Never a second job.
     */
    @Test
    void fiveHundredJobsUnderThirtyPercentFaultsAreBilledOnceEachAndNeverTwice() {
        EmulatorHarness h = harness(Duration.ofSeconds(5), Duration.ofSeconds(30));
        VideoClient client = h.build(h.client()
                .retry(10, Duration.ofMillis(200), Duration.ofSeconds(5))
                .circuitBreaker(50, 100, 50, Duration.ofSeconds(30)));
        // Submits first, faults on submits only, so the emulator's fault counters are the submits' own.
        h.emulator().faults(thirtyPercent(submitKind()));
        List<CompletableFuture<VideoJob>> submits = new ArrayList<>();
        List<CompletableFuture<VideoResult>> results = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            CompletableFuture<VideoJob> s = client.submitAsync(request(i));
            submits.add(s);
            results.add(s.thenCompose(job -> client.awaitAsync(job.id(), Duration.ofHours(1))));
        }
        h.completeAll(submits);
        EmulatorStats afterSubmits = h.emulator().stats();
        h.emulator().faults(thirtyPercent(null));   // then polls and result reads under the same faults
        h.completeAll(results);

        long succeeded = results.stream().filter(f -> !f.isCompletedExceptionally()).count();
        List<SubmissionUncertainException> uncertain = new ArrayList<>();
        for (CompletableFuture<VideoResult> r : results) {
            if (!r.isCompletedExceptionally()) continue;
            if (deduplicatesSubmits()) h.complete(r);   // nothing may fail: throw the first failure as it is
            Throwable e = r.handle((v, t) -> t instanceof CompletionException ? t.getCause() : t).join();
            uncertain.add(assertInstanceOf(SubmissionUncertainException.class, e, "only unknown submits may fail"));
        }
        EmulatorStats end = h.emulator().stats();
        String p = providerId();
        long processed = MIXED.stream().filter(Fault::processesRequest).mapToLong(afterSubmits::faultsInjected).sum();
        long rejected = PROVABLY_REJECTED.stream().mapToLong(afterSubmits::faultsInjected).sum();
        System.out.printf("%s: %d succeeded, %d uncertain, %d billable, %d jobs, %d refused resends, %d submit faults"
                        + " (%d processed, %d provably rejected), %d submit requests, %d faults in all, %d requests%n",
                p, succeeded, uncertain.size(), end.billableJobs(p), end.jobsSubmitted(p), end.refusedResubmissions(p),
                afterSubmits.faultsInjected(), processed, rejected, end.requests(submitKind()), end.faultsInjected(),
                end.httpRequests(p));
        assertEquals(0, end.duplicateSubmissions(p), "no request became a second job");
        if (deduplicatesSubmits()) {
            assertEquals(JOBS, succeeded);
            assertEquals(JOBS, end.billableJobs(p));
            assertEquals(JOBS, end.jobsSubmitted(p));
            // Every resend after a processed-but-unanswered submit carried the same id and was refused as such.
            assertEquals(processed, end.refusedResubmissions(p));
            return;
        }
        long unknown = MIXED.stream().filter(f -> !PROVABLY_REJECTED.contains(f))
                .mapToLong(afterSubmits::faultsInjected).sum();
        assertEquals(JOBS, succeeded + uncertain.size());
        assertEquals(unknown, uncertain.size(), "every submit a non-rejecting fault hit is uncertain, no other");
        assertEquals(succeeded + processed, end.billableJobs(p));
        assertEquals(succeeded + processed, end.jobsSubmitted(p));
        assertEquals(JOBS + rejected, end.requests(submitKind()), "only provably rejected submits were sent again");
        String model = submits.stream().filter(f -> !f.isCompletedExceptionally()).findFirst().orElseThrow()
                .join().id().model();
        for (SubmissionUncertainException e : uncertain) {
            assertEquals(p, e.providerId());
            assertEquals(model, e.model(), "the native model every accepted job of the same request got");
        }
    }
}
