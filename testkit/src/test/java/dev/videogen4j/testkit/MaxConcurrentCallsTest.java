package dev.videogen4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoClientBuilder;
import dev.videogen4j.VideoJob;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.spi.ImageToVideo;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.ProviderOutput;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.spi.TextToVideo;
import dev.videogen4j.spi.VideoProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client's own call pool runs at most maxConcurrentCalls provider calls at once, each on a thread. */
class MaxConcurrentCallsTest {
    private final FakeVideoProvider fake = new FakeVideoProvider();
    private final Set<String> callThreads = ConcurrentHashMap.newKeySet();
    private final Semaphore release = new Semaphore(0);

    @Test
    void callsBeyondTheMaximumWaitForAThreadInsteadOfStartingOne() throws Exception {
        try (VideoClient client = builder().maxConcurrentCalls(2).build()) {
            assertEquals(2, submitHoldingTheFirst(client, 5, 2));
        }
    }

    @Test
    void theEnvironmentSetsTheMaximumToo() throws Exception {
        try (VideoClient client = builder().environment(Map.of("VIDEOGEN4J_MAX_CONCURRENT_CALLS", "1")).build()) {
            assertEquals(1, submitHoldingTheFirst(client, 3, 1));
        }
    }

    @Test
    void aMaximumBelowOneIsRefused() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> builder().maxConcurrentCalls(0));
        assertEquals("maxConcurrentCalls must be at least 1, got 0", e.getMessage());
        ConfigurationException c = assertThrows(ConfigurationException.class,
                () -> builder().environment(Map.of("VIDEOGEN4J_MAX_CONCURRENT_CALLS", "0")).build());
        assertEquals("VIDEOGEN4J_MAX_CONCURRENT_CALLS=0 must be at least 1", c.getMessage());
    }

    /**
     * Submits {@code jobs} while the first {@code held} submits are blocked inside the provider, then lets them
     * all through. Returns how many distinct threads ran submits: a pool without a cap would have started a
     * thread for each job submitted while the first ones were held.
     */
    private int submitHoldingTheFirst(VideoClient client, int jobs, int held) throws Exception {
        CountDownLatch entered = new CountDownLatch(held);
        gate = entered;
        List<CompletableFuture<VideoJob>> submitted = new ArrayList<>();
        for (int i = 0; i < jobs; i++) submitted.add(client.submitAsync(request()));
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the first submits reached the provider");
        release.release(jobs);
        for (CompletableFuture<VideoJob> f : submitted) f.get(10, TimeUnit.SECONDS);
        assertEquals(jobs, fake.submissions().size());
        return callThreads.size();
    }

    private volatile CountDownLatch gate;

    private VideoClientBuilder builder() {
        VideoProvider held = new HeldSubmits();
        return VideoClient.builder().provider(FakeVideoProvider.ID).providerFactory(new FakeVideoProviderFactory() {
            @Override
            public VideoProvider create(ProviderConfig config) {
                return held;
            }
        });
    }

    private static ImageToVideoRequest request() {
        return ImageToVideoRequest.builder().model("fake:kling-2.5-turbo-standard").prompt("a held submit")
                .image(dev.videogen4j.ImageInput.url("https://example.com/a.png")).build();
    }

    /** The fake provider, with every submit held until the test releases it. */
    private final class HeldSubmits implements VideoProvider, TextToVideo, ImageToVideo {
        @Override
        public SubmitReceipt submit(TextToVideoRequest request, SubmitContext context) {
            hold();
            return fake.submit(request, context);
        }

        @Override
        public SubmitReceipt submit(ImageToVideoRequest request, SubmitContext context) {
            hold();
            return fake.submit(request, context);
        }

        private void hold() {
            callThreads.add(Thread.currentThread().getName());
            gate.countDown();
            release.acquireUninterruptibly();
        }

        @Override
        public String id() {
            return fake.id();
        }

        @Override
        public List<ModelCapabilities> models() {
            return fake.models();
        }

        @Override
        public JobUpdate poll(JobId id) {
            return fake.poll(id);
        }

        @Override
        public ProviderOutput result(JobId id) {
            return fake.result(id);
        }

        @Override
        public CancelOutcome cancel(JobId id) {
            return fake.cancel(id);
        }
    }
}
