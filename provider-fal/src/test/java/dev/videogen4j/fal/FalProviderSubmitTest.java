package dev.videogen4j.fal;

import static dev.videogen4j.fal.FalFixtures.REQUEST_ID;
import static dev.videogen4j.fal.FalFixtures.SEED_IMAGE;
import static dev.videogen4j.fal.FalFixtures.SEED_PROMPT;
import static dev.videogen4j.fal.FalFixtures.STD_I2V;
import static dev.videogen4j.fal.FalFixtures.SUBMIT_OK;
import static dev.videogen4j.fal.FalFixtures.assertJson;
import static dev.videogen4j.fal.FalFixtures.body;
import static dev.videogen4j.fal.FalFixtures.context;
import static dev.videogen4j.fal.FalFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.Workflow;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.spi.FramePosition;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FalProviderSubmitTest extends FalServerTest {
    @Test
    void postsSeed003InputToTheFullEndpointIdWithFalsHeaders() throws Exception {
        server.enqueue(json(200, SUBMIT_OK));
        ImageToVideoRequest r = ImageToVideoRequest.builder().model("kling-2.5-turbo-standard").prompt(SEED_PROMPT)
                .image(ImageInput.url(SEED_IMAGE)).durationSeconds(5).negativePrompt("blur, distort, and low quality")
                .cfgScale(0.5).build();

        SubmitReceipt receipt = fal.submit(r, context(STD_I2V));

        assertEquals(JobId.of("fal", STD_I2V, REQUEST_ID), receipt.jobId());
        assertEquals(0, receipt.queuePosition());
        RecordedRequest req = server.takeRequest();
        assertEquals("POST", req.getMethod());
        assertEquals("/fal-ai/kling-video/v2.5-turbo/standard/image-to-video", req.getTarget());
        assertEquals("Key " + FalFixtures.KEY, req.getHeaders().get("Authorization"));
        assertEquals("application/json", req.getHeaders().get("Accept"));
        assertEquals("application/json; charset=utf-8", req.getHeaders().get("Content-Type"));
        assertNull(req.getHeaders().get("X-Fal-Request-Timeout"));
        assertEquals("{\"prompt\":\"" + SEED_PROMPT + "\",\"image_url\":\"" + SEED_IMAGE + "\",\"duration\":\"5\","
                + "\"negative_prompt\":\"blur, distort, and low quality\",\"cfg_scale\":0.5}", body(req));
    }

    /** The engine counts a job's run time from the middle of its submit's exchange: the receipt says when that was. */
    @Test
    void theReceiptSaysWhenTheSubmitWasOnTheWireByTheClientsClock() {
        server.enqueue(json(200, SUBMIT_OK));
        ImageToVideoRequest r = ImageToVideoRequest.builder().model("kling-2.5-turbo-standard").prompt(SEED_PROMPT)
                .image(ImageInput.url(SEED_IMAGE)).build();

        SubmitReceipt receipt = fal.submit(r, context(STD_I2V));

        assertEquals(FalFixtures.CLOCK.instant(), receipt.sentAt());
        assertEquals(FalFixtures.CLOCK.instant(), receipt.answeredAt());
    }

    static Stream<ModelCapabilities> everyEndpoint() {
        return FalFixtures.KLING.stream();   // the newer families: FalWireGoldenTest and FalNewModelsTest
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void everyCatalogEndpointGetsTheFieldsOfItsSchema(ModelCapabilities model) throws Exception {
        server.enqueue(json(200, "{\"request_id\": \"r-1\"}"));
        boolean t2v = model.supports(Workflow.TEXT_TO_VIDEO);
        boolean tail = model.frameImages().contains(FramePosition.LAST);
        boolean aspect = !model.aspectRatios().isEmpty();
        SubmitContext ctx = new SubmitContext(model, "0b7e5d0c-3a55-4c7e-9a51-6f0f3f3f0e11");
        SubmitReceipt receipt;
        if (t2v) {
            receipt = fal.submit(TextToVideoRequest.builder().model(model.family()).prompt("p").durationSeconds(10)
                    .aspectRatio("1:1").negativePrompt("n").cfgScale(0.25).build(), ctx);
        } else {
            ImageToVideoRequest.Builder b = ImageToVideoRequest.builder().model(model.family()).prompt("p")
                    .image(ImageInput.url("https://e.com/a.png")).durationSeconds(10).negativePrompt("n").cfgScale(0.25);
            if (tail) b.lastImage(ImageInput.url("https://e.com/z.png"));
            if (aspect) b.aspectRatio("1:1");
            receipt = fal.submit(b.build(), ctx);
        }
        assertEquals(JobId.of("fal", model.id(), "r-1"), receipt.jobId());
        assertNull(receipt.queuePosition());
        RecordedRequest req = server.takeRequest();
        assertEquals("/" + model.id(), req.getTarget());
        String expected = "{\"prompt\":\"p\"" + (t2v ? "" : ",\"image_url\":\"https://e.com/a.png\"")
                + (tail ? ",\"tail_image_url\":\"https://e.com/z.png\"" : "") + ",\"duration\":\"10\""
                + (aspect ? ",\"aspect_ratio\":\"1:1\"" : "") + ",\"negative_prompt\":\"n\",\"cfg_scale\":0.25}";
        assertEquals(expected, body(req));
    }

    @Test
    void aFamilyResolvedToTheOtherWorkflowIsSentToItsSibling() throws Exception {
        server.enqueue(json(200, SUBMIT_OK));
        SubmitReceipt receipt = fal.submit(TextToVideoRequest.builder().model("kling-2.5-turbo-pro").prompt("waves").build(),
                context(FalFixtures.PRO_I2V));
        assertEquals(FalFixtures.PRO_T2V, receipt.jobId().model());
        assertEquals("/" + FalFixtures.PRO_T2V, server.takeRequest().getTarget());
    }

    @Test
    void webhookAndClientSettingsAndPerRequestHeaders() throws Exception {
        fal.close();
        fal = FalFixtures.provider(server, Map.of("start.timeout", "45", "queue.priority", "LOW", "max.queue.length", "20"));
        server.enqueue(json(200, SUBMIT_OK));
        server.enqueue(json(200, SUBMIT_OK));
        ImageToVideoRequest r = ImageToVideoRequest.builder().model("kling-2.5-turbo-standard").prompt("p")
                .image(ImageInput.url(SEED_IMAGE)).webhookUrl("https://example.com/hooks/fal?tenant=a&x=1").build();

        fal.submit(r, context(STD_I2V));
        RecordedRequest first = server.takeRequest();
        assertEquals("/fal-ai/kling-video/v2.5-turbo/standard/image-to-video?fal_webhook="
                + "https%3A%2F%2Fexample.com%2Fhooks%2Ffal%3Ftenant%3Da%26x%3D1&fal_max_queue_length=20", first.getTarget());
        assertEquals("https://example.com/hooks/fal?tenant=a&x=1", first.getUrl().queryParameter("fal_webhook"));
        assertEquals("45", first.getHeaders().get("X-Fal-Request-Timeout"));
        assertEquals("low", first.getHeaders().get("X-Fal-Queue-Priority"));
        assertJson("{\"prompt\":\"p\",\"image_url\":\"" + SEED_IMAGE + "\"}", body(first));

        fal.submit(r.toBuilder().providerOption("X-Fal-Request-Timeout", 5).providerOption("X-Fal-Store-IO", "0").build(),
                context(STD_I2V));
        RecordedRequest second = server.takeRequest();
        assertEquals("5", second.getHeaders().get("X-Fal-Request-Timeout"));
        assertEquals(1, second.getHeaders().values("X-Fal-Request-Timeout").size());
        assertEquals("0", second.getHeaders().get("X-Fal-Store-IO"));
        assertJson("{\"prompt\":\"p\",\"image_url\":\"" + SEED_IMAGE + "\"}", body(second));
    }

    @Test
    void anUnmappableRequestIsRejectedBeforeAnyHttp() {
        ImageToVideoRequest r = ImageToVideoRequest.builder().model("kling-2.5-turbo-standard").prompt("p")
                .image(ImageInput.asset("c64351d5-4c59-42f7-95e1-eace013eddab")).build();
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> fal.submit(r, context(STD_I2V)));
        assertNull(e.providerId());
        assertEquals(0, server.getRequestCount());
    }
}
