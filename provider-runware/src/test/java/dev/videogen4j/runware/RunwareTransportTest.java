package dev.videogen4j.runware;

import static dev.videogen4j.runware.Fixtures.TASK;
import static dev.videogen4j.runware.Fixtures.ack;
import static dev.videogen4j.runware.Fixtures.context;
import static dev.videogen4j.runware.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.spi.VideoProvider;
import java.net.ServerSocket;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures without an HTTP answer: exactly one attempt per call, and an honest submit outcome. */
class RunwareTransportTest {
    private static final String SECOND = "0b0e6f1c-1111-4d3a-9b2f-8c7e6d5a4b3c";

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

    /**
     * A pooled connection that dies under a submit must not be retried by OkHttp on a fresh one: that would be a
     * second billable submit nobody decided on. With retryOnConnectionFailure(true) this call would succeed on the
     * queued acknowledgement.
     */
    @Test
    void aDroppedConnectionIsNotSilentlyRetried() {
        server.enqueue(ok(ack(TASK)));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok(ack(SECOND)));
        provider.submit(request(), context(provider, "klingai:6@0", TASK));

        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> provider.submit(request(), context(provider, "klingai:6@0", SECOND)));

        assertEquals(SubmitOutcome.UNKNOWN, e.submitOutcome(), "the request may have reached Runware");
        assertTrue(e.retryable());
        assertEquals(0, e.httpStatus());
        assertEquals(SECOND, provider.submit(request(), context(provider, "klingai:6@0", SECOND)).jobId().nativeJobId(),
                "the acknowledgement was still queued: no hidden second attempt consumed it");
    }

    @Test
    void aConnectionDroppedBeforeTheAnswerOnAPollIsUnavailable() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                () -> provider.poll(JobId.of("runware", "klingai:6@0", TASK)));
        assertEquals(SubmitOutcome.NOT_A_SUBMIT, e.submitOutcome());
    }

    @Test
    void aRefusedConnectionProvesTheSubmitNeverLeft() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (VideoProvider p = new RunwareProviderFactory().create(Fixtures.config("http://127.0.0.1:" + closedPort + "/v1"))) {
            RunwareProvider rp = (RunwareProvider) p;
            ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                    () -> rp.submit(request(), context(rp, "klingai:6@0", TASK)));
            assertEquals(SubmitOutcome.REJECTED, e.submitOutcome());
        }
    }

    private static ImageToVideoRequest request() {
        return ImageToVideoRequest.builder().model("klingai:6@0").prompt("Slow glide")
                .image(ImageInput.url("https://example.com/first.jpg")).build();
    }
}
