package dev.videogen4j.runware;

import static dev.videogen4j.runware.Fixtures.TASK;
import static dev.videogen4j.runware.Fixtures.context;
import static dev.videogen4j.runware.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.ContentPolicyException;
import dev.videogen4j.error.InsufficientCreditsException;
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
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every HTTP status and documented error code of a submit, through ProviderFailure into core's exceptions. */
class RunwareErrorMappingTest {
    private final MockWebServer server = new MockWebServer();
    private RunwareProvider provider;

    @BeforeEach
    void start() throws Exception {
        server.start();
        provider = Fixtures.provider(server);
    }

    @AfterEach
    void stop() {
        provider.close();
        server.close();
    }

    static String err(String code, String message) {
        return "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"taskUUID\":\"" + TASK + "\"}]}";
    }

    static Stream<Arguments> statusesAndCodes() {
        return Stream.of(
                // status, body, exception, retryable, submit outcome
                Arguments.of(400, "{\"errors\":[{\"code\":\"invalidApiKey\",\"message\":\"Invalid API key. Get one at https://my.runware.ai/signup\",\"parameter\":\"apiKey\",\"taskType\":\"authentication\"}]}",
                        AuthenticationException.class, false, SubmitOutcome.REJECTED),
                Arguments.of(400, err("missingApiKey", "No API key"), AuthenticationException.class, false, SubmitOutcome.REJECTED),
                Arguments.of(401, err("invalidApiKey", "Invalid API key"), AuthenticationException.class, false, SubmitOutcome.REJECTED),
                Arguments.of(403, err("forbidden", "Key lacks permission"), AuthenticationException.class, false, SubmitOutcome.REJECTED),
                Arguments.of(403, "{}", AuthenticationException.class, false, SubmitOutcome.REJECTED),
                Arguments.of(402, err("somethingElse", "Payment Required"), InsufficientCreditsException.class, false, SubmitOutcome.REJECTED),
                Arguments.of(400, err("insufficientCredits", "Balance too low"), InsufficientCreditsException.class, false, SubmitOutcome.REJECTED),
                Arguments.of(400, err("accountBalanceTooLow", "Top up"), InsufficientCreditsException.class, false, SubmitOutcome.REJECTED),
                Arguments.of(400, err("paymentRequired", "Pay"), InsufficientCreditsException.class, false, SubmitOutcome.REJECTED),
                Arguments.of(429, err("queueCapacityExceeded", "Queue full"), RateLimitedException.class, true, SubmitOutcome.REJECTED),
                Arguments.of(200, err("providerRateLimitExceeded", "Gemini rate limit exceeded"), RateLimitedException.class, true, SubmitOutcome.UNKNOWN),
                Arguments.of(400, err("contentPolicyViolation", "Prompt blocked"), ContentPolicyException.class, false, SubmitOutcome.REJECTED),
                Arguments.of(404, err("modelNotFound", "No such model"), ProviderException.class, false, SubmitOutcome.REJECTED),
                Arguments.of(500, err("internalServerError", "Oops"), ProviderUnavailableException.class, true, SubmitOutcome.UNKNOWN),
                Arguments.of(502, "{}", ProviderUnavailableException.class, true, SubmitOutcome.UNKNOWN),
                Arguments.of(503, err("serviceUnavailable", "Busy"), ProviderUnavailableException.class, true, SubmitOutcome.REJECTED),
                Arguments.of(504, err("timeoutProvider", "Max queue wait exceeded"), ProviderUnavailableException.class, true, SubmitOutcome.UNKNOWN),
                // Legacy shapes
                Arguments.of(400, "{\"error\":{\"code\":\"invalidApiKey\",\"message\":\"Invalid api key\"},\"taskUUID\":\"" + TASK + "\",\"taskType\":\"videoInference\"}",
                        AuthenticationException.class, false, SubmitOutcome.REJECTED),
                Arguments.of(200, "{\"error\":true,\"errorMessageContentId\":1212,\"errorId\":19,\"errorMessage\":\"Invalid api key\"}",
                        AuthenticationException.class, false, SubmitOutcome.REJECTED),
                Arguments.of(400, "{\"code\":\"unsupportedDuration\",\"message\":\"Bad duration\",\"parameter\":\"duration\"}",
                        InvalidRequestException.class, false, null));
    }

    @ParameterizedTest
    @MethodSource("statusesAndCodes")
    void mapsToCoresExceptions(int status, String body, Class<? extends VideoGenException> type, boolean retryable,
                               SubmitOutcome outcome) {
        server.enqueue(json(status, body));
        VideoGenException e = assertThrows(VideoGenException.class, this::submit);
        assertInstanceOf(type, e, e.getMessage());
        if (e instanceof ProviderException) {
            ProviderException p = (ProviderException) e;
            assertEquals(type, p.getClass(), "exact class");
            assertEquals(retryable, p.retryable(), "retryable");
            assertEquals(outcome, p.submitOutcome(), "submit outcome");
            assertEquals(status, p.httpStatus());
            assertEquals(TASK, p.providerRequestId().orElseThrow(), "the taskUUID identifies the request");
        }
    }

