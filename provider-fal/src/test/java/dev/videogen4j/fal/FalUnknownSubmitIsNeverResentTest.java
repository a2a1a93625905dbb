package dev.videogen4j.fal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobId;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.testkit.EmulatorHarness;
import dev.videogen4j.emulator.EmulatorStats;
import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 6 (c), fal: fal has no idempotency key, so a submit whose outcome is unknown — no answer after the body was
 * sent, a reset, a 5xx, an unreadable body — is never resent. It ends in {@link SubmissionUncertainException}
 * naming the provider, the model and when it was sent; fal saw exactly one submit, and billed at most that one.
 */
class FalUnknownSubmitIsNeverResentTest {
    private static final String ENDPOINT = "fal-ai/kling-video/v2.5-turbo/standard/image-to-video";

    private final EmulatorHarness h = EmulatorHarness.fal(Duration.ofSeconds(5), Duration.ofSeconds(10));

    @AfterEach
    void close() {
        h.close();
    }

    private VideoClient client() {
        return h.build(h.client());
    }

    // Only SLOW_RESPONSE needs a short read timeout: it turns the held answer into "sent, no answer" within a real
    // second. Every other call keeps the default, so a loaded machine's slow (but healthy) answer is not a fault.
    private VideoClient client(Fault fault) {
        return fault != Fault.SLOW_RESPONSE ? client()
                : h.build(h.client().environment(Map.of("VIDEOGEN4J_FAL_READ_TIMEOUT", "1s")));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SLOW_RESPONSE", "RESET_AFTER_REQUEST", "HTTP_500", "HTTP_502",
            "HTTP_504", "MALFORMED_JSON", "TRUNCATED_JSON", "RESET_BEFORE_REQUEST", "HTML_ERROR_PAGE"})
    void anUnknownSubmitOutcomeIsReportedNeverResent(Fault fault) {
        VideoClient client = client(fault);
        h.emulator().faults(FaultPlan.builder().slowResponseDelay(Duration.ofSeconds(3)).next(fault, "fal.submit").build());
        Instant sent = h.clock().instant();

        SubmissionUncertainException e = assertThrows(SubmissionUncertainException.class,
                () -> h.complete(client.submitAsync(EmulatorHarness.request(0))));

        assertEquals("fal", e.providerId());
        assertEquals(ENDPOINT, e.model());
        assertEquals(sent, e.sentAt());
        ProviderException cause = assertInstanceOf(ProviderException.class, e.getCause());
        assertEquals(SubmitOutcome.UNKNOWN, cause.submitOutcome());
        assertTrue(e.getMessage().startsWith("Submit to fal (" + ENDPOINT + ") may or may not have been accepted: "),
                e.getMessage());
        h.scheduler().advanceBy(Duration.ofMinutes(1));   // long past when an accepted job would have started
        EmulatorStats s = h.emulator().stats();
        assertEquals(1, s.requests("fal.submit"), "never resent");
        assertEquals(List.of(), h.retries());
        long accepted = fault.processesRequest() ? 1 : 0;
        assertEquals(accepted, s.jobsSubmitted("fal"));
        assertEquals(accepted, s.billableJobs("fal"));
        assertEquals(0, s.duplicateSubmissions("fal"));
    }

    @Test
    void theUncertainSubmitCarriesWhenTheLastAttemptWasSent() {
        VideoClient client = client();
        h.emulator().faults(FaultPlan.builder().retryAfter(Duration.ofSeconds(3))
                .next(Fault.HTTP_429, "fal.submit").next(Fault.RESET_AFTER_REQUEST, "fal.submit")
                .build());
        Instant first = h.clock().instant();

        SubmissionUncertainException e = assertThrows(SubmissionUncertainException.class,
                () -> h.complete(client.submitAsync(EmulatorHarness.request(0))));

        assertEquals(first.plusSeconds(3), e.sentAt(), "the 429 was provably refused; the reset one is in doubt");
        assertEquals(2, h.emulator().stats().requests("fal.submit"));
        assertEquals(1, h.emulator().stats().jobsSubmitted("fal"));
    }

    @Test
    void anUnreadableAcceptanceStillNamesTheRequestSoThePaidJobIsNotLost() {
        VideoClient client = client();
        h.emulator().faults(FaultPlan.builder().next(Fault.MALFORMED_JSON, "fal.submit").build());

        SubmissionUncertainException e = assertThrows(SubmissionUncertainException.class,
                () -> h.complete(client.submitAsync(EmulatorHarness.request(0))));
        String requestId = e.providerRequestId().orElseThrow(() -> new AssertionError("x-fal-request-id is known"));

        VideoResult r = h.complete(client.awaitAsync(JobId.of("fal", ENDPOINT, requestId), Duration.ofMinutes(5)));
        assertEquals(1, r.videos().size());
        assertEquals(1, h.emulator().stats().requests("fal.submit"));
        assertEquals(1, h.emulator().stats().billableJobs("fal"));
    }
}
