package dev.videogen4j.engine;

import static dev.videogen4j.testing.Futures.failure;
import static dev.videogen4j.testing.Futures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.Attempt;
import dev.videogen4j.Cost;
import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.testing.Failures;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which provider gets a request, and when it may move on to the next one without paying twice. */
class RoutingTest {
    private static final String ACME_MODEL = "acme-kling-2.5";
    private static final String ZETA_MODEL = "zeta-kling-v2.5-turbo";
    private static final Cost ZETA_COST = Cost.estimated(new BigDecimal("0.25"));   // its price table, 5 s

    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final ScriptedProvider acme = ScriptedProvider.of("acme", clock);
    private final ScriptedProvider zeta = ScriptedProvider.of("zeta", clock);

    @AfterEach
    void noBackgroundTaskFailed() {
        assertEquals(List.of(), scheduler.failures());
    }

    private VideoClient fallback(Map<String, String> env) {
        return TestClients.virtual(scheduler, env, acme, zeta).build();     // fallback:acme,zeta
    }

    private <T> CompletableFuture<T> run(CompletableFuture<T> f) {
        scheduler.runUntilDone(f, Duration.ofMinutes(5));
        return f;
    }

    @Test
    void fallbackMovesOnAfterARejectedSubmitAndRecordsEveryAttempt() {
        acme.failSubmit(Failures.http("acme", Operation.SUBMIT, 503));
        VideoClient client = fallback(Map.of());

        VideoResult r = value(run(client.generateAsync(Requests.t2v(), Duration.ofMinutes(10))));

        assertEquals("zeta", r.providerId());
        assertEquals(4, acme.count(Operation.SUBMIT), "acme's own retries come first");
        assertEquals(List.of(Attempt.rejected("acme", ACME_MODEL, "acme submit failed: HTTP 503"),
                new Attempt("zeta", ZETA_MODEL, Attempt.Outcome.SUCCEEDED, "", ZETA_COST)), r.attempts());
        assertEquals(ZETA_COST, r.totalCost(), "the refused submit created no job, so it adds nothing");
    }

