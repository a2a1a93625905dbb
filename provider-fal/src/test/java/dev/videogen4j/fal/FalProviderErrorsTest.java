package dev.videogen4j.fal;

import static dev.videogen4j.fal.FalFixtures.STD_I2V;
import static dev.videogen4j.fal.FalFixtures.context;
import static dev.videogen4j.fal.FalFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.ContentPolicyException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.RateLimitedException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.error.UnparseableResponseException;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.error.Violation;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Every fal error shape, as answered to a submit. */
class FalProviderErrorsTest extends FalServerTest {
    private static final ImageToVideoRequest REQUEST = ImageToVideoRequest.builder().model("kling-2.5-turbo-standard")
            .prompt("p").image(ImageInput.url("https://example.com/a.png")).build();

    private VideoGenException submit(MockResponse response) {
        server.enqueue(response);
        return assertThrows(VideoGenException.class, () -> fal.submit(REQUEST, context(STD_I2V)));
    }

    @Test
    void legacyFastApiDetail() {
        InvalidRequestException e = (InvalidRequestException) submit(json(422,
                "{\"detail\": [{\"loc\": [\"body\", \"prompt\"], \"msg\": \"field required\", \"type\": \"value_error.missing\"}]}"));
        assertEquals(List.of(new Violation("prompt", null, "field required")), e.violations());
        assertEquals("fal", e.providerId());
    }

    @Test
    void currentDetailWithUrlCtxAndInput() {
        InvalidRequestException e = (InvalidRequestException) submit(json(422, "{\"detail\": ["
                + "{\"loc\": [\"body\", \"duration\"], \"msg\": \"Input should be '5' or '10'\", \"type\": \"one_of\","
                + " \"url\": \"https://docs.fal.ai/errors/#one_of\", \"ctx\": {\"expected\": [\"5\", \"10\"]}, \"input\": \"7\"},"
                + "{\"loc\": [\"body\", \"cfg_scale\"], \"msg\": \"Input should be less than or equal to 1\", \"type\": \"less_than_equal\","
                + " \"url\": \"https://docs.fal.ai/errors/#less_than_equal\", \"ctx\": {\"le\": 1}, \"input\": 1.5},"
                + "{\"loc\": [\"body\", \"elements\", 0, \"image_url\"], \"msg\": \"Failed to load image\", \"type\": \"image_load_error\","
                + " \"url\": \"u\", \"input\": \"data:image/png;base64," + "A".repeat(500) + "\"}]}"));
        assertEquals(new Violation("duration", "7", "5, 10"), e.violations().get(0));
        assertEquals(new Violation("cfg_scale", "1.5", "Input should be less than or equal to 1"), e.violations().get(1));
        Violation nested = e.violations().get(2);
        assertEquals("elements.0.image_url", nested.field());
        assertTrue(nested.value().length() < 260 && nested.value().endsWith("chars)"), nested.value());
    }

    @Test
    void detailAsAPlainString() {
        InvalidRequestException e = (InvalidRequestException) submit(json(422, "{\"detail\": \"Prompt is too long\"}"));
        assertEquals("Prompt is too long", e.violations().get(0).allowed());
    }

