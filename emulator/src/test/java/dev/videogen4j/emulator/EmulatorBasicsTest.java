package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Videos, stats, determinism, lifecycle and the real-clock mode. */
class EmulatorBasicsTest extends EmulatorTestBase {

    @Test
    void videoDownloadServesAnMp4WithTheRightTypeAndLength() throws Exception {
        Map<String, Object> task = videoTask();
        runware(task);
        advance(2);
        String url = (String) runware(poll(task.get("taskUUID"))).at("data", 0, "videoURL");
        TestHttp.Result video = http.get(url);
        assertEquals(200, video.code());
        assertEquals("video/mp4", video.headers().get("Content-Type"));
        assertEquals(Integer.toString(video.bytes().length), video.headers().get("Content-Length"));
        assertEquals("ftyp", new String(Arrays.copyOfRange(video.bytes(), 4, 8), StandardCharsets.US_ASCII));
        assertEquals(404, http.get(emu.baseUrl() + "/videos/unknown.mp4").code());
        assertEquals(404, http.get(url.replace(".mp4", ".webm")).code());
        assertEquals(3, emu.stats().requests("video.download"));
    }

    @Test
    void webmOutputIsServedAsWebm() throws Exception {
        Map<String, Object> task = videoTask("outputFormat", "WEBM");
        runware(task);
        advance(2);
        String url = (String) runware(poll(task.get("taskUUID"))).at("data", 0, "videoURL");
        assertTrue(url.endsWith(".webm"));
        TestHttp.Result video = http.get(url);
        assertEquals("video/webm", video.headers().get("Content-Type"));
        assertEquals((byte) 0x1A, video.bytes()[0]);
    }

    @Test
    void statsEndpointServesTheSnapshotAsJson() throws Exception {
        Map<String, Object> task = videoTask("includeCost", true);
        runware(task);
        runware(poll(task.get("taskUUID")));
        falSubmit(FAL_I2V, falInput());
        TestHttp.Result stats = http.get(emu.statsUrl());
        assertEquals(200, stats.code());
        assertEquals(1.0, stats.at("requests", "runware.videoInference"));
        assertEquals(1.0, stats.at("requests", "runware.getResponse"));
        assertEquals(1.0, stats.at("requests", "fal.submit"));
        assertEquals(1.0, stats.at("billableJobs", "fal"));
        assertEquals(1.0, stats.at("billableJobsByModel", "runware", "klingai:6@0"));
        assertEquals(0.21, stats.at("moneyCharged", "runware"));
        assertEquals(stats.json(), TestHttp.at(new TestHttp.Result(200, null,
                emu.stats().toJson().getBytes(StandardCharsets.UTF_8)).json()));
    }

    @Test
    void resetStatsZeroesTheCounters() throws Exception {
        runware(videoTask());
        emu.resetStats();
        EmulatorStats stats = emu.stats();
        assertEquals(0, stats.billableJobs("runware"));
        assertEquals(0, stats.requests("runware.videoInference"));
        assertEquals(0, stats.moneyCharged("runware").signum());
    }

    @Test
    void sameSeedSameIdsSeedsAndUrls() throws Exception {
        assertEquals(scriptedRun(99L), scriptedRun(99L));
        assertTrue(!scriptedRun(99L).equals(scriptedRun(100L)));
    }

    private List<Object> scriptedRun(long seed) throws Exception {
        try (ProviderEmulator seeded = ProviderEmulator.builder().clock(clock).seed(seed).start()) {
            Map<String, Object> task = videoTask("taskUUID", "3f1e0c0e-8d7b-4d7c-9a51-3c1f1f0e2b11");
            http.post(seeded.runwareBaseUrl(), dev.videogen4j.emulator.internal.Json.writeString(List.of(task)),
                    "Authorization", "Bearer " + seeded.runwareApiKey());
            TestHttp.Result submit = http.post(seeded.falQueueBaseUrl() + "/" + FAL_I2V, falInput(),
                    "Authorization", "Key " + seeded.falApiKey());
            advance(2);
            TestHttp.Result poll = http.post(seeded.runwareBaseUrl(),
                    dev.videogen4j.emulator.internal.Json.writeString(List.of(poll(task.get("taskUUID")))),
                    "Authorization", "Bearer " + seeded.runwareApiKey());
            Map<?, ?> item = (Map<?, ?>) poll.at("data", 0);
            return List.of(submit.at("request_id"), item.get("videoUUID"), item.get("seed"),
                    item.get("videoURL").toString().replace(seeded.baseUrl(), ""));
        }
    }

    @Test
    void urlsAndToString() {
        assertEquals(emu.baseUrl() + "/v1", emu.runwareBaseUrl());
        assertEquals(emu.baseUrl(), emu.falQueueBaseUrl());
        assertEquals(emu.baseUrl() + "/.well-known/jwks.json", emu.jwksUrl());
        assertTrue(emu.baseUrl().startsWith("http://127.0.0.1:"));
        assertTrue(emu.toString().contains(emu.runwareBaseUrl()));
        assertEquals(42L, emu.seed());
    }

    @Test
    void builderRejectsNonsense() {
        assertThrows(IllegalArgumentException.class,
                () -> ProviderEmulator.builder().timing("klingai:7@7", Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ProviderEmulator.builder().jobFailureRate(2));
        assertThrows(IllegalArgumentException.class, () -> emu.providerDown("openai", Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> FaultPlan.builder().rate(Fault.HTTP_500, 0.1, "fal.submitt"));
    }

    @Test
    void jobFailureRateFailsJobsDeterministically() throws Exception {
        emu.close();
        emu = ProviderEmulator.builder().clock(clock).seed(5L).jobFailureRate(1.0).start();
        Map<String, Object> task = videoTask();
        runware(task);
        advance(2);
        assertEquals("timeoutProvider", runware(poll(task.get("taskUUID"))).at("errors", 0, "code"));
    }

    @Test
    void latencyDelaysEveryResponseInRealTime() throws Exception {
        try (ProviderEmulator slow = ProviderEmulator.builder().latency(Duration.ofMillis(50)).start()) {
            long start = System.nanoTime();
            http.get(slow.statsUrl());
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    @Test
    void withARealClockWebhooksAreDeliveredInTheBackground() throws Exception {
        try (MockWebServer receiver = new MockWebServer();
                ProviderEmulator live = ProviderEmulator.builder()
                        .timing(Duration.ZERO, Duration.ZERO).start()) {
            receiver.enqueue(new MockResponse.Builder().code(200).build());
            receiver.start();
            Map<String, Object> task = videoTask("webhookURL", receiver.url("/hook").toString());
            http.post(live.runwareBaseUrl(), dev.videogen4j.emulator.internal.Json.writeString(List.of(task)),
                    "Authorization", "Bearer " + live.runwareApiKey());
            RecordedRequest webhook = receiver.takeRequest(5, TimeUnit.SECONDS); // bounded wait for the socket
            assertNotNull(webhook);
            assertTrue(webhook.getBody().utf8().contains((String) task.get("taskUUID")));
        }
    }
}