    @Test
    void theJobHandleListsTheRejectedAttemptAndTheAcceptingOne() {
        acme.failSubmit(Failures.connectRefused("acme", Operation.SUBMIT));
        VideoClient client = fallback(Map.of("VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "1"));

        VideoJob job = value(run(client.submitAsync(Requests.t2v())));

        assertEquals("zeta", job.providerId());
        assertEquals(List.of(
                Attempt.rejected("acme", ACME_MODEL, "acme submit failed: could not connect (ConnectException: Connection refused)"),
                Attempt.accepted("zeta", ZETA_MODEL, ZETA_COST)), job.attempts());
    }

    static Stream<RuntimeException> providersFault() {
        return Stream.of(
                Failures.unparseable("acme", Operation.SUBMIT, 503),                                // an HTML error page
                Failures.http("acme", Operation.SUBMIT, 404, "not_found", "no such application"),   // stale catalog
                Failures.rateLimited("acme", Operation.SUBMIT, Duration.ofSeconds(1)),
                Failures.http("acme", Operation.SUBMIT, 401, "invalidApiKey", "bad key"),
                Failures.http("acme", Operation.SUBMIT, 402, "insufficientCredits", "top up"));
    }

    @ParameterizedTest
    @MethodSource("providersFault")
    void fallbackMovesOnWheneverTheFirstProviderProvablyRefusedForItsOwnReasons(RuntimeException error) {
        acme.failSubmit(error);
        VideoClient client = fallback(Map.of("VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "1"));

        VideoJob job = value(run(client.submitAsync(Requests.t2v())));

        assertEquals("zeta", job.providerId());
        assertEquals("rejected: " + error.getMessage(), job.attempts().get(0).describe());
    }

    @Test
    void anOpenCircuitSendsTheRequestToTheNextProviderWithoutCallingTheFirst() {
        acme.failSubmit(Failures.http("acme", Operation.SUBMIT, 503));
        VideoClient client = fallback(Map.of("VIDEOGEN4J_ACME_RETRY_MAX_ATTEMPTS", "1",
                "VIDEOGEN4J_ACME_CIRCUIT_WINDOW", "1", "VIDEOGEN4J_ACME_CIRCUIT_MIN_CALLS", "1"));
        value(run(client.submitAsync(Requests.t2v())));         // opens acme's circuit
        assertEquals(1, acme.count(Operation.SUBMIT));

        VideoJob job = value(run(client.submitAsync(Requests.t2v())));

        assertEquals("zeta", job.providerId());
        assertEquals(1, acme.count(Operation.SUBMIT), "nothing sent through an open circuit");
        assertTrue(job.attempts().get(0).describe().startsWith("rejected: circuit breaker for acme is open"),
                job.attempts().get(0).describe());
        assertEquals(2, zeta.count(Operation.SUBMIT));
    }

    @Test
    void neverFallsBackAfterASubmitWithUnknownOutcome() {
        acme.failSubmit(Failures.readTimeout("acme", Operation.SUBMIT));
        VideoClient client = fallback(Map.of());

        failure(run(client.generateAsync(Requests.t2v(), Duration.ofMinutes(10))), SubmissionUncertainException.class);

        assertEquals(1, acme.count(Operation.SUBMIT));
        assertEquals(0, zeta.count(Operation.SUBMIT), "zeta could be a second bill");
    }

    @Test
    void neverFallsBackWhenADeduplicatingProviderStaysUncertain() {
        acme.deduplicatingSubmits(true).failSubmit(Failures.readTimeout("acme", Operation.SUBMIT));
        VideoClient client = fallback(Map.of());

        // Every attempt may have landed; after the last one the job may exist, so the caller must hear "uncertain".
        SubmissionUncertainException e = failure(run(client.submitAsync(Requests.t2v())), SubmissionUncertainException.class);

        assertEquals("acme", e.providerId());
        assertEquals(4, acme.count(Operation.SUBMIT));
        assertEquals(0, zeta.count(Operation.SUBMIT));
    }

    static Stream<RuntimeException> requestsFault() {
        return Stream.of(
                Failures.http("acme", Operation.SUBMIT, 422, "invalid_prompt", "prompt too short"),
                Failures.kind("acme", Operation.SUBMIT, 400, ErrorKind.CONTENT_POLICY, "prompt refused"));
    }

    @ParameterizedTest
    @MethodSource("requestsFault")
    void neverFallsBackOnValidationOrContentPolicyErrors(RuntimeException error) {
        acme.failSubmit(error);
        VideoClient client = fallback(Map.of());

        VideoGenException e = failure(run(client.submitAsync(Requests.t2v())), VideoGenException.class);

        assertSame(error, e);
        assertEquals(0, zeta.count(Operation.SUBMIT), "zeta would refuse it too");
    }

    @Test
    void aRequestNoProviderAcceptsFailsBeforeAnyCall() {
        VideoClient client = fallback(Map.of());
        var request = Requests.t2v().toBuilder().durationSeconds(7).build();

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.submit(request));

        assertEquals("Invalid request for acme-kling-2.5: 1 problem: durationSeconds=7 (allowed: 5, 10)", e.getMessage());
        assertEquals(List.of(), acme.calls());
        assertEquals(List.of(), zeta.calls());
    }

    @Test
    void aRequestOnlyTheSecondProviderAcceptsGoesStraightToIt() {
        VideoClient client = fallback(Map.of());

        VideoJob job = value(run(client.submitAsync(Requests.t2v().toBuilder().aspectRatio("1:1").build())));

        assertEquals("zeta", job.providerId());
        assertEquals(List.of(Attempt.accepted("zeta", ZETA_MODEL, ZETA_COST)), job.attempts());
        assertEquals(List.of(), acme.calls());
    }

    @Test
    void aJobThatFailsProviderSideIsResubmittedToTheNextProviderByGenerate() {
        acme.answerPoll(JobStatus.running(null), JobStatus.failed(ErrorKind.OTHER, "gpu_error", "the GPU fell over"));
        VideoClient client = fallback(Map.of());

        VideoResult r = value(run(client.generateAsync(Requests.t2v(), Duration.ofMinutes(10))));

        assertEquals("zeta", r.providerId());
        assertEquals(List.of(
                new Attempt("acme", ACME_MODEL, Attempt.Outcome.JOB_FAILED, "Job vg1:acme:acme-kling-2.5:job-1 on acme "
                        + "ended FAILED: gpu_error the GPU fell over", Cost.unknown()),
                new Attempt("zeta", ZETA_MODEL, Attempt.Outcome.SUCCEEDED, "", ZETA_COST)), r.attempts());
        assertEquals(Cost.unknown(), r.totalCost(), "whether acme bills its failed job is not known");
        assertEquals(1, acme.count(Operation.SUBMIT));
        assertEquals(1, zeta.count(Operation.SUBMIT));
    }

    @Test
    void aJobRefusedForItsContentIsNotResubmittedElsewhere() {
        acme.answerPoll(JobStatus.failed(ErrorKind.CONTENT_POLICY, "content_policy_violation", "flagged"));
        VideoClient client = fallback(Map.of());

        JobFailedException e = failure(run(client.generateAsync(Requests.t2v(), Duration.ofMinutes(10))),
                JobFailedException.class);

        assertEquals("content_policy_violation", e.status().code().orElseThrow());
        assertEquals(0, zeta.count(Operation.SUBMIT));
    }

    @Test
    void cheapestTriesTheLowestQuoteFirstAndFallsBackToTheNext() {
        zeta.failSubmit(Failures.http("zeta", Operation.SUBMIT, 503));
        VideoClient client = TestClients.virtual(scheduler, Map.of("VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "1"), acme, zeta)
                .routing("cheapest:acme,zeta").build();

        VideoJob job = value(run(client.submitAsync(Requests.t2v())));

        assertEquals("cheapest:acme,zeta", client.routing());
        assertEquals(List.of("zeta", "acme"), job.attempts().stream().map(Attempt::providerId).toList(),
                "zeta ($0.25) before acme ($0.35)");
        assertEquals(1, zeta.count(Operation.SUBMIT));
    }

    @Test
    void cheapestWithoutProviderIdsUsesEveryConfiguredProvider() {
        VideoClient client = TestClients.virtual(scheduler, acme, zeta).routing("cheapest").build();

        assertEquals(List.of("acme", "zeta"), client.providers());
        assertEquals("zeta", value(run(client.submitAsync(Requests.t2v()))).providerId());
    }

    @Test
    void fastestPrefersTheProviderWithTheLowestObservedLatency() {
        acme.failSubmit(Failures.http("acme", Operation.SUBMIT, 503)).acceptSubmit("job-2");
        VideoClient client = TestClients.virtual(scheduler, Map.of("VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "1"), acme, zeta)
                .routing("fastest:acme,zeta").build();
        // unmeasured providers keep their order: acme first; it rejects, zeta serves and gets measured
        assertEquals("zeta", value(run(client.generateAsync(Requests.t2v(), Duration.ofMinutes(10)))).providerId());

        VideoJob next = value(run(client.submitAsync(Requests.t2v())));

        assertEquals("zeta", next.providerId());
        assertEquals(1, acme.count(Operation.SUBMIT));
    }

    @Test
    void singleNeverFallsBack() {
        acme.failSubmit(Failures.http("acme", Operation.SUBMIT, 503));
        VideoClient client = TestClients.virtual(scheduler, Map.of("VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "1"), acme, zeta)
                .routing("single:acme").build();

        failure(run(client.submitAsync(Requests.t2v())), ProviderUnavailableException.class);

        assertEquals(List.of("acme"), client.providers());
        assertEquals(0, zeta.count(Operation.SUBMIT));
    }
}
