package dev.videogen4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.spi.BatchPoller;
import dev.videogen4j.spi.BatchSubmitter;
import dev.videogen4j.spi.ImageToVideo;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderOutput;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.spi.TextToVideo;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The provider contract's job part, calling the adapter as core's engine does: a submit is accepted as one job
 * whose id survives being stored as text; polls follow it from queued through running to succeeded with a
 * downloadable video; a job the vendor fails ends FAILED with the vendor's reason; cancel works or is declined
 * without a call; a resent submit is one job when the adapter says so; batch polls answer for every job. Part of
 * {@link VideoProviderContractTest}, which plugins extend.
 *
 * <pre>{@code
 * class AcmeContractTest extends VideoProviderContractTest {   // runs these tests too
 *     protected boolean supportsCancel() { return false; }     // Acme cannot cancel: expect NOT_SUPPORTED
 *     // ...
 * }
 * }</pre>
 */
public abstract class VideoProviderJobContract extends VideoProviderContractBase {

    @Test
    void theAdapterDeclaresWhatTheCapabilityHooksSay() {
        assertEquals(providerId(), provider.id(), "the adapter's id is its factory's");
        assertEquals(supportsImageToVideo(), provider instanceof ImageToVideo, "supportsImageToVideo()");
        assertEquals(supportsTextToVideo(), provider instanceof TextToVideo, "supportsTextToVideo()");
        assertEquals(supportsCancel(), provider.supportsCancel(), "supportsCancel()");
        assertEquals(deduplicatesSubmits(), provider.deduplicatesSubmits(), "deduplicatesSubmits()");
        assertEquals(supportsBatchPolling(), provider instanceof BatchPoller, "supportsBatchPolling()");
        assertEquals(supportsBatchSubmits(), provider instanceof BatchSubmitter, "supportsBatchSubmits()");
        assertTrue(!supportsBatchSubmits() || deduplicatesSubmits(),
                "batch submits need de-duplicated submits: a batch whose outcome is unknown is sent again");
    }

    @Test
    void aSubmitIsOneJobWhoseIdSurvivesBeingStoredAsText() {
        VideoRequest request = validRequest();
        SubmitContext context = context(request);
        SubmitReceipt receipt = submit(provider, request, context);

        JobId id = receipt.jobId();
        assertEquals(providerId(), id.providerId());
        assertFalse(id.nativeJobId().isBlank(), "a native job id: " + id);
        assertEquals(id, JobId.parse(id.toString()), "the id parses back from its text");
        assertEquals(1, vendor.requests(Operation.SUBMIT));
        assertEquals(1, vendor.jobsAccepted());
    }

    @Test
    void pollsFollowTheJobFromQueuedThroughRunningToADownloadableVideo() throws Exception {
        JobId id = submit(validRequest()).jobId();
        JobState first = poll(id).status().state();
        assertEquals(reportsQueuedState() ? JobState.QUEUED : JobState.RUNNING, first, "right after the submit");
        advance(QUEUE.plusSeconds(1));
        assertEquals(JobState.RUNNING, poll(id).status().state(), "once the queue time has passed");

        ProviderOutput out = output(id, pollAfterTheJobEnded(id));

        assertFalse(out.videos().isEmpty(), "a succeeded job has a video");
        for (GeneratedVideo v : out.videos()) assertDownloads(v);
        if (reportsCost()) {
            assertTrue(out.reportedCost() != null && out.reportedCost().compareTo(BigDecimal.ZERO) > 0,
                    "the vendor's cost: " + out.reportedCost());
        }
        assertEquals(1, vendor.jobsBilled());
    }

