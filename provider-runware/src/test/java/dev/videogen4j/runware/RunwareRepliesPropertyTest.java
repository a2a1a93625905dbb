package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.runware.internal.RunwareHttp;
import dev.videogen4j.runware.internal.RunwareJobMemory;
import dev.videogen4j.runware.internal.RunwareReplies;
import dev.videogen4j.runware.internal.RunwareRequestMapper;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.testkit.HostileVendor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import mockwebserver3.MockWebServer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property (issue 12): whatever Runware (or anything answering in its name) sends to a submit, a poll, a batch poll,
 * a result or a webhook, the only outcomes are a value or a typed {@link VideoGenException}: never another
 * exception type, never a hang. The reply readers are driven directly with many answers, and the whole HTTP path
 * with fewer (a local exchange costs ~40 ms).
 */
class RunwareRepliesPropertyTest {
    private static final String TASK = Fixtures.TASK;
    private static final String OTHER = "ce353fca-37ac-45c8-b518-2e4749aa48da";
    private static final JobId JOB = JobId.of("runware", "klingai:6@0", TASK);
    private static final List<String> KEYS = List.of("data", "errors", "error", "taskUUID", "taskType", "status",
            "videoURL", "videoUUID", "cost", "seed", "progress", "code", "message", "parameter", "errorMessage",
            "errorId", "allowedValues", "NSFWContent");
    private static final List<String> WORDS = List.of(TASK, OTHER, "success", "error", "processing", "pending",
            "videoInference", "getResponse", "https://vm.runware.ai/video/a.mp4", "javascript:alert(1)", "/relative.mp4",
            "promptBlocked", "timeoutProvider", "invalidApiKey", "conflictTaskUUID", "insufficientCredits");
    private static final ImageToVideoRequest REQUEST = ImageToVideoRequest.builder().model("klingai:6@0").prompt("p")
            .image(ImageInput.url("https://example.com/a.png")).build();

    private static MockWebServer server;
    private static RunwareProvider provider;

    @BeforeContainer
    static void start() throws Exception {
        server = new MockWebServer();
        server.start();
        provider = Fixtures.provider(server);
    }

    @AfterContainer
    static void stop() {
        provider.close();
        server.close();
    }

    @Provide
    Arbitrary<HostileVendor.Answer> answers() {
        return HostileVendor.answers(KEYS, WORDS);
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
    void everyAnswerReadByEveryReaderIsAValueOrATypedError(@ForAll("answers") HostileVendor.Answer a) {
        RunwareReplies replies = new RunwareReplies("runware", new RunwareJobMemory(16));
        Map<String, Object> task = RunwareRequestMapper.videoInference(REQUEST,
                new SubmitContext(Fixtures.model(provider, "klingai:6@0"), TASK));
        outcomeOf(() -> replies.receipt(task, reply(a, Operation.SUBMIT)));
        outcomeOf(() -> replies.receipts(List.of(task), reply(a, Operation.SUBMIT)));
        outcomeOf(() -> replies.updates(Operation.POLL, List.of(TASK), reply(a, Operation.POLL)));
        outcomeOf(() -> replies.updates(Operation.POLL, List.of(TASK, OTHER), reply(a, Operation.POLL)));
        outcomeOf(() -> RunwareWebhooks.parse(a.body()));
    }

    @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
    void everyAnswerOverHttpIsAValueOrATypedError(@ForAll("answers") HostileVendor.Answer answer) {
        outcome(answer, () -> provider.submit(REQUEST, Fixtures.context(provider, "klingai:6@0", TASK)));
        outcome(answer, () -> provider.poll(JOB));
        outcome(answer, () -> provider.pollAll(List.of(JOB, JobId.of("runware", "klingai:6@0", OTHER))));
        outcome(answer, () -> provider.result(JOB));
    }

    private static dev.videogen4j.runware.internal.RunwareReply reply(HostileVendor.Answer a, Operation op) {
        return RunwareHttp.reply("runware", op, a.status(), a.body(), null, TASK);
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
