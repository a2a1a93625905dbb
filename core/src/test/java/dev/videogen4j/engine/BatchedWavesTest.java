package dev.videogen4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.spi.BatchPoller;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ProviderOutput;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.spi.TextToVideo;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.testing.JitteredScheduler;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Batched polls in virtual time: jobs sent together but accepted in groups a submit window apart (as a batched
 * submit accepts what came in 50 ms) are polled in one request, each found done by it.
 */
class BatchedWavesTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler virtual = new VirtualScheduler(clock);
    private final Batching acme = new Batching();
    private final List<List<String>> batches = new ArrayList<>();
    private final Map<String, Instant> ends = new HashMap<>();
    private int sent;

    /** A provider that polls in batches; every job runs 10 s from its submit. */
    private final class Batching implements VideoProvider, TextToVideo, BatchPoller {
        private final ScriptedProvider models = ScriptedProvider.of("acme", clock);

        @Override
        public String id() {
            return "acme";
        }

        @Override
        public List<ModelCapabilities> models() {
            return models.models();
        }

        @Override
        public SubmitReceipt submit(TextToVideoRequest request, SubmitContext context) {
            String id = "job-" + sent++;
            ends.put(id, clock.instant().plusSeconds(10));
            return new SubmitReceipt(JobId.of("acme", context.model().id(), id), null);
        }

        @Override
        public JobUpdate poll(JobId id) {
            return pollAll(List.of(id)).get(id);
        }

        @Override
        public Map<JobId, JobUpdate> pollAll(List<JobId> ids) {
            List<String> names = new ArrayList<>();
            Map<JobId, JobUpdate> out = new HashMap<>();
            for (JobId id : ids) {
                names.add(id.nativeJobId());
                out.put(id, clock.instant().isBefore(ends.get(id.nativeJobId())) ? JobUpdate.of(JobStatus.running(null))
                        : ScriptedProvider.succeededWith("https://cdn.example/" + id.nativeJobId() + ".mp4", null));
            }
            batches.add(names);
            return out;
        }

        @Override
        public ProviderOutput result(JobId id) {
            throw new AssertionError("getResponse carries the video");
        }

        @Override
        public CancelOutcome cancel(JobId id) {
            throw new AssertionError("not cancelled here");
        }
    }

    @AfterEach
    void noBackgroundTaskFailed() {
        assertEquals(List.of(), virtual.failures());
    }

    private VideoClient client() {
        VideoProvider provider = acme;
        return VideoClient.builder()
                .environment(Map.of("VIDEOGEN4J_RETRY_JITTER", "0", "VIDEOGEN4J_ACME_BATCH_POLLING", "true"))
                .clock(clock).scheduler(new JitteredScheduler(virtual, 20, 3)).callExecutor(Runnable::run)
                .providerFactory(ScriptedProvider.handingOut("acme", config -> provider)).routing("single:acme").build();
    }

    @Test
    void aWaveAcceptedInGroupsFiftyMillisecondsApartIsPolledInOneRequest() {
        VideoClient client = client();
        CompletableFuture<VideoResult> scout = client.generateAsync(Requests.t2v(), Duration.ofMinutes(5));
        virtual.runUntilDone(scout, Duration.ofMinutes(5));
        batches.clear();

        List<CompletableFuture<VideoResult>> wave = new ArrayList<>();
        for (int group = 0; group < 4; group++) {
            virtual.schedule(() -> {
                for (int i = 0; i < 5; i++) wave.add(client.generateAsync(Requests.t2v(), Duration.ofMinutes(5)));
            }, group * 50L, TimeUnit.MILLISECONDS);
        }
        virtual.runUntil(() -> wave.size() == 20 && wave.stream().allMatch(CompletableFuture::isDone),
                Duration.ofMinutes(5));

        assertEquals(1, batches.size(), "poll requests: " + batches);
        assertEquals(20, batches.get(0).size());
        for (CompletableFuture<VideoResult> f : wave) {
            // noticed within a second of its end at 10 s, the first poll found it done
            Duration total = f.join().timings().total();
            assertTrue(total.compareTo(Duration.ofSeconds(10)) >= 0 && total.compareTo(Duration.ofSeconds(11)) < 0,
                    "accepted -> result: " + total);
        }
    }
}
