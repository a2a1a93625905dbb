package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Queue headers and query parameters (fal-api.md §6) and the proxy convention. */
class FalQueueParametersTest extends EmulatorTestBase {

    @Override
    ProviderEmulatorBuilder configure(ProviderEmulatorBuilder builder) {
        return builder.timing(FAL_I2V, Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    @Test
    void requestTimeoutExpiresWhileQueuedWith504UserTimeout() throws Exception {
        TestHttp.Result submit = falSubmit(FAL_I2V, falInput(), "X-Fal-Request-Timeout", "30");
        advance(29);
        assertEquals("IN_QUEUE", falGet((String) submit.at("status_url")).at("status"));
        advance(1);
        TestHttp.Result status = falGet((String) submit.at("status_url"));
        assertEquals("COMPLETED", status.at("status"));
        assertEquals("request_timeout", status.at("error_type"));
        TestHttp.Result result = falGet((String) submit.at("response_url"));
        assertEquals(504, result.code());
        assertEquals("user", result.headers().get("X-Fal-Request-Timeout-Type"));
        assertEquals(Map.of("detail", "Request timed out", "error_type", "request_timeout"), result.json());
        assertEquals(0, emu.stats().billableJobs("fal"));
    }

    @Test
    void requestTimeoutIsNotEnforcedOnceRunning() throws Exception {
        TestHttp.Result submit = falSubmit("fal-ai/kling-video/v2.1/pro/image-to-video", falInput(),
                "X-Fal-Request-Timeout", "1");
        advance(5); // default timing: no queue, 2 s run
        assertEquals(200, falGet((String) submit.at("response_url")).code());
    }

    @Test
    void maxQueueLengthRejectsWith429WhenExceeded() throws Exception {
        String url = FAL_I2V + "?fal_max_queue_length=2";
        assertEquals(200, falSubmit(url, falInput("prompt", "one")).code());
        assertEquals(200, falSubmit(url, falInput("prompt", "two")).code());
        TestHttp.Result third = falSubmit(url, falInput("prompt", "three"));
        assertEquals(429, third.code());
        assertEquals(2, emu.stats().jobsSubmitted("fal"));
        advance(60); // the queue drains
        assertEquals(200, falSubmit(url, falInput("prompt", "four")).code());
    }

    @Test
    void priorityHeaderIsAccepted() throws Exception {
        assertEquals(200, falSubmit(FAL_I2V, falInput(), "X-Fal-Queue-Priority", "low").code());
    }

    @Test
    void proxyTargetHeaderRoutesToThePathItNames() throws Exception {
        TestHttp.Result submit = http.post(emu.baseUrl() + "/api/fal/proxy", falInput(),
                "x-fal-target-url", "https://queue.fal.run/" + FAL_I2V + "?fal_max_queue_length=5");
        assertEquals(200, submit.code(), submit.body());
        String path = ((String) submit.at("status_url")).substring(emu.baseUrl().length());
        TestHttp.Result status = http.get(emu.baseUrl() + "/api/fal/proxy",
                "x-fal-target-url", "https://queue.fal.run" + path + "?logs=1",
                "Authorization", "Key " + ProviderEmulator.DEFAULT_FAL_KEY);
        assertEquals(202, status.code());
        assertEquals("IN_QUEUE", status.at("status"));
        TestHttp.Result wrongKey = http.get(emu.baseUrl() + "/api/fal/proxy",
                "x-fal-target-url", "https://queue.fal.run" + path, "Authorization", "Key wrong");
        assertEquals(401, wrongKey.code());
    }
}
