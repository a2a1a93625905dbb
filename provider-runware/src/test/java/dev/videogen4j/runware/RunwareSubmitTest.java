package dev.videogen4j.runware;

import static dev.videogen4j.runware.Fixtures.ack;
import static dev.videogen4j.runware.Fixtures.context;
import static dev.videogen4j.runware.Fixtures.object;
import static dev.videogen4j.runware.Fixtures.ok;
import static dev.videogen4j.runware.Fixtures.onlyTask;
import static dev.videogen4j.runware.Fixtures.seed;
import static dev.videogen4j.runware.Fixtures.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact JSON sent for submits: every worked example of the seeds reproduces from a neutral request. */
class RunwareSubmitTest {
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

    static Stream<String> seedExamples() {
        return Stream.of("seed000-example0", "seed000-example1", "seed000-example2", "seed000-example3",
                "seed001-example0", "seed001-example1", "seed001-example2", "seed001-example3",
                "seed004-example0", "seed004-example1", "seed004-example2", "seed004-example3", "seed004-example4");
    }

    /**
     * Each seed request, rebuilt from the neutral request it expresses, is sent as written, plus the two fields
     * this adapter always adds. The one example without {@code frame} (Runware: one image = first frame) gets
     * {@code "frame":"first"}, which this adapter always writes.
     */
    @ParameterizedTest
    @MethodSource("seedExamples")
    void seedWorkedExampleIsSentAsDocumented(String example) {
        Map<String, Object> documented = object(seed(example + ".request.json"));
        String taskUUID = (String) documented.get("taskUUID");
        server.enqueue(ok(ack(taskUUID)));

        SubmitReceipt receipt = submit(neutral(documented), context(provider, (String) documented.get("model"), taskUUID));

        Map<String, Object> expected = new LinkedHashMap<>(documented);
        expected.put("deliveryMethod", "async");
        expected.put("includeCost", true);
        if (expected.get("inputs") instanceof Map) {
            List<Map<String, Object>> frames = frames(expected);
            frames.forEach(f -> f.putIfAbsent("frame", "first"));
        }
        assertEquals(expected, onlyTask(take(server)));
        assertEquals(JobId.of("runware", (String) documented.get("model"), taskUUID), receipt.jobId());
        assertNull(receipt.queuePosition());
    }

    @Test
    void windCarvedDesertGlassPavilionFromTheFamilyId() {
        Map<String, Object> documented = object(seed("seed000-example0.request.json"));
        String taskUUID = "b4d75568-c0b3-489f-aadc-bc9c5f4b52fb";
        server.enqueue(ok(ack(taskUUID)));
        ImageToVideoRequest request = ImageToVideoRequest.builder()
                .model("kling-2.5-turbo-standard")
                .prompt((String) documented.get("positivePrompt"))
                .negativePrompt((String) documented.get("negativePrompt"))
                .durationSeconds(5)
                .cfgScale(0.6)
                .image(ImageInput.url("https://assets.runware.ai/assets/inputs/d6acdec0-ddc0-4169-890b-24edbec423e2.jpg"))
                .build();

        SubmitReceipt receipt = provider.submit(request, context(provider, "kling-2.5-turbo-standard", taskUUID));

        RecordedRequest sent = take(server);
        Map<String, Object> expected = new LinkedHashMap<>(documented);
        expected.put("deliveryMethod", "async");
        expected.put("includeCost", true);
        assertEquals(expected, onlyTask(sent));
        assertEquals("klingai:6@0", receipt.jobId().model(), "the native id, not the family");
        assertEquals("POST", sent.getMethod());
        assertEquals("/v1", sent.getUrl().encodedPath());
        assertEquals("Bearer " + Fixtures.KEY, sent.getHeaders().get("Authorization"));
        assertEquals("application/json; charset=UTF-8", sent.getHeaders().get("Content-Type"));
    }

    @Test
    void glacialBasilicaSendsFirstAndLastFrames() {
        Map<String, Object> documented = object(seed("seed001-example1.request.json"));
        String taskUUID = "ed9a939c-1d77-4767-a24e-66a5be049ed0";
        server.enqueue(ok(ack(taskUUID)));
        ImageToVideoRequest request = ImageToVideoRequest.builder()
                .model("kling-2.5-turbo-pro")
                .prompt((String) documented.get("positivePrompt"))
                .negativePrompt((String) documented.get("negativePrompt"))
                .size(1280, 720).durationSeconds(10).cfgScale(0.7)
                .image(ImageInput.url("https://assets.runware.ai/assets/inputs/7a723eb1-3e53-4876-b27a-770592d51b81.jpg"))
                .lastImage(ImageInput.url("https://assets.runware.ai/assets/inputs/1cb85824-9e46-4851-8f69-394c0c7a2e49.jpg"))
                .build();

        provider.submit(request, context(provider, "kling-2.5-turbo-pro", taskUUID));

        Map<String, Object> expected = new LinkedHashMap<>(documented);
        expected.put("deliveryMethod", "async");
        expected.put("includeCost", true);
        assertEquals(expected, onlyTask(take(server)));
    }

