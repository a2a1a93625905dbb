package dev.videogen4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.ContentPolicyException;
import dev.videogen4j.error.InsufficientCreditsException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.RateLimitedException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.error.UnparseableResponseException;
import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.spi.VideoProvider;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The provider contract's error part: every way the vendor says no becomes the typed exception core acts on,
 * with what it needs to decide — retryable or not, and for a submit whether a job may exist (a submit the vendor
 * refused is {@link SubmitOutcome#REJECTED}; one whose answer was lost is {@link SubmitOutcome#UNKNOWN}, never
 * REJECTED, because retrying it could pay twice). Keys never appear in what is thrown. Part of
 * {@link VideoProviderContractTest}, which plugins extend; which refusals are tested is the test server's
 * {@link VendorScenario#refusals()}.
 *
 * <pre>{@code
 * ProviderException e = assertThrows(RateLimitedException.class, () -> submit(validRequest()));
 * assertEquals(SubmitOutcome.REJECTED, e.submitOutcome());   // nothing was created: safe to send again
 * }</pre>
 */
public abstract class VideoProviderErrorContract extends VideoProviderJobContract {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(3);

    private static <T extends ProviderException> T assertSubmitRefused(T e, boolean retryable) {
        assertEquals(SubmitOutcome.REJECTED, e.submitOutcome(), "a refused submit created nothing: " + e);
        assertEquals(retryable, e.retryable(), "retryable: " + e);
        return e;
    }

    @Test
    void aWrongKeyIsAnAuthenticationFailureThatNamesNoKey() {
        String wrong = "wrong-key-" + providerId() + "-0123456789";
        VideoProvider p = adapter(wrong);
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> submit(p, validRequest(),
                context(validRequest())));
        assertSubmitRefused(e, false);
        assertEquals(providerId(), e.providerId());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t).contains(wrong), "the key leaked into: " + t);
        }
        assertFalse(p.toString().contains(wrong), "the key leaked into the adapter's toString: " + p);
        assertFalse(provider.toString().contains(vendor.apiKey()), "the key leaked into: " + provider);
        assertEquals(0, vendor.jobsAccepted());
    }

    @Test
    void aRequestTheVendorFindsInvalidIsAnInvalidRequestException() {
        VideoRequest refused = refused(ErrorKind.INVALID_REQUEST);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> submit(refused));
        assertFalse(e.violations().isEmpty(), "says what was wrong: " + e.getMessage());
        assertEquals(0, vendor.jobsAccepted());
    }

    @Test
    void aContentPolicyRefusalIsAContentPolicyException() {
        VideoRequest refused = refused(ErrorKind.CONTENT_POLICY);
        assertSubmitRefused(assertThrows(ContentPolicyException.class, () -> submit(refused)), false);
        assertEquals(0, vendor.jobsBilled());
    }

    @Test
    void aCreditRefusalIsAnInsufficientCreditsException() {
        VideoRequest refused = refused(ErrorKind.INSUFFICIENT_CREDITS);
        assertSubmitRefused(assertThrows(InsufficientCreditsException.class, () -> submit(refused)), false);
        assertEquals(0, vendor.jobsAccepted());
    }

    private VideoRequest refused(ErrorKind kind) {
        assumeTrue(vendor.refusals().contains(kind), "capability hook: the test server has no " + kind + " refusal");
        return vendor.refusedAtSubmit(kind, validRequest());
    }

    @Test
    void aRateLimitedSubmitSaysWhenToRetryAndCreatesNoJob() {
        vendor.rateLimitNext(Operation.SUBMIT, RETRY_AFTER);
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> submit(validRequest()));
        assertSubmitRefused(e, true);
        assertEquals(Optional.of(RETRY_AFTER), e.retryAfter(), "the vendor's Retry-After");
        assertEquals(0, vendor.jobsAccepted());
        submit(validRequest());
        assertEquals(1, vendor.jobsAccepted(), "the next submit goes through");
    }

    @Test
    void aRateLimitedPollSaysWhenToRetryAndTheJobGoesOn() {
        JobId id = submit(validRequest()).jobId();
        vendor.rateLimitNext(Operation.POLL, RETRY_AFTER);
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> provider.poll(id));
        assertEquals(SubmitOutcome.NOT_A_SUBMIT, e.submitOutcome());
        assertTrue(e.retryable());
        assertEquals(Optional.of(RETRY_AFTER), e.retryAfter());
        assertEquals(JobState.SUCCEEDED, pollAfterTheJobEnded(id).status().state());
    }

    @Test
    void anOutageIsARetryableUnavailabilityThatLosesNoJob() {
        JobId before = submit(validRequest()).jobId();
        vendor.outage(Duration.ofSeconds(30));

        assertSubmitRefused(assertThrows(ProviderUnavailableException.class, () -> submit(validRequest())), true);
        ProviderUnavailableException poll = assertThrows(ProviderUnavailableException.class, () -> provider.poll(before));
        assertTrue(poll.retryable());
        assertEquals(SubmitOutcome.NOT_A_SUBMIT, poll.submitOutcome());
        assertEquals(1, vendor.jobsAccepted(), "nothing was accepted during the outage");

        advance(Duration.ofSeconds(30));
        assertEquals(JobState.SUCCEEDED, pollAfterTheJobEnded(before).status().state(), "the job outlived it");
    }

    @Test
    void aSubmitWhoseAnswerIsMalformedIsUncertainNeverRefused() {
        VideoRequest request = validRequest();
        SubmitContext context = context(request);
        vendor.malformedAnswerNext(Operation.SUBMIT);
        UnparseableResponseException e = assertThrows(UnparseableResponseException.class,
                () -> submit(provider, request, context));
        assertEquals(SubmitOutcome.UNKNOWN, e.submitOutcome(), "the job may exist: " + e);
        assertTrue(e.retryable());
        assertEquals(1, vendor.jobsAccepted(), "the vendor did create it");
        resendIfDeduplicated(request, context);
    }

    @Test
    void aSubmitWhoseConnectionDroppedIsUncertainAndNotSilentlyResent() {
        submit(validRequest());   // a connection the HTTP client keeps: clients resend on those when they drop
        VideoRequest request = validRequest();
        SubmitContext context = context(request);
        vendor.dropAfterProcessingNext(Operation.SUBMIT);
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> submit(provider, request, context));
        assertEquals(SubmitOutcome.UNKNOWN, e.submitOutcome(), "the job may exist: " + e);
        assertEquals(2, vendor.requests(Operation.SUBMIT), "the HTTP client resent nothing on its own");
        assertEquals(2, vendor.jobsAccepted());
        resendIfDeduplicated(request, context);
    }

    // Where the vendor de-duplicates, the engine resends an uncertain submit: it must come back as the same job.
    private void resendIfDeduplicated(VideoRequest request, SubmitContext context) {
        if (!deduplicatesSubmits()) return;
        long jobs = vendor.jobsAccepted();
        SubmitReceipt again = submit(provider, request, context);
        assertEquals(jobs, vendor.jobsAccepted(), "the resend made no second job");
        assertEquals(JobState.SUCCEEDED, pollAfterTheJobEnded(again.jobId()).status().state());
    }

    @Test
    void aMalformedPollAnswerIsRetryableAndTheJobGoesOn() {
        JobId id = submit(validRequest()).jobId();
        vendor.malformedAnswerNext(Operation.POLL);
        UnparseableResponseException e = assertThrows(UnparseableResponseException.class, () -> provider.poll(id));
        assertTrue(e.retryable());
        assertEquals(SubmitOutcome.NOT_A_SUBMIT, e.submitOutcome());
        assertEquals(JobState.SUCCEEDED, pollAfterTheJobEnded(id).status().state());
    }
}
