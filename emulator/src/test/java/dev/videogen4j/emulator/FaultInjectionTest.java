package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.emulator.internal.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every {@link Fault}, and whether the emulator processed the request it spoiled — proven through
 * stats and through what a resend of the same Runware taskUUID answers.
 */
class FaultInjectionTest extends EmulatorTestBase {

    private void nextRunwareSubmit(Fault fault) {
        emu.faults(FaultPlan.builder().next(fault, "runware.videoInference").build());
    }

    /** Resending the same task: 200 if the first attempt was not processed, conflict if it was. */
    private void assertProcessed(Map<String, Object> task, boolean processed) throws IOException {
        EmulatorStats stats = emu.stats();
        assertEquals(processed ? 1 : 0, stats.jobsSubmitted("runware"));
        assertEquals(processed ? 1 : 0, stats.billableJobs("runware"));
        assertEquals(processed ? 1 : 0, stats.requestsProcessed("runware"));
        TestHttp.Result resend = runware(task);
        assertEquals(processed ? "conflictTaskUUID" : null,
                resend.code() == 400 ? resend.at("errors", 0, "code") : null, resend.body());
    }

    @Test
    void http429IsNotProcessedAndCarriesRetryAfter() throws Exception {
        emu.faults(FaultPlan.builder().next(Fault.HTTP_429, "runware.videoInference")
                .retryAfter(Duration.ofMillis(1500)).build());
        Map<String, Object> task = videoTask();
        TestHttp.Result result = runware(task);
        assertEquals(429, result.code());
        assertEquals("2", result.headers().get("Retry-After"));
        assertEquals("rateLimitExceeded", result.at("errors", 0, "code"));
        assertEquals(1, emu.stats().faultsInjected(Fault.HTTP_429));
        assertProcessed(task, false);
    }

    @Test
    void http5xxFaultsAreNotProcessedAndUseTheVendorsShape() throws Exception {
        for (Fault fault : List.of(Fault.HTTP_500, Fault.HTTP_502, Fault.HTTP_503, Fault.HTTP_504)) {
            emu.faults(FaultPlan.builder().next(fault, "fal.submit").next(fault, "runware").build());
            TestHttp.Result fal = falSubmit(FAL_I2V, falInput());
            assertEquals(fault.httpStatus(), fal.code());
            Map<?, ?> body = (Map<?, ?>) fal.json();
            assertTrue(body.get("detail") instanceof String);
            assertEquals(body.get("error_type"), fal.headers().get("X-Fal-Error-Type"));
            assertNull(fal.headers().get("x-fal-request-id"));
            TestHttp.Result runware = runware(videoTask());
            assertEquals(fault.httpStatus(), runware.code());
            assertTrue(runware.at("errors", 0, "code") instanceof String);
            assertEquals(2, emu.stats().faultsInjected(fault));
        }
        EmulatorStats stats = emu.stats();
        assertEquals(0, stats.jobsSubmitted("fal") + stats.jobsSubmitted("runware"));
        assertEquals(0, stats.requestsProcessed("fal") + stats.requestsProcessed("runware"));
    }

    @Test
    void resetBeforeRequestDropsTheConnectionAndIsNotProcessed() throws Exception {
        nextRunwareSubmit(Fault.RESET_BEFORE_REQUEST);
        Map<String, Object> task = videoTask();
        assertThrows(IOException.class, () -> runware(task));
        assertProcessed(task, false);
    }

    @Test
    void resetAfterRequestDropsTheConnectionButTheJobWasAcceptedAndBilled() throws Exception {
        nextRunwareSubmit(Fault.RESET_AFTER_REQUEST);
        Map<String, Object> task = videoTask();
        assertThrows(IOException.class, () -> runware(task));
        assertProcessed(task, true);
    }

    @Test
    void slowResponseIsProcessedAndOutlastsAShortClientTimeout() throws Exception {
        emu.faults(FaultPlan.builder().next(Fault.SLOW_RESPONSE, "runware.videoInference")
                .slowResponseDelay(Duration.ofSeconds(5)).build());
        Map<String, Object> task = videoTask();
        TestHttp impatient = new TestHttp(Duration.ofMillis(200));
        assertThrows(InterruptedIOException.class, () -> impatient.post(emu.runwareBaseUrl(),
                Json.writeString(List.of(task)), "Authorization", "Bearer " + emu.runwareApiKey()));
        assertProcessed(task, true);
    }