    @Test
    void contentPolicyViolation() {
        ContentPolicyException e = (ContentPolicyException) submit(json(422, "{\"detail\": [{\"loc\": [\"body\", \"prompt\"],"
                + " \"msg\": \"The prompt was flagged by the content checker\", \"type\": \"content_policy_violation\","
                + " \"url\": \"https://docs.fal.ai/errors/#content_policy_violation\"}]}"));
        assertEquals("content_policy_violation", e.errorCode().orElseThrow());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("flagged by the content checker"), e.getMessage());
        assertEquals(SubmitOutcome.REJECTED, e.submitOutcome());
    }

    @Test
    void flatRequestErrorWithErrorTypeHeader() {
        ProviderUnavailableException e = (ProviderUnavailableException) submit(new MockResponse.Builder().code(504)
                .setHeader("X-Fal-Error-Type", "request_timeout").setHeader("x-fal-request-id", "req-504")
                .body("{\"detail\": \"Request timed out\", \"error_type\": \"request_timeout\"}").build());
        assertEquals("request_timeout", e.errorCode().orElseThrow());
        assertEquals("req-504", e.providerRequestId().orElseThrow());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("Request timed out"), e.getMessage());
        assertEquals(SubmitOutcome.UNKNOWN, e.submitOutcome());   // a 504 submit may have been queued

        ProviderUnavailableException typeOnlyInHeader = (ProviderUnavailableException) submit(new MockResponse.Builder()
                .code(503).setHeader("X-Fal-Error-Type", "runner_scheduling_failure").body("{\"detail\": \"No runner\"}").build());
        assertEquals("runner_scheduling_failure", typeOnlyInHeader.errorCode().orElseThrow());
        assertEquals(SubmitOutcome.REJECTED, typeOnlyInHeader.submitOutcome());
    }

    @Test
    void aUserStartTimeoutIsNeverRetried() {
        ProviderUnavailableException e = (ProviderUnavailableException) submit(new MockResponse.Builder().code(504)
                .setHeader("X-Fal-Request-Timeout-Type", "user").setHeader("X-Fal-Error-Type", "request_timeout")
                .body("{\"detail\": \"Request timed out\", \"error_type\": \"request_timeout\"}").build());
        assertFalse(e.retryable());
        ProviderUnavailableException noBody = (ProviderUnavailableException) submit(new MockResponse.Builder().code(504)
                .setHeader("X-Fal-Request-Timeout-Type", "user").build());
        assertFalse(noBody.retryable());
        assertTrue(noBody.getMessage().contains("start timeout"), noBody.getMessage());
    }

    @Test
    void xFalRetryableIsTheRetryHint() {
        VideoGenException notRetryable = submit(new MockResponse.Builder().code(503).setHeader("X-Fal-Retryable", "false")
                .body("{\"detail\": \"runner disconnected\", \"error_type\": \"runner_disconnected\"}").build());
        assertFalse(((ProviderException) notRetryable).retryable());
        VideoGenException retryable = submit(new MockResponse.Builder().code(500).setHeader("X-Fal-Retryable", "true")
                .body("{\"detail\": [{\"loc\": [], \"msg\": \"boom\", \"type\": \"internal_server_error\"}]}").build());
        assertTrue(((ProviderException) retryable).retryable());
        assertEquals("internal_server_error", ((ProviderException) retryable).errorCode().orElseThrow());
        // a hint never makes a validation error retryable
        InvalidRequestException invalid = (InvalidRequestException) submit(new MockResponse.Builder().code(422)
                .setHeader("X-Fal-Retryable", "true").body("{\"detail\": [{\"loc\": [\"body\", \"prompt\"],"
                        + " \"msg\": \"field required\", \"type\": \"missing\"}]}").build());
        assertEquals("prompt", invalid.violations().get(0).field());
    }

    @Test
    void authenticationRateLimitAndNotFound() {
        AuthenticationException unauthorized = (AuthenticationException) submit(json(401, "{\"detail\": \"Unauthorized\"}"));
        assertEquals(401, unauthorized.httpStatus());
        assertEquals(SubmitOutcome.REJECTED, unauthorized.submitOutcome());
        AuthenticationException forbidden = (AuthenticationException) submit(new MockResponse.Builder().code(403).build());
        assertEquals(403, forbidden.httpStatus());

        RateLimitedException limited = (RateLimitedException) submit(new MockResponse.Builder().code(429)
                .setHeader("Retry-After", "3").body("{\"detail\": \"Queue is full\", \"error_type\": \"queue_full\"}").build());
        assertEquals(Duration.ofSeconds(3), limited.retryAfter().orElseThrow());
        assertTrue(limited.retryable());
        assertEquals(SubmitOutcome.REJECTED, limited.submitOutcome());
        RateLimitedException noRetryAfter = (RateLimitedException) submit(json(429, "{\"detail\": \"too many\"}"));
        assertFalse(noRetryAfter.retryAfter().isPresent());

        ProviderException notFound = (ProviderException) submit(json(404, "{\"detail\": \"Application 'kling-video' not found\"}"));
        assertEquals(404, notFound.httpStatus());
        assertTrue(notFound.getMessage().contains("not found"));
    }

    @Test
    void serverErrorsAreUnavailableAndTheSubmitOutcomeUnknown() {
        for (int code : new int[] {500, 502}) {
            ProviderUnavailableException e = (ProviderUnavailableException) submit(json(code,
                    "{\"detail\": \"Internal error\", \"error_type\": \"internal_error\"}"));
            assertEquals(code, e.httpStatus());
            assertEquals(SubmitOutcome.UNKNOWN, e.submitOutcome());
        }
    }

    @Test
    void nonJsonBodiesAreUnparseable() {
        UnparseableResponseException html = (UnparseableResponseException) submit(new MockResponse.Builder().code(502)
                .setHeader("Content-Type", "text/html").body("<html><head><title>502 Bad Gateway</title></head>"
                        + "<body><center>nginx</center></body></html>").build());
        assertEquals(502, html.httpStatus());
        assertEquals(SubmitOutcome.UNKNOWN, html.submitOutcome());
        UnparseableResponseException truncated = (UnparseableResponseException) submit(json(422, "{\"detail\": [{\"loc\": [\"bo"));
        assertEquals(SubmitOutcome.REJECTED, truncated.submitOutcome());
    }

    @Test
    void anAcceptedSubmitWithAnUnreadableBodyIsUncertainAndKeepsTheRequestId() {
        UnparseableResponseException e = (UnparseableResponseException) submit(new MockResponse.Builder().code(200)
                .setHeader("x-fal-request-id", "req-42").body("{\"request_id\": \"req-4").build());
        assertEquals(SubmitOutcome.UNKNOWN, e.submitOutcome());   // the job was probably created: never resend
        assertEquals("req-42", e.providerRequestId().orElseThrow());
        UnparseableResponseException noId = (UnparseableResponseException) submit(json(200, "{\"status\": \"IN_QUEUE\"}"));
        assertTrue(noId.getMessage().contains("request_id"), noId.getMessage());
    }

    @Test
    void theKeyNeverAppearsEvenWhenFalEchoesIt() {
        String key = FalFixtures.KEY;
        VideoGenException invalid = submit(json(422, "{\"detail\": [{\"loc\": [\"body\", \"api_key\"], \"msg\": \"unexpected "
                + key + "\", \"type\": \"extra_forbidden\", \"input\": \"" + key + "\"}]}"));
        assertFalse(invalid.getMessage().contains(key), invalid.getMessage());
        assertFalse(((InvalidRequestException) invalid).violations().toString().contains(key));
        VideoGenException unavailable = submit(json(500, "{\"detail\": \"bad key " + key + "\"}"));
        assertFalse(unavailable.getMessage().contains(key), unavailable.getMessage());
        VideoGenException garbled = submit(json(500, "<p>" + key));
        assertInstanceOf(UnparseableResponseException.class, garbled);
        assertFalse(garbled.getMessage().contains(key), garbled.getMessage());
        assertFalse(fal.toString().contains(key));
    }
}
