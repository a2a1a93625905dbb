package dev.videogen4j.fal;

import static dev.videogen4j.fal.FalFixtures.REQUEST_ID;
import static dev.videogen4j.fal.FalFixtures.STD_I2V;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.fal.internal.FalResponse;
import dev.videogen4j.fal.internal.FalResponses;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.testkit.HostileVendor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import mockwebserver3.MockWebServer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import okhttp3.Headers;

/**
 * Property (issue 12): whatever fal (or a proxy in its name) answers to a submit, a status, a result, a cancel or in
 * a webhook, the only outcomes are a value or a typed {@link VideoGenException}: never another exception type,
 * never a hang. Readers are driven directly with many answers, the whole HTTP path with fewer.
 */
class FalRepliesPropertyTest {
    private static final JobId JOB = JobId.of("fal", STD_I2V, REQUEST_ID);
    private static final List<String> KEYS = List.of("request_id", "status", "queue_position", "logs", "metrics",
            "error", "error_type", "video", "url", "file_size", "content_type", "seed", "detail", "loc", "msg", "type",
            "payload", "payload_error", "gateway_request_id", "ctx", "input", "message");
    private static final List<String> WORDS = List.of(REQUEST_ID, "IN_QUEUE", "IN_PROGRESS", "COMPLETED", "OK", "ERROR",
            "ALREADY_COMPLETED", "NOT_FOUND", "CANCELLATION_REQUESTED", "client_cancelled", "content_policy_violation",
            "value_error.missing", "https://v3.fal.media/files/a.mp4", "file:///etc/passwd", "body", "prompt");
    private static final ImageToVideoRequest REQUEST = ImageToVideoRequest.builder().model("kling-2.5-turbo-standard")
            .prompt("p").image(ImageInput.url("https://example.com/a.png")).build();

    private static MockWebServer server;
    private static FalProvider fal;

    @BeforeContainer
    static void start() throws Exception {
        server = new MockWebServer();
        server.start();
        fal = FalFixtures.provider(server);
    }

    @AfterContainer
    static void stop() {
        fal.close();
        server.close();
    }

    @Provide
    Arbitrary<HostileVendor.Answer> answers() {
        return HostileVendor.answers(KEYS, WORDS);
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
    void everyAnswerReadByEveryReaderIsAValueOrATypedError(@ForAll("answers") HostileVendor.Answer a) {
        Headers headers = Headers.of("x-fal-request-id", REQUEST_ID, "X-Fal-Retryable", "maybe");
        FalResponse r = new FalResponse(a.status(), headers, a.body(), null);
        outcomeOf(() -> FalResponses.answer(Operation.SUBMIT, r, FalResponses::submit));
        outcomeOf(() -> FalResponses.answer(Operation.POLL, r, FalResponses::status));
        outcomeOf(() -> FalResponses.answer(Operation.RESULT, r, FalResponses::output));
        outcomeOf(() -> FalResponses.cancelAnswer(r));
        outcomeOf(() -> FalWebhooks.parse(a.body().getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 50, edgeCases = EdgeCasesMode.NONE)
    void everyAnswerOverHttpIsAValueOrATypedError(@ForAll("answers") HostileVendor.Answer answer) {
        outcome(answer, () -> fal.submit(REQUEST, FalFixtures.context(STD_I2V)));
        outcome(answer, () -> fal.poll(JOB));
        outcome(answer, () -> fal.result(JOB));
        outcome(answer, () -> fal.cancel(JOB));
    }

    private static void outcome(HostileVendor.Answer answer, Supplier<?> call) {
        server.enqueue(answer.response());
        outcomeOf(call);
    }

    private static void outcomeOf(Supplier<?> call) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                call.get();
            } catch (VideoGenException typed) {
                // a typed error is an allowed outcome
            }
        });
    }
}