    @Test
    void aspectRatioBecomesTheModelsDimension() {
        Map<String, Object> documented = object(seed("seed001-example0.request.json"));
        server.enqueue(ok(ack(Fixtures.TASK)));
        TextToVideoRequest request = TextToVideoRequest.builder().model("kling-2.5-turbo-pro")
                .prompt((String) documented.get("positivePrompt")).negativePrompt((String) documented.get("negativePrompt"))
                .aspectRatio("16:9").durationSeconds(5).cfgScale(0.72).build();

        provider.submit(request, context(provider, "kling-2.5-turbo-pro", Fixtures.TASK));

        Map<String, Object> sent = onlyTask(take(server));
        assertEquals(new BigDecimal("1280"), sent.get("width"));
        assertEquals(new BigDecimal("720"), sent.get("height"));
        Map<String, Object> expected = new LinkedHashMap<>(documented);
        expected.put("taskUUID", Fixtures.TASK);
        expected.put("deliveryMethod", "async");
        expected.put("includeCost", true);
        assertEquals(expected, sent);
    }

    @Test
    void unsetFieldsAreOmittedAndEveryOptionalFieldHasItsWireName() {
        server.enqueue(ok(ack(Fixtures.TASK)));
        server.enqueue(ok(ack("0b0e6f1c-1111-4d3a-9b2f-8c7e6d5a4b3c")));
        provider.submit(TextToVideoRequest.builder().model("klingai:1@1").prompt("A garden").build(),
                context(provider, "klingai:1@1", Fixtures.TASK));
        provider.submit(TextToVideoRequest.builder().model("klingai:1@1").prompt("A garden").numberResults(2)
                        .outputFormat(dev.videogen4j.OutputFormat.WEBM).outputQuality(80)
                        .webhookUrl("https://app.example.com/hooks/runware?token=abc").build(),
                context(provider, "klingai:1@1", "0b0e6f1c-1111-4d3a-9b2f-8c7e6d5a4b3c"));

        assertEquals(object("{\"taskType\":\"videoInference\",\"taskUUID\":\"" + Fixtures.TASK + "\",\"model\":\"klingai:1@1\","
                + "\"positivePrompt\":\"A garden\",\"deliveryMethod\":\"async\",\"includeCost\":true}"), onlyTask(take(server)));
        Map<String, Object> full = onlyTask(take(server));
        assertEquals(null, full.get("seed"), "Kling takes no seed on Runware (issue 13 item 3); see the seed tests");
        assertEquals(new BigDecimal("2"), full.get("numberResults"));
        assertEquals("WEBM", full.get("outputFormat"));
        assertEquals(new BigDecimal("80"), full.get("outputQuality"));
        assertEquals("https://app.example.com/hooks/runware?token=abc", full.get("webhookURL"));
    }

    /** The engine counts a job's run time from the middle of its submit's exchange: the receipt says when that was. */
    @Test
    void theReceiptSaysWhenTheSubmitWasOnTheWireByTheClientsClock() {
        Map<String, Object> documented = object(seed("seed000-example0.request.json"));
        String taskUUID = (String) documented.get("taskUUID");
        server.enqueue(ok(ack(taskUUID)));

        SubmitReceipt receipt = submit(neutral(documented), context(provider, (String) documented.get("model"), taskUUID));

        assertEquals(Fixtures.NOW, receipt.sentAt());
        assertEquals(Fixtures.NOW, receipt.answeredAt());
    }

    private SubmitReceipt submit(VideoRequest r, SubmitContext ctx) {
        return r instanceof TextToVideoRequest ? provider.submit((TextToVideoRequest) r, ctx)
                : provider.submit((ImageToVideoRequest) r, ctx);
    }

    /** The neutral request a seed request expresses. */
    static VideoRequest neutral(Map<String, Object> s) {
        if (s.get("inputs") instanceof Map) {
            List<Map<String, Object>> frames = frames(s);
            ImageToVideoRequest.Builder b = common(ImageToVideoRequest.builder(), s)
                    .image(ImageInput.url((String) frames.get(0).get("image")));
            if (frames.size() > 1) {
                b.lastImage(ImageInput.url((String) frames.get(1).get("image")));
            }
            return b.build();
        }
        return common(TextToVideoRequest.builder(), s).build();
    }

    private static <B extends VideoRequest.Builder<B>> B common(B b, Map<String, Object> s) {
        b.model((String) s.get("model")).prompt((String) s.get("positivePrompt"))
                .negativePrompt((String) s.get("negativePrompt"))
                .durationSeconds(((BigDecimal) s.get("duration")).intValueExact())
                .cfgScale(((BigDecimal) s.get("CFGScale")).doubleValue());
        if (s.containsKey("width")) {
            b.size(((BigDecimal) s.get("width")).intValueExact(), ((BigDecimal) s.get("height")).intValueExact());
        }
        return b;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> frames(Map<String, Object> task) {
        return (List<Map<String, Object>>) ((Map<String, Object>) task.get("inputs")).get("frameImages");
    }
}
