package dev.videogen4j.fal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FalEndpointIdTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // id,                                                   submit path,                                     app path
            "fal-ai/kling-video/v2.5-turbo/standard/image-to-video, fal-ai/kling-video/v2.5-turbo/standard/image-to-video, fal-ai/kling-video",
            "fal-ai/fast-sdxl,                                      fal-ai/fast-sdxl,                                      fal-ai/fast-sdxl",
            "fal-ai/flux/dev,                                       fal-ai/flux/dev,                                       fal-ai/flux",
            "workflows/acme/my-flow,                                workflows/acme/my-flow,                                workflows/acme/my-flow",
            "workflows/acme/my-flow/v2/run,                         workflows/acme/my-flow/v2/run,                         workflows/acme/my-flow",
            "comfy/acme/pipeline/sub,                               comfy/acme/pipeline/sub,                               comfy/acme/pipeline",
            "1234-my-app,                                           1234/my-app,                                           1234/my-app",
            "42-app,                                                42/app,                                                42/app",
    })
    void splitsLikeFalsClients(String id, String submitPath, String appPath) {
        FalEndpointId e = FalEndpointId.parse(id);
        assertEquals(submitPath, e.submitPath());
        assertEquals(appPath, e.appPath());
    }

    @Test
    void keepsTheParts() {
        FalEndpointId e = FalEndpointId.parse("workflows/acme/my-flow/v2");
        assertEquals("workflows", e.namespace());
        assertEquals("acme", e.owner());
        assertEquals("my-flow", e.app());
        assertEquals("v2", e.path());
        FalEndpointId plain = FalEndpointId.parse("fal-ai/kling-video");
        assertNull(plain.namespace());
        assertNull(plain.path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "kling", "my-app-1234", "abc-def", "workflows/acme", "comfy", "fal-ai//x", "/fal-ai/x", "fal-ai/x/"})
    void rejectsWhatIsNotAnEndpointId(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FalEndpointId.parse(id));
        assertEquals(true, e.getMessage().contains("owner/app"), e.getMessage());
    }

    @Test
    void urlsUseTheFullIdToSubmitAndOnlyOwnerAppForTheRest() {
        FalUrls urls = new FalUrls(HttpUrl.get("https://queue.fal.run"));
        FalEndpointId e = FalEndpointId.parse("fal-ai/kling-video/v2.5-turbo/standard/image-to-video");
        assertEquals("https://queue.fal.run/fal-ai/kling-video/v2.5-turbo/standard/image-to-video",
                urls.submit(e, null, null).toString());
        assertEquals("https://queue.fal.run/fal-ai/kling-video/requests/abc/status?logs=0", urls.status(e, "abc", null).toString());
        assertEquals("https://queue.fal.run/fal-ai/kling-video/requests/abc", urls.result(e, "abc", null).toString());
        assertEquals("https://queue.fal.run/fal-ai/kling-video/requests/abc/cancel", urls.cancel(e, "abc", null).toString());
        FalEndpointId legacy = FalEndpointId.parse("1234-my-app");
        assertEquals("https://queue.fal.run/1234/my-app", urls.submit(legacy, null, null).toString());
        assertEquals("https://queue.fal.run/1234/my-app/requests/abc", urls.result(legacy, "abc", null).toString());
    }

    @Test
    void keepsABasePathAndEncodesQueryAndIds() {
        FalUrls urls = new FalUrls(HttpUrl.get("http://127.0.0.1:8089/emulator/fal/"));
        FalEndpointId e = FalEndpointId.parse("workflows/acme/flow/run");
        assertEquals("http://127.0.0.1:8089/emulator/fal/workflows/acme/flow/run"
                        + "?fal_webhook=https%3A%2F%2Fexample.com%2Fhook%3Fa%3D1%26b%3D2&fal_max_queue_length=7",
                urls.submit(e, "https://example.com/hook?a=1&b=2", 7).toString());
        // a hostile request id stays one path segment
        assertEquals("http://127.0.0.1:8089/emulator/fal/workflows/acme/flow/requests/..%2Fx/status?logs=0",
                urls.status(e, "../x", null).toString());
    }
}
