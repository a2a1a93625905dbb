package dev.videogen4j.engine;

import static dev.videogen4j.testing.Futures.failure;
import static dev.videogen4j.testing.Futures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.ContentPolicyException;
import dev.videogen4j.error.InsufficientCreditsException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.RateLimitedException;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.testing.Failures;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.RecordingListener;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What is retried on submit, with which submission id, after how long — and what never is. */
class SubmitResilienceTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final RecordingListener events = new RecordingListener(clock);
    private final ScriptedProvider acme = ScriptedProvider.of("acme", clock);

    @AfterEach
    void noBackgroundTaskFailed() {
        assertEquals(List.of(), scheduler.failures());
    }

    private VideoClient client(Map<String, String> env) {
        return TestClients.virtual(scheduler, env, acme).listener(events).build();
    }

    private CompletableFuture<VideoJob> submit(VideoClient client) {
        CompletableFuture<VideoJob> f = client.submitAsync(Requests.t2v());
        scheduler.runUntilDone(f, Duration.ofMinutes(5));
        return f;
    }

    private static Instant at(double seconds) {
        return MutableClock.START.plusMillis(Math.round(seconds * 1000));
    }

    @Test
    void aRejectedSubmitIsRetriedWithTheSameSubmissionIdAfterBackoff() {
        acme.failSubmit(Failures.http("acme", Operation.SUBMIT, 503), Failures.connectRefused("acme", Operation.SUBMIT))
                .acceptSubmit("job-7");

        VideoJob job = value(submit(client(Map.of())));

        assertEquals("job-7", job.jobId().nativeJobId());
        assertEquals(List.of(at(0), at(0.5), at(1.5)), acme.times(Operation.SUBMIT));
        List<String> ids = acme.submissionIds();
        assertEquals(3, ids.size());
        assertEquals(1, ids.stream().distinct().count(), "every attempt carries the one submission id: " + ids);
        assertEquals(List.of("0 retry acme submit #1 wait 500", "500 retry acme submit #2 wait 1000"), events.events("retry"));
    }

    @Test
    void eachJobGetsItsOwnSubmissionId() {
        VideoClient client = client(Map.of());
        value(submit(client));
        value(submit(client));
        assertEquals(2, acme.submissionIds().stream().distinct().count());
    }

    @Test
    void submitRetriesStopAfterMaxAttemptsWithTheLastError() {
        RuntimeException unavailable = Failures.http("acme", Operation.SUBMIT, 503);
        acme.failSubmit(unavailable);

        ProviderUnavailableException e = failure(submit(client(Map.of())), ProviderUnavailableException.class);

        assertSame(unavailable, e);
        assertEquals(SubmitOutcome.REJECTED, e.submitOutcome());
        assertEquals(4, acme.count(Operation.SUBMIT));            // default: 4 attempts
        assertEquals(List.of(at(0), at(0.5), at(1.5), at(3.5)), acme.times(Operation.SUBMIT));
    }

    @Test
    void submitWithUnknownOutcomeIsNeverResent() {
        acme.failSubmit(Failures.readTimeout("acme", Operation.SUBMIT));

        SubmissionUncertainException e = failure(submit(client(Map.of())), SubmissionUncertainException.class);

        assertEquals(1, acme.count(Operation.SUBMIT));
        assertEquals("acme", e.providerId());
        assertEquals("acme-kling-2.5", e.model());
        assertEquals(MutableClock.START, e.sentAt());
        assertEquals("Submit to acme (acme-kling-2.5) may or may not have been accepted: acme submit failed: no response "
                + "(SocketTimeoutException: timeout). videogen4j stopped there: another submit could pay twice.", e.getMessage());
        assertEquals(SubmitOutcome.UNKNOWN, ((ProviderUnavailableException) e.getCause()).submitOutcome());
    }

    @Test
    void aServerErrorOnSubmitIsAnUnknownOutcomeToo() {
        acme.failSubmit(Failures.http("acme", Operation.SUBMIT, 500, null, "internal error"));

        failure(submit(client(Map.of())), SubmissionUncertainException.class);

        assertEquals(1, acme.count(Operation.SUBMIT));
    }

    @Test
    void anUnknownOutcomeAtADeduplicatingProviderIsRetriedWithTheSameSubmissionId() {
        acme.deduplicatingSubmits(true)
                .failSubmit(Failures.readTimeout("acme", Operation.SUBMIT), Failures.http("acme", Operation.SUBMIT, 502))
                .acceptSubmit("job-1");

        VideoJob job = value(submit(client(Map.of())));

        assertEquals("job-1", job.jobId().nativeJobId());
        assertEquals(3, acme.count(Operation.SUBMIT));
        assertEquals(1, acme.submissionIds().stream().distinct().count());
    }

    @Test
    void retryAfterFromARateLimitIsHonoured() {
        acme.failSubmit(Failures.rateLimited("acme", Operation.SUBMIT, Duration.ofSeconds(7))).acceptSubmit("job-1");

        value(submit(client(Map.of())));

        assertEquals(List.of(at(0), at(7)), acme.times(Operation.SUBMIT));
        assertEquals(List.of("0 retry acme submit #1 wait 7000"), events.events("retry"));
    }

    @Test
    void aRetryAfterLongerThanTheCapWaitsOnlyTheCap() {
        acme.failSubmit(Failures.rateLimited("acme", Operation.SUBMIT, Duration.ofMinutes(10))).acceptSubmit("job-1");

        value(submit(client(Map.of("VIDEOGEN4J_RETRY_MAX_RETRY_AFTER", "20s"))));

        assertEquals(List.of(at(0), at(20)), acme.times(Operation.SUBMIT));
    }

    @Test
    void aHostileRetryAfterNeitherOverflowsNorSkipsTheBackoff() {
        // Issue 12 defect 3: a Duration of 99999999999999999 s threw ArithmeticException in the wait computation;
        // zero and negative waits retried at once, four attempts with no back-off.
        acme.failSubmit(Failures.rateLimited("acme", Operation.SUBMIT, Duration.ofSeconds(99_999_999_999_999_999L)),
                Failures.rateLimited("acme", Operation.SUBMIT, Duration.ZERO),
                Failures.rateLimited("acme", Operation.SUBMIT, Duration.ofSeconds(-5))).acceptSubmit("job-1");

        value(submit(client(Map.of("VIDEOGEN4J_RETRY_JITTER", "0"))));

        assertEquals(List.of(at(0), at(60), at(61), at(63)), acme.times(Operation.SUBMIT));
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesSurfacesWithItsRetryAfter() {
        acme.failSubmit(Failures.rateLimited("acme", Operation.SUBMIT, Duration.ofSeconds(2)));

        RateLimitedException e = failure(submit(client(Map.of("VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "2"))),
                RateLimitedException.class);

        assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
        assertEquals(2, acme.count(Operation.SUBMIT));
    }

    static Stream<RuntimeException> neverRetried() {
        return Stream.of(
                Failures.http("acme", Operation.SUBMIT, 422, "invalid_duration", "duration must be 5 or 10"),
                Failures.http("acme", Operation.SUBMIT, 401, "invalidApiKey", "bad key"),
                Failures.http("acme", Operation.SUBMIT, 402, "insufficientCredits", "top up"),
                Failures.kind("acme", Operation.SUBMIT, 422, ErrorKind.CONTENT_POLICY, "prompt refused"),
                // even when the vendor says "retry me": these kinds can only fail again or cost money
                dev.videogen4j.spi.ProviderErrors.fromHttp(dev.videogen4j.spi.ProviderFailure
                        .builder("acme", Operation.SUBMIT, 403).retryable(true).build()));
    }

    @ParameterizedTest
    @MethodSource("neverRetried")
    void validationAuthenticationCreditAndContentPolicyErrorsAreNeverRetried(RuntimeException error) {
        acme.failSubmit(error).acceptSubmit("job-1");

        VideoGenException e = failure(submit(client(Map.of())), VideoGenException.class);

        assertSame(error, e);
        assertTrue(e instanceof InvalidRequestException || e instanceof AuthenticationException
                || e instanceof InsufficientCreditsException || e instanceof ContentPolicyException, e.toString());
        assertEquals(1, acme.count(Operation.SUBMIT));
        assertEquals(List.of(), events.events("retry"));
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresFailsFastThenHalfOpensAndRecovers() {
        RuntimeException unavailable = Failures.http("acme", Operation.SUBMIT, 503);
        acme.failSubmit(unavailable, unavailable, unavailable, unavailable).acceptSubmit("job-ok");
        VideoClient client = client(Map.of(
                "VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "1",
                "VIDEOGEN4J_CIRCUIT_WINDOW", "4",
                "VIDEOGEN4J_CIRCUIT_MIN_CALLS", "4",
                "VIDEOGEN4J_CIRCUIT_OPEN_DURATION", "30s",
                "VIDEOGEN4J_CIRCUIT_HALF_OPEN_CALLS", "1"));

        for (int i = 0; i < 4; i++) {
            assertFalse(failure(submit(client), ProviderUnavailableException.class).circuitOpen());
        }
        assertEquals(List.of("0 circuit acme CLOSED -> OPEN"), events.events("circuit"));

        ProviderUnavailableException open = failure(submit(client), ProviderUnavailableException.class);
        assertTrue(open.circuitOpen());
        assertEquals(SubmitOutcome.REJECTED, open.submitOutcome());
        assertEquals("circuit_open", open.errorCode().orElseThrow());
        assertEquals("circuit breaker for acme is open after repeated failures; submit not sent (it retries after 30 s)",
                open.getMessage());
        assertEquals(4, acme.count(Operation.SUBMIT), "an open circuit sends nothing");

        scheduler.advanceBy(Duration.ofSeconds(29));
        assertTrue(failure(submit(client), ProviderUnavailableException.class).circuitOpen());
        assertEquals(4, acme.count(Operation.SUBMIT));

        scheduler.advanceBy(Duration.ofSeconds(2));
        assertEquals("job-ok", value(submit(client)).jobId().nativeJobId());
        assertEquals(5, acme.count(Operation.SUBMIT));
        assertEquals(List.of("0 circuit acme CLOSED -> OPEN", "31000 circuit acme OPEN -> HALF_OPEN",
                "31000 circuit acme HALF_OPEN -> CLOSED"), events.events("circuit"));
    }

    @Test
    void pollsThroughAnOpenCircuitKeepTheJobAliveUntilItCloses() {
        RuntimeException unavailable = Failures.http("acme", Operation.POLL, 503);
        acme.failPoll(unavailable, unavailable).answerPoll(dev.videogen4j.JobStatus.succeeded());
        VideoClient client = client(Map.of(
                "VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "1",
                "VIDEOGEN4J_CIRCUIT_FAILURE_RATE", "100",     // the successful submit shares the window
                "VIDEOGEN4J_CIRCUIT_WINDOW", "2",
                "VIDEOGEN4J_CIRCUIT_MIN_CALLS", "2",
                "VIDEOGEN4J_CIRCUIT_OPEN_DURATION", "20s",
                "VIDEOGEN4J_CIRCUIT_HALF_OPEN_CALLS", "1",
                "VIDEOGEN4J_POLL_INITIAL_DELAY", "2s",
                "VIDEOGEN4J_POLL_MULTIPLIER", "1",
                "VIDEOGEN4J_POLL_MAX_DELAY", "2s"));
        var f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(5));

        scheduler.runUntilDone(f, Duration.ofMinutes(1));

        assertEquals("job-1", value(f).jobId().nativeJobId());
        // polls at 2 s and 4 s fail and open the circuit; refused polls every 2 s send nothing until it half-opens
        // (strictly after 4 s + 20 s, so the 24 s poll is still refused)
        assertEquals(List.of(at(2), at(4), at(26)), acme.times(Operation.POLL));
        assertInstanceOf(ProviderUnavailableException.class, unavailable);
    }
}
