package dev.videogen4j.spring.app;

import dev.videogen4j.emulator.ProviderEmulator;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The application the Spring tests start: nothing but the starter's auto-configuration, Actuator and Spring MVC,
 * configured by properties only, against one emulator for both vendors. Its ObservationRegistry is Micrometer's
 * test registry, so tests can assert the observations Boot's own handlers also turn into meters. It sits in a
 * package of its own: component scanning must not find the starter's classes, only auto-configuration may.
 */
@SpringBootApplication
public class EmulatorApplication {
    /** Served by the emulator: queues an hour, so its job stays pending whatever a test does. */
    static final String SLOW_FAL_MODEL = "fal-ai/kling-video/v2.1/standard/image-to-video";
    static final ProviderEmulator EMULATOR = ProviderEmulator.builder().seed(7L)
            .timing(Duration.ZERO, Duration.ofMillis(100))
            .timing(SLOW_FAL_MODEL, Duration.ofHours(1), Duration.ofHours(1))
            .start();
    static final int PORT = freePort();

    @Bean
    TestObservationRegistry observationRegistry() {
        return TestObservationRegistry.create();
    }

    /** What an application.yml would say, pointed at the emulator. */
    static void properties(DynamicPropertyRegistry r) {
        r.add("server.port", () -> PORT);
        r.add("videogen4j.routing", () -> "fallback:fal,runware");
        r.add("videogen4j.fal.api-key", EMULATOR::falApiKey);
        r.add("videogen4j.fal.base-url", EMULATOR::falQueueBaseUrl);
        r.add("videogen4j.runware.api-key", EMULATOR::runwareApiKey);
        r.add("videogen4j.runware.base-url", EMULATOR::runwareBaseUrl);
        r.add("videogen4j.poll.initial-delay", () -> "20ms");
        r.add("videogen4j.poll.max-delay", () -> "50ms");
        r.add("videogen4j.runware.retry.max-attempts", () -> "1");
        r.add("videogen4j.runware.circuit.window", () -> "2");
        r.add("videogen4j.runware.circuit.min-calls", () -> "2");
        r.add("videogen4j.runware.circuit.open-duration", () -> "1h");
        r.add("videogen4j.webhooks.enabled", () -> "true");
        r.add("videogen4j.webhooks.public-base-url", () -> "http://127.0.0.1:" + PORT);
        r.add("videogen4j.webhooks.fal-jwks-url", EMULATOR::jwksUrl);
        r.add("management.endpoints.web.exposure.include", () -> "health,metrics");
        r.add("management.endpoint.health.show-details", () -> "always");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
