package dev.videogen4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import dev.videogen4j.CancelOutcome;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.VideoGenException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every provider adapter must show, proven against the {@link ProviderEmulator} in virtual time.
 * An adapter's test class extends this, says which provider it is and what a valid request looks like, and
 * switches optional behaviour on or off with the capability hooks ({@link #supportsCancel()},
 * {@link #deduplicatesSubmits()}, ...). The hooks live in {@link VideoProviderContractBase}; besides the tests
 * below, this class inherits the contract's other parts: {@link VideoProviderResilienceContract} (circuit breaker,
 * restart through faulty polls, 500 jobs under transient faults) and {@link VideoProviderDeadlineContract}.
 *
 * <pre>{@code
 * class RunwareContractTest extends VideoProviderContractTest {
 *     protected String providerId() { return "runware"; }
 *     protected String baseUrl(ProviderEmulator e) { return e.runwareBaseUrl(); }
 *     protected String apiKey(ProviderEmulator e) { return e.runwareApiKey(); }
 *     protected TextToVideoRequest textToVideo() { ... }
 *     protected ImageToVideoRequest imageToVideo() { ... }
 *     protected String submitKind() { return "runware.videoInference"; }
 *     protected String pollKind() { return "runware.getResponse"; }
 *     protected boolean supportsCancel() { return false; }
 *     protected boolean deduplicatesSubmits() { return true; }
 * }
 * }</pre>
 *
 * <p>A skipped contract test is switched off through a hook, not by overriding it away; where a hook decides the
 * expected outcome instead (a deadline cancels or leaves the job resumable), the test runs for every provider.
 */
public abstract class VideoProviderContractTest extends VideoProviderResilienceContract {

    @Test
    void textToVideoRoundTrip() throws Exception {
        assumeTrue(supportsTextToVideo(), "provider does no text-to-video");
        VideoResult r = generate(client(), textToVideo());
        assertRealVideo(r);
        assertEquals(1, emulator.stats().billableJobs(providerId()));
    }

    @Test
    void imageToVideoRoundTrip() throws Exception {
        VideoResult r = generate(client(), imageToVideo());
        assertRealVideo(r);
        assertEquals(providerId(), r.provider());
        assertFalse(r.attempts().isEmpty());
        assertTrue(r.timings().total().compareTo(RUN) >= 0, "timings measure virtual time: " + r.timings());
    }

    private void assertRealVideo(VideoResult r) throws Exception {
        assertEquals(1, r.videos().size());
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(r.video().url())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode(), "video downloads from " + r.video().url());
        assertTrue(download.body().length > 0);
    }

    @Test
    void statusesMapFromQueuedThroughRunningToSucceeded() {
        VideoClient c = client();
        VideoJob job = complete(c.submitAsync(imageToVideo()));
        scheduler.advanceBy(RUN.plus(QUEUE).plusSeconds(5));
        List<JobState> seen = new ArrayList<>();
        statuses.forEach(s -> {
            if (seen.isEmpty() || seen.get(seen.size() - 1) != s.state()) seen.add(s.state());
        });
        assertTrue(seen.contains(JobState.RUNNING), "saw " + seen);
        assertEquals(JobState.SUCCEEDED, seen.get(seen.size() - 1), "saw " + seen);
        if (reportsQueuedState()) assertEquals(JobState.QUEUED, seen.get(0));
        assertEquals(JobState.SUCCEEDED, complete(CompletableFuture.supplyAsync(() -> c.status(job.id()), Runnable::run)).state());
    }

    @Test
    void providerSideFailureBecomesJobFailedException() {
        VideoRequest failing = imageToVideo().toBuilder().prompt("This one will fail [emulator:fail]").build();
        JobFailedException e = assertThrows(JobFailedException.class, () -> generate(client(), failing));
        assertEquals(JobState.FAILED, e.status().state());
        assertTrue(e.status().reason().filter(s -> !s.isBlank()).isPresent(), "carries the provider's reason: " + e.status());
    }

    @Test
    void cancelStopsTheJobOrSaysItCannot() {
        VideoClient c = client();
        VideoJob job = complete(c.submitAsync(imageToVideo()));
        CancelOutcome outcome = c.cancel(job.id());
        if (!supportsCancel()) {
            assertEquals(CancelOutcome.NOT_SUPPORTED, outcome);
            return;
        }
        if (outcome == CancelOutcome.CANCELLATION_REQUESTED) {
            // Only a request: a running job may stop or finish (fal: "the model app decides"). Either way it ends.
            try {
                complete(c.awaitAsync(job.id(), Duration.ofMinutes(5)));
            } catch (JobFailedException e) {
                assertEquals(JobState.CANCELLED, e.status().state(), "a cancelled job ends CANCELLED: " + e.status());
            }
            return;
        }
        assertEquals(CancelOutcome.CANCELLED, outcome);
        JobFailedException e = assertThrows(JobFailedException.class,
                () -> complete(c.awaitAsync(job.id(), Duration.ofMinutes(5))));
        assertEquals(JobState.CANCELLED, e.status().state(), "a cancelled job ends CANCELLED: " + e.status());
    }

    @Test
    void invalidRequestFailsBeforeAnyHttpCall() {
        VideoRequest bad = imageToVideo().toBuilder().durationSeconds(7).cfgScale(3.0).build();
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client().submit(bad));
        assertEquals(2, e.violations().size(), e.getMessage());
        assertEquals(0, emulator.stats().httpRequests(providerId()), "nothing was sent");
    }

    @Test
    void wrongKeyIsAnAuthenticationFailureThatNamesNoKey() {
        String wrong = "wrong-key-" + providerId() + "-0123456789";
        VideoClient c = track(clientBuilder(wrong).build());
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> complete(c.submitAsync(imageToVideo())));
        assertFalse(e.getMessage().contains(wrong), e.getMessage());
        assertEquals(1, emulator.stats().requests(submitKind()), "authentication failures are not retried");
    }

    @Test
    void rateLimitIsRetriedAfterRetryAfter() {
        emulator.faults(FaultPlan.builder().retryAfter(Duration.ofSeconds(3)).next(Fault.HTTP_429, submitKind()).build());
        VideoResult r = generate(client(), imageToVideo());
        assertEquals(1, r.videos().size());
        assertEquals(Duration.ofSeconds(3), retryWaits.get(0), "waited what Retry-After asked");
        assertEquals(1, emulator.stats().billableJobs(providerId()));
    }

    @Test
    void serverErrorsWhilePollingDoNotLoseTheJob() {
        emulator.faults(FaultPlan.builder().next(Fault.HTTP_503, 2, pollKind()).next(Fault.HTTP_500, pollKind()).build());
        assertEquals(1, generate(client(), imageToVideo()).videos().size());
        assertEquals(1, emulator.stats().billableJobs(providerId()));
    }

    @Test
    void malformedBodiesWhilePollingDoNotLoseTheJob() {
        emulator.faults(FaultPlan.builder().next(Fault.MALFORMED_JSON, pollKind()).next(Fault.TRUNCATED_JSON, pollKind())
                .next(Fault.HTML_ERROR_PAGE, pollKind()).build());
        assertEquals(1, generate(client(), imageToVideo()).videos().size());
    }

    @Test
    void jobResumesFromItsStoredIdInANewClient() {
        VideoClient first = client();
        String handle = complete(first.submitAsync(imageToVideo())).id().toString();
        first.close();
        VideoClient second = client();
        VideoResult r = complete(second.awaitAsync(JobId.parse(handle), Duration.ofMinutes(5)));
        assertEquals(handle, r.jobId().toString());
        assertEquals(1, emulator.stats().billableJobs(providerId()), "resuming never resubmits");
        assertEquals(1, emulator.stats().requests(submitKind()));
    }

    @Test
    void apiKeyNeverAppearsInLogsMessagesOrToString() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> texts = new ArrayList<>();
        System.setErr(new PrintStream(captured, true));
        try {
            VideoClient c = client();
            texts.add(c.toString());
            VideoResult ok = generate(c, imageToVideo());
            texts.add(ok.toString());
            VideoClient bad = track(clientBuilder(apiKey(emulator) + "-revoked").build());
            try {
                complete(bad.submitAsync(imageToVideo()));
            } catch (VideoGenException e) {
                texts.add(e.toString());
                texts.add(String.valueOf(e.getCause()));
            }
        } finally {
            System.setErr(original);
        }
        texts.add(captured.toString());
        for (String t : texts) {
            assertFalse(t.contains(apiKey(emulator)), "key leaked into: " + t);
        }
    }
}
