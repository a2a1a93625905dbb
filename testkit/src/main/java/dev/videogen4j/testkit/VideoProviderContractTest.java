package dev.videogen4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoClientBuilder;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.VideoResult;
import dev.videogen4j.WebhookEvent;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.VideoProviderFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every provider adapter must show, proven against the plugin's own test server: extend this class,
 * say which provider it is, start your {@link VendorScenario} and give a valid request; answer the capability hooks
 * where your provider differs from the defaults. Besides the tests below (the adapter inside a real
 * {@link VideoClient}, found by {@link java.util.ServiceLoader}, in virtual time), it runs the contract's
 * {@link VideoProviderJobContract job part} and {@link VideoProviderErrorContract error part}. Retries, the
 * circuit breaker and deadlines are core's and tested there once, not per adapter.
 *
 * <pre>{@code
 * class AcmeContractTest extends VideoProviderContractTest {
 *     protected String providerId() { return "acme"; }
 *     protected VendorScenario startVendor(ScenarioSettings settings) { return new AcmeTestServer(settings); }
 *     protected ImageToVideoRequest imageToVideo() {
 *         return ImageToVideoRequest.builder().model("acme-motion-1").prompt("A paper boat on a pond")
 *                 .image(ImageInput.url("https://example.com/boat.jpg")).durationSeconds(4).build();
 *     }
 *     protected boolean supportsTextToVideo() { return false; }
 * }
 * }</pre>
 *
 * <p>A test switched off by a hook is reported as skipped with the hook named; no contract test is overridden
 * away, and {@code theAdapterDeclaresWhatTheCapabilityHooksSay} fails when a hook and the adapter disagree.
 */
public abstract class VideoProviderContractTest extends VideoProviderErrorContract {
    private static final Duration LIMIT = Duration.ofMinutes(30);