    @Test
    void malformedJsonIsProcessedButUnparseable() throws Exception {
        nextRunwareSubmit(Fault.MALFORMED_JSON);
        Map<String, Object> task = videoTask();
        TestHttp.Result result = runware(task);
        assertEquals(200, result.code());
        assertThrows(Json.ParseException.class, () -> Json.parse(result.bytes()));
        assertProcessed(task, true);
    }

    @Test
    void truncatedJsonIsProcessedAndCutInHalf() throws Exception {
        nextRunwareSubmit(Fault.TRUNCATED_JSON);
        Map<String, Object> task = videoTask();
        TestHttp.Result result = runware(task);
        assertEquals(200, result.code());
        assertThrows(Json.ParseException.class, () -> Json.parse(result.bytes()));
        String full = Json.writeString(Map.of("data", List.of(Json.object("taskType", "videoInference",
                "taskUUID", task.get("taskUUID")))));
        assertTrue(full.startsWith(result.body()), result.body());
        assertProcessed(task, true);
    }

    @Test
    void htmlErrorPageIsAnNginx502WithoutRequestId() throws Exception {
        emu.faults(FaultPlan.builder().next(Fault.HTML_ERROR_PAGE, "fal").build());
        TestHttp.Result result = falSubmit(FAL_I2V, falInput());
        assertEquals(502, result.code());
        assertTrue(result.headers().get("Content-Type").startsWith("text/html"));
        assertTrue(result.body().contains("nginx"));
        assertNull(result.headers().get("x-fal-request-id"));
        assertEquals(0, emu.stats().jobsSubmitted("fal"));
        assertEquals(0, emu.stats().requestsProcessed("fal"));
    }

    @Test
    void faultsRespectTheirScope() throws Exception {
        emu.faults(FaultPlan.builder().rate(Fault.HTTP_503, 1.0, "fal.status").build());
        TestHttp.Result submit = falSubmit(FAL_I2V, falInput());
        assertEquals(200, submit.code());
        assertEquals(503, falGet((String) submit.at("status_url")).code());
        assertEquals(200, runware(videoTask()).code());
        emu.faults(FaultPlan.builder().rate(Fault.HTTP_503, 1.0).build());
        assertEquals(200, http.get(emu.statsUrl()).code(), "emulator endpoints are never faulted");
        emu.faults(FaultPlan.builder().rate(Fault.HTTP_503, 1.0, "video.download").build());
        advance(2);
        String videoUrl = (String) falGet((String) submit.at("response_url")).at("video", "url");
        assertEquals(503, http.get(videoUrl).code());
    }

    @Test
    void rateDrawsAreDeterministicUnderASeed() throws Exception {
        assertEquals(drawSequence(7L), drawSequence(7L));
        List<Integer> codes = drawSequence(7L);
        long faulted = codes.stream().filter(code -> code == 500).count();
        assertTrue(faulted > 5 && faulted < 35, "about 40 % of 50: " + faulted);
    }

    private List<Integer> drawSequence(long seed) throws IOException {
        try (ProviderEmulator seeded = ProviderEmulator.builder().clock(clock).seed(seed)
                .faults(FaultPlan.builder().rate(Fault.HTTP_500, 0.4).build()).start()) {
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                codes.add(http.get(seeded.falQueueBaseUrl() + "/fal-ai/kling-video/requests/x/status",
                        "Authorization", "Key " + seeded.falApiKey()).code());
            }
            return codes;
        }
    }

    @Test
    void providerDownAnswers503UntilTheWindowEnds() throws Exception {
        emu.providerDown("fal", Duration.ofSeconds(30));
        TestHttp.Result down = falSubmit(FAL_I2V, falInput());
        assertEquals(503, down.code());
        assertEquals("runner_scheduling_failure", down.at("error_type"));
        assertEquals(200, runware(videoTask()).code(), "only fal is down");
        advance(30);
        assertEquals(200, falSubmit(FAL_I2V, falInput()).code());
        EmulatorStats stats = emu.stats();
        assertEquals(1, stats.providerDownRejections("fal"));
        assertEquals(1, stats.jobsSubmitted("fal"));
        assertEquals(2, stats.httpRequests("fal"));
        assertEquals(1, stats.requestsProcessed("fal"));
    }
}
