package dev.videogen4j.fal;

import dev.videogen4j.spi.Operation;
import static dev.videogen4j.fal.FalFixtures.REQUEST_ID;
import static dev.videogen4j.fal.FalFixtures.STD_I2V;
import static dev.videogen4j.fal.FalFixtures.SUBMIT_OK;
import static dev.videogen4j.fal.FalFixtures.context;
import static dev.videogen4j.fal.FalFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.SubmitOutcome;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** What happens when no HTTP answer arrives: one attempt only, and an honest submit outcome. */
class FalProviderTransportTest {
    private static final ImageToVideoRequest REQUEST = ImageToVideoRequest.builder().model("kling-2.5-turbo-standard")
            .prompt("p").image(ImageInput.url("https://example.com/a.png")).build();

    private static MockResponse dropAfterRequest() {
        return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    @Test
    void aSubmitWhoseAnswerIsLostIsUnknownAndNeverSilentlyResent() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            // A poll first, so the submit goes out on a pooled connection: exactly the case in which OkHttp's
            // retryOnConnectionFailure would quietly send the POST again.
            server.enqueue(json(202, "{\"status\": \"IN_QUEUE\", \"queue_position\": 0}"));
            server.enqueue(dropAfterRequest());
            server.enqueue(json(200, SUBMIT_OK));   // what a silent retry would get: a second billable job
            try (FalProvider fal = FalFixtures.provider(server)) {
                fal.poll(JobId.of("fal", STD_I2V, REQUEST_ID));
                ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                        () -> fal.submit(REQUEST, context(STD_I2V)));
                assertEquals(SubmitOutcome.UNKNOWN, e.submitOutcome());
                assertEquals(0, e.httpStatus());
                assertEquals(Operation.SUBMIT, e.operation());
                assertFalse(e.getMessage().contains(FalFixtures.KEY));
            }
            assertEquals(2, server.getRequestCount());   // with OkHttp's default retry this is 3
        }
    }

    @Test
    void aRefusedConnectionMeansTheSubmitNeverLanded() throws Exception {
        String deadBase;
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            deadBase = server.url("/").toString();
        }
        try (FalProvider fal = FalFixtures.provider(deadBase, Map.of())) {
            ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                    () -> fal.submit(REQUEST, context(STD_I2V)));
            assertEquals(SubmitOutcome.REJECTED, e.submitOutcome());
            assertTrue(e.retryable());
        }
    }

    @Test
    void aLostPollIsRetryableAndNotASubmit() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(dropAfterRequest());
            try (FalProvider fal = FalFixtures.provider(server)) {
                ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                        () -> fal.poll(JobId.of("fal", STD_I2V, REQUEST_ID)));
                assertEquals(SubmitOutcome.NOT_A_SUBMIT, e.submitOutcome());
                assertTrue(e.retryable());
                assertEquals(Operation.POLL, e.operation());
            }
        }
    }
}