    /** A client builder on the test server, in virtual time; the client finds the plugin through its factory. */
    protected VideoClientBuilder clientBuilder(String key) {
        return VideoClient.builder().provider(providerId()).apiKey(providerId(), key)
                .baseUrl(providerId(), vendor.baseUrl())
                .clock(clock).scheduler(scheduler).callExecutor(Runnable::run)
                .pollInterval(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1));
    }

    /** A client on the test server, closed after the test. */
    protected VideoClient client(String key) {
        return track(clientBuilder(key).build());
    }

    /** Runs virtual time until {@code f} is done, then returns its value or throws its failure. */
    protected <T> T complete(CompletableFuture<T> f) {
        scheduler.runUntilDone(f, LIMIT);
        return Completion.join(f);
    }

    @Test
    void theFactoryIsFoundAndItsCatalogIsUsable() {
        VideoProviderFactory f = factory();
        assertTrue(f.id().matches("[a-z0-9-]+"), "ids are lower case letters, digits and dashes: " + f.id());
        List<ModelCapabilities> models = provider.models();
        assertFalse(models.isEmpty(), "the catalog lists models");
        Set<String> ids = new HashSet<>();
        for (ModelCapabilities m : models) {
            assertEquals(providerId(), m.providerId(), m.id());
            assertTrue(ids.add(m.id()), "model ids are unique: " + m.id());
            assertFalse(m.workflows().isEmpty(), m.id() + " does something");
            assertFalse(m.durations().isEmpty(), m.id() + " lists its durations");
        }
        assertTrue(model(validRequest()).supports(validRequest().workflow()), "the valid request's model fits it");
    }

    @Test
    void aJobRunsThroughTheClientToAVideo() {
        VideoClient c = client(vendor.apiKey());
        VideoResult r = complete(c.generateAsync(validRequest(), Duration.ofMinutes(20)));
        assertEquals(providerId(), r.providerId());
        assertFalse(r.videos().isEmpty());
        assertFalse(r.attempts().isEmpty(), "the attempts are recorded");
        assertEquals(JobState.SUCCEEDED, c.status(r.jobId()).state(), "asked again, the job is done");
        assertTrue(r.timings().total().compareTo(QUEUE.plus(RUN)) >= 0, "measured in virtual time: " + r.timings());
        assertEquals(1, vendor.jobsAccepted());
        assertEquals(1, vendor.jobsBilled());
    }

    @Test
    void aRequestOutsideTheCatalogFailsBeforeAnyCall() {
        VideoRequest valid = validRequest();
        int tooLong = model(valid).durations().stream().mapToInt(Integer::intValue).max().orElse(0) + 1000;
        VideoRequest bad = RequestEdits.edit(valid, b -> b.durationSeconds(tooLong));
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> client(vendor.apiKey()).submit(bad));
        assertTrue(e.violations().stream().anyMatch(v -> v.field().equals("durationSeconds")), e.getMessage());
        assertEquals(0, vendor.requests(Operation.SUBMIT), "nothing was sent");
    }

    @Test
    void aStoredJobIdResumesInANewClientWithoutResubmitting() {
        VideoClient first = client(vendor.apiKey());
        String stored = complete(first.submitAsync(validRequest())).jobId().toString();
        first.close();

        VideoResult r = complete(client(vendor.apiKey()).awaitAsync(JobId.parse(stored), Duration.ofMinutes(5)));

        assertEquals(stored, r.jobId().toString());
        assertFalse(r.videos().isEmpty());
        assertEquals(1, vendor.requests(Operation.SUBMIT), "resuming never resubmits");
        assertEquals(1, vendor.jobsBilled());
    }

    @Test
    void theKeyNeverAppearsInLogsMessagesOrToString() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> texts = new ArrayList<>();
        System.setErr(new PrintStream(captured, true));
        try {
            VideoClient c = client(vendor.apiKey());
            texts.add(c.toString());
            texts.add(complete(c.generateAsync(validRequest(), Duration.ofMinutes(20))).toString());
            VideoClient revoked = client(vendor.apiKey() + "-revoked");
            long submits = vendor.requests(Operation.SUBMIT);
            VideoGenException e = assertThrows(VideoGenException.class,
                    () -> complete(revoked.submitAsync(validRequest())));
            assertEquals(submits + 1, vendor.requests(Operation.SUBMIT), "a refused key is not tried again");
            texts.add(e.toString());
            texts.add(String.valueOf(e.getCause()));
        } finally {
            System.setErr(original);
        }
        texts.add(captured.toString());
        for (String t : texts) assertFalse(t.contains(vendor.apiKey()), "the key leaked into: " + t);
    }

    @Test
    void aWebhookCompletesTheJobWithoutAnotherPoll() {
        assumeTrue(supportsWebhooks(), "capability hook: no webhooks");
        WebhookReceiver receiver = track(new WebhookReceiver());
        VideoClient c = track(clientBuilder(vendor.apiKey()).webhookSafetyPoll(Duration.ofHours(1)).build());
        VideoJob job = complete(c.submitAsync(RequestEdits.edit(validRequest(), b -> b.webhookUrl(receiver.url()))));
        CompletableFuture<VideoResult> result = c.awaitAsync(job.jobId(), Duration.ofHours(2));
        long polls = vendor.requests(Operation.POLL);
        scheduler.advanceBy(QUEUE.plus(RUN).plusSeconds(1));

        assertEquals(1, vendor.deliverWebhooks(), "the vendor sent the job's webhook");
        assertEquals(1, receiver.received().size());
        WebhookEvent event = parseWebhook(receiver.received().get(0));
        assertEquals(providerId(), event.providerId());
        assertEquals(job.jobId().nativeJobId(), event.nativeJobId(), "the webhook names the job");
        assertEquals(JobState.SUCCEEDED, event.status().state());
        assertFalse(event.videos().isEmpty(), "the webhook carries the video");
        assertFalse(result.isDone(), "nothing but the webhook can finish it now");

        c.onWebhook(event);
        VideoResult done = complete(result);
        assertEquals(event.videos(), done.videos());
        assertEquals(polls, vendor.requests(Operation.POLL), "the webhook, not a poll, finished the job");
    }
}
