package dev.videogen4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.ContentPolicyException;
import dev.videogen4j.error.InsufficientCreditsException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.RateLimitedException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.error.UnparseableResponseException;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.error.Violation;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one place where provider failures become exceptions: class, retryability and what a failed submit means. */
class ProviderErrorsTest {

    @ParameterizedTest(name = "HTTP {0} on submit")
    @CsvSource({
            "400, InvalidRequestException,      false, REJECTED",
            "401, AuthenticationException,      false, REJECTED",
            "402, InsufficientCreditsException, false, REJECTED",
            "403, AuthenticationException,      false, REJECTED",
            "404, ProviderException,            false, REJECTED",
            "408, ProviderUnavailableException, true,  UNKNOWN",
            "409, InvalidRequestException,      false, REJECTED",
            "422, InvalidRequestException,      false, REJECTED",
            "429, RateLimitedException,         true,  REJECTED",
            "500, ProviderUnavailableException, true,  UNKNOWN",
            "502, ProviderUnavailableException, true,  UNKNOWN",
            "503, ProviderUnavailableException, true,  REJECTED",
            "504, ProviderUnavailableException, true,  UNKNOWN",
            "418, ProviderException,            false, UNKNOWN",
    })
    void anHttpStatusMapsToOneExceptionRetryabilityAndSubmitOutcome(int status, String type, boolean retryable,
                                                                    SubmitOutcome outcome) {
        VideoGenException e = ProviderErrors.fromHttp(ProviderFailure.builder("acme", Operation.SUBMIT, status).build());
        assertEquals(type, e.getClass().getSimpleName());
        if (e instanceof ProviderException) {
            ProviderException pe = (ProviderException) e;
            assertEquals(retryable, pe.retryable());
            assertEquals(outcome, pe.submitOutcome());
            assertEquals(status, pe.httpStatus());
            assertEquals(Operation.SUBMIT, pe.operation());
            assertEquals("acme", pe.providerId());
        }
    }

    @Test
    void aFailureOutsideSubmitIsNotASubmit() {
        ProviderException e = (ProviderException) ProviderErrors.fromHttp(ProviderFailure.builder("acme", Operation.POLL, 503).build());
        assertEquals(SubmitOutcome.NOT_A_SUBMIT, e.submitOutcome());
    }

    @Test
    void theBodysKindBeatsTheStatus() {
        assertInstanceOf(AuthenticationException.class, ProviderErrors.fromHttp(ProviderFailure
                .builder("runware", Operation.SUBMIT, 400).kind(ErrorKind.AUTHENTICATION).code("invalidApiKey").build()));
        ContentPolicyException policy = (ContentPolicyException) ProviderErrors.fromHttp(ProviderFailure
                .builder("fal", Operation.SUBMIT, 422).kind(ErrorKind.CONTENT_POLICY).code("content_policy_violation")
                .message("flagged").build());
        assertEquals(SubmitOutcome.REJECTED, policy.submitOutcome());
        assertEquals("fal submit failed: HTTP 422 content_policy_violation: flagged", policy.getMessage());
    }

    @Test
    void theVendorsRetryHintWinsExceptForKindsThatCanOnlyFailAgain() {
        ProviderException hinted = (ProviderException) ProviderErrors.fromHttp(ProviderFailure
                .builder("fal", Operation.POLL, 500).retryable(false).build());
        assertFalse(hinted.retryable());
        ProviderException otherwise = (ProviderException) ProviderErrors.fromHttp(ProviderFailure
                .builder("fal", Operation.POLL, 418).retryable(true).build());
        assertTrue(otherwise.retryable());
        InsufficientCreditsException credits = (InsufficientCreditsException) ProviderErrors.fromHttp(ProviderFailure
                .builder("fal", Operation.SUBMIT, 402).retryable(true).build());
        assertFalse(credits.retryable());
    }

    @Test
    void aRateLimitCarriesRetryAfterAndTheRequestId() {
        RateLimitedException e = (RateLimitedException) ProviderErrors.fromHttp(ProviderFailure
                .builder("fal", Operation.SUBMIT, 429).retryAfter(Duration.ofSeconds(3)).requestId("req-9").code("busy").build());
        assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
        assertEquals("req-9", e.providerRequestId().orElseThrow());
        assertEquals("busy", e.errorCode().orElseThrow());
    }

    @Test
    void aProvidersValidationErrorBecomesInvalidRequestWithItsViolations() {
        InvalidRequestException e = (InvalidRequestException) ProviderErrors.fromHttp(ProviderFailure
                .builder("fal", Operation.SUBMIT, 422).violation(new Violation("duration", "7", "5 or 10")).build());
        assertEquals("fal", e.providerId());
        assertEquals(List.of(new Violation("duration", "7", "5 or 10")), e.violations());
        assertEquals("Invalid request (fal rejected it): 1 problem: duration=7 (allowed: 5 or 10)", e.getMessage());

        InvalidRequestException bare = (InvalidRequestException) ProviderErrors.fromHttp(ProviderFailure
                .builder("runware", Operation.SUBMIT, 400).code("invalidDuration").message("duration must be 5 or 10").build());
        assertEquals(List.of(new Violation("invalidDuration", "(as sent)", "duration must be 5 or 10")), bare.violations());
    }

    @Test
    void noResponseIsUnavailableAndASubmitsOutcomeDependsOnWhetherItLeft() {
        ProviderUnavailableException refused = ProviderErrors.fromIo("acme", Operation.SUBMIT, new ConnectException("refused"), true);
        assertEquals(SubmitOutcome.REJECTED, refused.submitOutcome());
        assertEquals("acme submit failed: could not connect (ConnectException: refused)", refused.getMessage());
        assertEquals(SubmitOutcome.REJECTED, ProviderErrors.fromIo("acme", Operation.SUBMIT,
                new UnknownHostException("api.acme.example"), true).submitOutcome());
        assertEquals(SubmitOutcome.REJECTED, ProviderErrors.fromIo("acme", Operation.SUBMIT,
                new IOException("pool closed"), false).submitOutcome());

        ProviderUnavailableException timeout = ProviderErrors.fromIo("acme", Operation.SUBMIT, new SocketTimeoutException(), true);
        assertEquals(SubmitOutcome.UNKNOWN, timeout.submitOutcome());
        assertEquals("acme submit failed: no response (SocketTimeoutException)", timeout.getMessage());
        assertEquals(0, timeout.httpStatus());
        assertTrue(timeout.retryable());
        assertFalse(timeout.circuitOpen());
        assertInstanceOf(SocketTimeoutException.class, timeout.getCause());
    }

    @Test
    void anUnreadableBodyIsRetryableAndItsSubmitOutcomeFollowsTheStatus() {
        IllegalStateException parse = new IllegalStateException("Expected BEGIN_OBJECT");
        UnparseableResponseException ok = ProviderErrors.unparseable("acme", Operation.SUBMIT, 200, "req-1", parse);
        assertEquals(SubmitOutcome.UNKNOWN, ok.submitOutcome(), "a 200 we cannot read may well be an accepted job");
        assertEquals("acme submit: unreadable response (HTTP 200): Expected BEGIN_OBJECT", ok.getMessage());
        assertSame(parse, ok.getCause());
        assertTrue(ok.retryable());
        assertEquals(SubmitOutcome.REJECTED, ProviderErrors.unparseable("acme", Operation.SUBMIT, 503, null, null).submitOutcome());
        assertNull(ProviderErrors.unparseable("acme", Operation.RESULT, 200, null, null).getCause());
    }
}
