package dev.videogen4j.runware;

import dev.videogen4j.spi.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.Cost;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.WebhookEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Webhook bodies in both documented forms (flat and data-wrapped), errors included. */
class RunwareWebhooksTest {
    private static final String TASK = "b4d75568-c0b3-489f-aadc-bc9c5f4b52fb";

    @Test
    void aFlatTaskObjectIsOneSucceededEvent() {
        List<WebhookEvent> events = RunwareWebhooks.parse(Fixtures.seed("seed000-example0.response.json"));

        assertEquals(1, events.size());
        WebhookEvent e = events.get(0);
        assertEquals("runware", e.providerId());
        assertEquals(TASK, e.nativeJobId());
        assertEquals(JobState.SUCCEEDED, e.status().state());
        assertEquals(List.of(new GeneratedVideo("https://vm.runware.ai/video/os/a11d13/ws/5/vi/3d4d1a8e-4006-45b3-9aef-a4ff25151d9e.mp4",
                "3d4d1a8e-4006-45b3-9aef-a4ff25151d9e", "video/mp4", null, 716944902L)), e.videos());
        assertEquals(Cost.reported(new BigDecimal("0.21")), e.cost());
    }

    @Test
    void theDataEnvelopeIsReadTooWithOneEventPerTask() {
        String other = "d4565600-0a76-47ed-a976-8db699ad02ea";
        String body = "{\"data\":[" + RunwarePollTest.success(TASK, "aaaaaaaa-2943-4f12-992f-77df3ad3ec71", "0.21") + ","
                + RunwarePollTest.success(other, "bbbbbbbb-2943-4f12-992f-77df3ad3ec71", "0.7") + ","
                + RunwarePollTest.success(TASK, "cccccccc-2943-4f12-992f-77df3ad3ec71", "0.21") + "]}";

        List<WebhookEvent> events = RunwareWebhooks.parse(body);

        assertEquals(List.of(TASK, other), events.stream().map(WebhookEvent::nativeJobId).collect(Collectors.toList()));
        assertEquals(2, events.get(0).videos().size());
        assertEquals(Cost.reported(new BigDecimal("0.42")), events.get(0).cost());
    }

    @Test
    void errorsBecomeFailedEvents() {
        List<WebhookEvent> events = RunwareWebhooks.parse("{\"errors\":[{\"code\":\"timeoutProvider\",\"status\":\"error\","
                + "\"message\":\"timed out\",\"taskUUID\":\"" + TASK + "\"}]}");
        assertEquals(JobStatus.failed(ErrorKind.TIMEOUT, "timeoutProvider", "timed out"), events.get(0).status());
        assertTrue(events.get(0).videos().isEmpty());
        assertEquals(Cost.unknown(), events.get(0).cost());

        WebhookEvent flatError = RunwareWebhooks.parse("{\"taskType\":\"videoInference\",\"taskUUID\":\"" + TASK
                + "\",\"status\":\"error\",\"error\":{\"code\":\"inferenceError\",\"message\":\"failed\"}}").get(0);
        assertEquals(JobStatus.failed(ErrorKind.UNAVAILABLE, "inferenceError", "failed"), flatError.status());
        WebhookEvent textError = RunwareWebhooks.parse("{\"taskUUID\":\"" + TASK + "\",\"status\":\"error\",\"error\":\"boom\"}").get(0);
        assertEquals(JobStatus.failed(ErrorKind.OTHER, null, "boom"), textError.status());
    }

    @Test
    void processingIsRunningAndUnroutableItemsAreSkipped() {
        assertEquals(JobState.RUNNING, RunwareWebhooks.parse(RunwarePollTest.processing(TASK, 10)).get(0).status().state());
        assertTrue(RunwareWebhooks.parse("{\"data\":[{\"status\":\"success\",\"videoURL\":\"https://x/v.mp4\"}]}").isEmpty());
    }

    @Test
    void somethingElseIsRejected() {
        for (String bad : List.of("", "<html>hi</html>", "[1,2]", "{\"data\":", "null")) {
            assertThrows(dev.videogen4j.error.UnparseableResponseException.class, () -> RunwareWebhooks.parse(bad), bad);
        }
    }

    @Test
    void tokensCompareExactly() {
        assertTrue(RunwareWebhooks.tokenMatches("s3cret", "s3cret"));
        assertFalse(RunwareWebhooks.tokenMatches("s3cret", "s3cre"));
        assertFalse(RunwareWebhooks.tokenMatches("s3cret", null));
        assertFalse(RunwareWebhooks.tokenMatches(null, "x"));
    }
}
