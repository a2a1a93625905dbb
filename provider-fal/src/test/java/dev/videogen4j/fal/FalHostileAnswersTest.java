package dev.videogen4j.fal;

import static dev.videogen4j.fal.FalFixtures.REQUEST_ID;
import static dev.videogen4j.fal.FalFixtures.STD_I2V;
import static dev.videogen4j.fal.FalFixtures.context;
import static dev.videogen4j.fal.FalFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.UnparseableResponseException;
import dev.videogen4j.testkit.HostileVendor;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Issue 12 defects 3, 5, 11: a fal (or a proxy in front of it) that answers with absurd values. */
class FalHostileAnswersTest extends FalServerTest {
    private static final JobId JOB = JobId.of("fal", STD_I2V, REQUEST_ID);
    private static final ImageToVideoRequest REQUEST = ImageToVideoRequest.builder().model("kling-2.5-turbo-standard")
            .prompt("p").image(ImageInput.url("https://example.com/a.png")).build();

    @Test
    void absurdQueuePositionsSizesAndSeedsAreUnknownNotFatal() {
        server.enqueue(json(200, "{\"status\":\"IN_QUEUE\",\"queue_position\":1e999999999}"));
        assertEquals(JobState.QUEUED, fal.poll(JOB).status().state());
        server.enqueue(json(200, "{\"status\":\"IN_QUEUE\",\"queue_position\":-3}"));
        assertTrue(fal.poll(JOB).status().queuePosition().isEmpty());
        server.enqueue(json(200, "{\"video\":{\"url\":\"https://v3.fal.media/a.mp4\",\"file_size\":1e99999999},\"seed\":-1e40}"));
        var video = fal.result(JOB).videos().get(0);
        assertNull(video.sizeBytes());
        assertNull(video.seed());
        server.enqueue(json(200, "{\"request_id\":\"" + REQUEST_ID + "\",\"queue_position\":99999999999999999999}"));
        assertEquals(REQUEST_ID, fal.submit(REQUEST, context(STD_I2V)).jobId().nativeJobId());
    }

    @Test
    void aVideoUrlThatIsNotAbsoluteHttpIsRefused() {
        for (String url : new String[] {"javascript:alert(1)", "file:///etc/passwd", "/relative.mp4"}) {
            server.enqueue(json(200, "{\"video\":{\"url\":\"" + url + "\"}}"));
            assertThrows(UnparseableResponseException.class, () -> fal.result(JOB), url);
        }
    }

    @Test
    void anHtml403IsAnAuthenticationFailureNotARetryableGarble() {
        server.enqueue(new MockResponse.Builder().code(403).setHeader("Content-Type", "text/html")
                .body("<html><body>Forbidden</body></html>").build());
        assertThrows(AuthenticationException.class, () -> fal.poll(JOB));
    }

    @Test
    void htmlWith200IsUnparseable() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").body("<html>ok</html>").build());
        assertThrows(UnparseableResponseException.class, () -> fal.poll(JOB));
    }

    @Test
    void cancellingAHandleThatNamesNoFalEndpointIsATypedError() {
        JobId odd = JobId.parse(JobId.of("fal", "not an endpoint", REQUEST_ID).toString());
        assertThrows(InvalidRequestException.class, () -> fal.cancel(odd));
        assertThrows(InvalidRequestException.class, () -> fal.poll(odd));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aRedirectToAnotherHostIsNeitherFollowedNorAcceptedAsTheJob() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            for (int code : new int[] {301, 302, 307, 308}) {
                server.enqueue(HostileVendor.redirect(code, elsewhere.url("/steal")));
                assertThrows(dev.videogen4j.error.VideoGenException.class, () -> fal.submit(REQUEST, context(STD_I2V)));
                server.enqueue(HostileVendor.redirect(code, elsewhere.url("/status")));
                assertThrows(dev.videogen4j.error.VideoGenException.class, () -> fal.poll(JOB));
            }
            assertEquals(0, elsewhere.getRequestCount(), "the prompt and images went to another host");
        }
    }

    @Test
    void a503WithRetryAfterZeroIsOneSubmitNotTwo() {
        for (String value : HostileVendor.RETRY_AFTER) {
            server.enqueue(HostileVendor.retryAfter(503, value));
            server.enqueue(json(200, FalFixtures.SUBMIT_OK));
            int before = server.getRequestCount();
            var e = assertThrows(dev.videogen4j.error.ProviderUnavailableException.class, () -> fal.submit(REQUEST, context(STD_I2V)), value);
            assertEquals(before + 1, server.getRequestCount(), "OkHttp resent the submit for Retry-After " + value);
            e.retryAfter().ifPresent(d -> assertTrue(!d.isNegative() && d.compareTo(dev.videogen4j.spi.RetryAfter.MAX) <= 0, value));
            // the 200 queued for a resend was not taken: consume it (as a poll it is no status answer)
            assertThrows(UnparseableResponseException.class, () -> fal.poll(JOB));
        }
    }

    @Test
    void anAnswerDrippingPastTheCallDeadlineIsATypedErrorInBoundedTime() throws Exception {
        FalProvider strict = FalFixtures.provider(server, java.util.Map.of("call.timeout", "PT0.5S"));
        try {
            server.enqueue(HostileVendor.drip("{\"status\":\"IN_QUEUE\"}" + " ".repeat(200), Duration.ofMillis(50)));
            long start = System.nanoTime();
            assertThrows(dev.videogen4j.error.ProviderUnavailableException.class, () -> strict.poll(JOB));
            assertTrue(System.nanoTime() - start < java.util.concurrent.TimeUnit.SECONDS.toNanos(3));
        } finally {
            strict.close();
        }
    }

    @Test
    void anHttpDateRetryAfterIsHonoured() {
        // FalFixtures' clock is fixed at 1_760_000_000 s = Thu, 09 Oct 2025 08:53:20 GMT
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "Thu, 09 Oct 2025 08:54:00 GMT")
                .body("{\"detail\":\"slow down\"}").build());
        var e = assertThrows(dev.videogen4j.error.RateLimitedException.class, () -> fal.poll(JOB));
        assertEquals(Duration.ofSeconds(40), e.retryAfter().orElseThrow());
    }
}