    private static void assertDownloads(GeneratedVideo v) throws Exception {
        URI uri = URI.create(v.url());
        assertTrue(uri.isAbsolute() && uri.getScheme().startsWith("http"), "an http(s) URL: " + v.url());
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), "the video downloads from " + v.url());
        assertTrue(r.body().length > 0, "the download has bytes");
    }

    @Test
    void aTextToVideoJobSucceeds() {
        assumeTrue(supportsTextToVideo(), "capability hook: no text-to-video");
        JobId id = submit(textToVideo()).jobId();
        assertFalse(output(id, pollAfterTheJobEnded(id)).videos().isEmpty());
    }

    @Test
    void anImageToVideoJobSucceeds() {
        assumeTrue(supportsImageToVideo(), "capability hook: no image-to-video");
        JobId id = submit(imageToVideo()).jobId();
        assertFalse(output(id, pollAfterTheJobEnded(id)).videos().isEmpty());
    }

    @Test
    void aJobTheVendorFailsEndsFailedWithTheVendorsReason() {
        JobId id = submit(vendor.failingJob(validRequest())).jobId();
        JobUpdate end = pollAfterTheJobEnded(id);
        assertEquals(JobState.FAILED, end.status().state(), "" + end.status());
        assertTrue(end.status().reason().filter(s -> !s.isBlank()).isPresent(),
                "carries the vendor's reason: " + end.status());
        assertEquals(1, vendor.jobsAccepted());
    }

    @Test
    void cancelStopsAQueuedJobOrIsDeclinedWithoutACall() {
        JobId id = submit(validRequest()).jobId();
        CancelOutcome outcome = provider.cancel(id);
        if (!supportsCancel()) {
            assertEquals(CancelOutcome.NOT_SUPPORTED, outcome);
            assertEquals(0, vendor.requests(Operation.CANCEL), "nothing was sent");
            return;
        }
        // A queued job is removed (CANCELLED: fal's "OK") or the cancel is accepted as a request.
        assertTrue(outcome == CancelOutcome.CANCELLED || outcome == CancelOutcome.CANCELLATION_REQUESTED, "" + outcome);
        assertEquals(1, vendor.requests(Operation.CANCEL));
        assertEquals(JobState.CANCELLED, pollAfterTheJobEnded(id).status().state());
        assertEquals(0, vendor.jobsBilled(), "cancelled while queued: never ran, never billed");
    }

    @Test
    void cancellingAFinishedJobSaysItIsAlreadyCompleted() {
        assumeTrue(supportsCancel(), "capability hook: no cancel");
        JobId id = submit(validRequest()).jobId();
        output(id, pollAfterTheJobEnded(id));
        assertEquals(CancelOutcome.ALREADY_COMPLETED, provider.cancel(id));
        assertEquals(1, vendor.jobsBilled());
    }

    @Test
    void aSubmitResentUnderTheSameSubmissionIdIsOneJob() {
        assumeTrue(deduplicatesSubmits(), "capability hook: submits are not de-duplicated");
        VideoRequest request = validRequest();
        SubmitContext context = context(request);
        JobId first = submit(provider, request, context).jobId();
        JobId again = submit(provider, request, context).jobId();
        assertEquals(first, again, "the resend names the job the first submit made");
        assertEquals(2, vendor.requests(Operation.SUBMIT));
        assertEquals(1, vendor.jobsAccepted(), "never a second job");
    }

    @Test
    void aBatchPollAnswersForEveryJobInOneCall() {
        assumeTrue(supportsBatchPolling(), "capability hook: no batch polling");
        List<JobId> ids = List.of(submit(validRequest()).jobId(), submit(validRequest()).jobId(),
                submit(validRequest()).jobId());
        pollAfterTheJobEnded(ids.get(0));
        long before = vendor.httpRequests();

        Map<JobId, JobUpdate> updates = ((BatchPoller) provider).pollAll(ids);

        assertEquals(before + 1, vendor.httpRequests(), "one HTTP request for all of them");
        assertEquals(ids.size(), updates.size(), "one update per job: " + updates.keySet());
        for (JobId id : ids) {
            JobUpdate u = assertInstanceOf(JobUpdate.class, updates.get(id), "an update for " + id);
            assertEquals(JobState.SUCCEEDED, u.status().state(), id + ": " + u.status());
        }
    }
}
