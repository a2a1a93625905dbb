package dev.videogen4j.fal;

import dev.videogen4j.spi.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.Cost;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.WebhookEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook envelope, with fal's documented examples. */
class FalWebhooksParseTest {
    private static final String ID = "123e4567-e89b-12d3-a456-426614174000";

    private static WebhookEvent parse(String json) {
        return FalWebhooks.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void okWithAVideoIsSucceededWithIt() {
        WebhookEvent e = parse("{\"request_id\": \"" + ID + "\", \"gateway_request_id\": \"" + ID + "\", \"status\": \"OK\","
                + " \"payload\": {\"video\": {\"url\": \"https://v3b.fal.media/files/b/out.mp4\", \"content_type\": \"video/mp4\","
                + " \"file_name\": \"output.mp4\", \"file_size\": 16536912}}}");
        assertEquals("fal", e.providerId());
        assertEquals(ID, e.nativeJobId());
        assertEquals(JobStatus.succeeded(), e.status());
        assertEquals("OK", e.status().raw());
        assertEquals(new GeneratedVideo("https://v3b.fal.media/files/b/out.mp4", null, "video/mp4", 16536912L, null),
                e.videos().get(0));
        assertEquals(Cost.unknown(), e.cost());
    }

    @Test
    void okWithoutAVideoPayloadIsSucceededWithNothingDelivered() {
        // fal's documented image example (no "video") and the payload_error case
        WebhookEvent images = parse("{\"request_id\": \"" + ID + "\", \"gateway_request_id\": \"" + ID + "\", \"status\": \"OK\","
                + " \"payload\": {\"images\": [{\"url\": \"https://url.to/image.png\", \"content_type\": \"image/png\","
                + " \"file_name\": \"image.png\", \"file_size\": 1824075, \"width\": 1024, \"height\": 1024}],"
                + " \"seed\": 196619188014358660}}");
        assertEquals(JobState.SUCCEEDED, images.status().state());
        assertTrue(images.videos().isEmpty());
        WebhookEvent noPayload = parse("{\"request_id\": \"" + ID + "\", \"gateway_request_id\": \"" + ID + "\","
                + " \"status\": \"OK\", \"payload\": null, \"payload_error\": \"Response payload is not JSON serializable.\"}");
        assertEquals(JobState.SUCCEEDED, noPayload.status().state());
        assertTrue(noPayload.videos().isEmpty());
    }

    @Test
    void errorIsFailedWithFalsTypeAndMessages() {
        WebhookEvent e = parse("{\"request_id\": \"" + ID + "\", \"gateway_request_id\": \"" + ID + "\", \"status\": \"ERROR\","
                + " \"error\": \"Invalid status code: 422\", \"payload\": {\"detail\": [{\"loc\": [\"body\", \"prompt\"],"
                + " \"msg\": \"field required\", \"type\": \"value_error.missing\"}]}}");
        assertEquals(JobStatus.failed(ErrorKind.INVALID_REQUEST, "value_error.missing", "Invalid status code: 422; prompt: field required"), e.status());
        assertEquals("ERROR", e.status().raw());
        WebhookEvent bare = parse("{\"request_id\": \"" + ID + "\", \"status\": \"ERROR\", \"payload_error\": \"boom\"}");
        assertEquals(JobStatus.failed(ErrorKind.OTHER, null, "boom"), bare.status());
    }

    @Test
    void anUnknownStatusIsUnknown() {
        WebhookEvent e = parse("{\"request_id\": \"" + ID + "\", \"status\": \"PARTIAL\"}");
        assertEquals(JobState.UNKNOWN, e.status().state());
        assertEquals("PARTIAL", e.status().raw());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html>", "{\"status\": \"OK\"}", "{\"request_id\": \"x\"}", "[1]", "{\"request_id\": \"x\", \"st"})
    void notAnEnvelopeIsMalformed(String body) {
        WebhookVerificationException e = assertThrows(WebhookVerificationException.class, () -> parse(body));
        assertEquals(WebhookVerificationException.Reason.MALFORMED_BODY, e.reason());
    }
}