    @Test
    void validationErrorsBecomeOneViolationPerErrorWithTheValueSentAndTheAllowedValues() {
        server.enqueue(json(400, "{\"errors\":["
                + "{\"code\":\"unsupportedDuration\",\"message\":\"Invalid value for duration parameter. This duration is not supported by the model architecture.\","
                + "\"parameter\":\"duration\",\"type\":\"float\",\"documentation\":\"https://runware.ai/docs/en/video-inference/api-reference#request-duration\","
                + "\"taskUUID\":\"" + TASK + "\",\"allowedValues\":[6]},"
                + "{\"code\":\"invalidCFGScale\",\"message\":\"CFGScale out of range\",\"parameter\":\"CFGScale\",\"taskUUID\":\"" + TASK + "\"},"
                + "{\"code\":\"incompatibleParameters\",\"message\":\"width and frameImages together\",\"parameter\":[\"width\",\"inputs.frameImages\"]},"
                + "{\"code\":\"unknownParameter\",\"message\":\"Unknown parameter foo\"}]}"));

        InvalidRequestException e = assertThrows(InvalidRequestException.class, this::submit);

        assertEquals("runware", e.providerId());
        assertEquals(List.of(
                new Violation("duration", "7", "Invalid value for duration parameter. This duration is not supported by the model architecture. (allowed values: 6)"),
                new Violation("CFGScale", "0.6", "CFGScale out of range"),
                new Violation("width,inputs.frameImages", "(as sent)", "width and frameImages together"),
                new Violation("unknownParameter", "(as sent)", "Unknown parameter foo")), e.violations());
    }

    @Test
    void aSentImageIsShownShortenedInAViolation() {
        server.enqueue(json(400, "{\"errors\":[{\"code\":\"invalidFrameImages\",\"message\":\"bad image\",\"parameter\":\"inputs.frameImages\"}]}"));
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> provider.submit(ImageToVideoRequest.builder().model("klingai:6@0")
                        .image(ImageInput.bytes(new byte[4000], "image/png")).build(), context(provider, "klingai:6@0", TASK)));
        String value = e.violations().get(0).value();
        assertTrue(value.length() < 120 && value.contains("chars)"), value);
    }

    @Test
    void retryAfterIsHonouredInSecondsAndAsAnHttpDate() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body(err("rateLimitExceeded", "slow down")).build());
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "Thu, 20 Nov 2025 12:00:30 GMT").build());
        assertEquals(Duration.ofSeconds(7), assertThrows(RateLimitedException.class, this::submit).retryAfter().orElseThrow());
        assertEquals(Duration.ofSeconds(30), assertThrows(RateLimitedException.class, this::submit).retryAfter().orElseThrow());
    }

    @Test
    void nonJsonBodiesAreUnparseableWithTheStatusDecidingTheSubmitOutcome() {
        server.enqueue(json(502, "<html><body>Bad Gateway</body></html>"));
        server.enqueue(json(503, "<html><body>Service Unavailable</body></html>"));
        server.enqueue(json(200, "{\"data\":[{\"taskType\":\"videoInference\",\"taskUU"));
        server.enqueue(json(200, ""));
        server.enqueue(json(200, "{\"data\":{\"taskUUID\":\"" + TASK + "\"}}"));

        UnparseableResponseException html502 = assertThrows(UnparseableResponseException.class, this::submit);
        assertEquals(SubmitOutcome.UNKNOWN, html502.submitOutcome());
        assertTrue(html502.getMessage().contains("Bad Gateway"), html502.getMessage());
        assertEquals(SubmitOutcome.REJECTED, assertThrows(UnparseableResponseException.class, this::submit).submitOutcome());
        UnparseableResponseException truncated = assertThrows(UnparseableResponseException.class, this::submit);
        assertEquals(SubmitOutcome.UNKNOWN, truncated.submitOutcome());
        assertTrue(truncated.retryable());
        assertThrows(UnparseableResponseException.class, this::submit);
        assertThrows(UnparseableResponseException.class, this::submit, "data must be an array");
    }

    /** A proxy's HTML 401/429 still means "bad key"/"slow down": the status decides, not the body. */
    @Test
    void statusesThatSpeakForThemselvesSurviveANonJsonBody() {
        server.enqueue(json(401, "<html>401 Authorization Required</html>"));
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").body("Too Many Requests").build());
        server.enqueue(json(402, ""));
        assertThrows(AuthenticationException.class, this::submit);
        assertEquals(Duration.ofSeconds(2), assertThrows(RateLimitedException.class, this::submit).retryAfter().orElseThrow());
        assertThrows(InsufficientCreditsException.class, this::submit);
    }

    @Test
    void errorsInA200AreNotIgnored() {
        server.enqueue(json(200, "{\"data\":[],\"errors\":[{\"code\":\"unsupportedDuration\",\"message\":\"no\",\"parameter\":\"duration\",\"taskUUID\":\"" + TASK + "\"}]}"));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, this::submit);
        assertFalse(e.violations().isEmpty());
    }

    private void submit() {
        provider.submit(ImageToVideoRequest.builder().model("klingai:6@0").prompt("Slow glide").durationSeconds(7).cfgScale(0.6)
                .image(ImageInput.url("https://example.com/first.jpg")).build(), context(provider, "klingai:6@0", TASK));
    }
}
