package dev.videogen4j.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.spi.ErrorKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 defect 13: whether a failed job is worth sending to the next provider is decided from the adapter's
 * classification carried on the FAILED status, never from the vendor's code text. Before, {@code providerSide()}
 * tested {@code code.contains("content")}, so Runware's {@code promptBlocked} was resubmitted elsewhere and paid for.
 */
class FallbackDecisionTest {
    private static final JobId JOB = JobId.parse("vg1:runware:klingai%3A6%400:24cd5dff-cb81-4db5-8506-b72a9425f9d1");

    private static boolean fallsBack(ErrorKind kind, String code) {
        return new JobFailedException(JOB, JobStatus.failed(kind, code, "reason")).providerSide();
    }

    @Test
    void refusedContentAndInvalidInputNeverFallBackWhateverTheCodeSays() {
        assertFalse(fallsBack(ErrorKind.CONTENT_POLICY, "promptBlocked"));
        assertFalse(fallsBack(ErrorKind.CONTENT_POLICY, "imageBlocked"));
        assertFalse(fallsBack(ErrorKind.CONTENT_POLICY, "moderationFailed"));
        assertFalse(fallsBack(ErrorKind.INVALID_REQUEST, "value_error.missing"));
    }

    @Test
    void theProvidersOwnFailuresFallBackEvenWhenTheCodeMentionsContent() {
        assertTrue(fallsBack(ErrorKind.UNAVAILABLE, "contentDownloadFailed"));
        assertTrue(fallsBack(ErrorKind.TIMEOUT, "timeoutProvider"));
        assertTrue(fallsBack(ErrorKind.OTHER, null));
    }

    @Test
    void aCancelIsNotAProviderFailureAndOnlyFailedStatusesCarryAKind() {
        assertFalse(new JobFailedException(JOB, JobStatus.cancelled()).providerSide());
        assertEquals(Optional.empty(), JobStatus.succeeded().errorKind());
        assertEquals(Optional.of(ErrorKind.CONTENT_POLICY), JobStatus.failed(ErrorKind.CONTENT_POLICY, "x", "y").errorKind());
    }
}
