package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.VideoClient;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.testkit.EmulatorHarness;
import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The retry and circuit breaker keys of the environment ({@code VIDEOGEN4J_RETRY_*}, {@code VIDEOGEN4J_CIRCUIT_*},
 * and per provider {@code VIDEOGEN4J_RUNWARE_...}) take effect, and explicit builder settings beat them.
 */
class RunwareResilienceSettingsTest {
    private static final String SUBMIT = "runware.videoInference";

    private final EmulatorHarness h = EmulatorHarness.runware(Duration.ZERO, Duration.ofSeconds(10));

    @AfterEach
    void close() {
        h.close();
    }

    private VideoClient client(Map<String, String> environment) {
        return h.build(h.client().environment(environment));
    }

    private void failSubmits(Fault fault, int times) {
        h.emulator().faults(FaultPlan.builder().retryAfter(Duration.ofSeconds(7)).next(fault, times, SUBMIT).build());
    }

    @Test
    void retryKeysSetTheAttemptsAndEveryWait() {
        VideoClient c = client(Map.of("VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "3", "VIDEOGEN4J_RETRY_INITIAL_BACKOFF", "4s",
                "VIDEOGEN4J_RETRY_MULTIPLIER", "3", "VIDEOGEN4J_RETRY_MAX_BACKOFF", "10s", "VIDEOGEN4J_RETRY_JITTER", "0"));
        failSubmits(Fault.HTTP_503, 10);

        assertThrows(ProviderUnavailableException.class, () -> h.complete(c.submitAsync(EmulatorHarness.request(0))));

        assertEquals(3, h.emulator().stats().requests(SUBMIT));
        assertEquals(List.of("submit PT4S", "submit PT10S"), h.retries(), "4 s, then 12 s capped at 10 s");
    }

    @Test
    void aProvidersOwnKeyBeatsTheGlobalOne() {
        VideoClient c = client(Map.of("VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "2", "VIDEOGEN4J_RUNWARE_RETRY_MAX_ATTEMPTS", "5"));
        failSubmits(Fault.HTTP_503, 10);

        assertThrows(ProviderUnavailableException.class, () -> h.complete(c.submitAsync(EmulatorHarness.request(0))));

        assertEquals(5, h.emulator().stats().requests(SUBMIT));
    }

    @Test
    void maxRetryAfterCapsWhatTheProviderAsksFor() {
        VideoClient c = client(Map.of("VIDEOGEN4J_RETRY_MAX_RETRY_AFTER", "2s"));
        failSubmits(Fault.HTTP_429, 1);   // Retry-After: 7

        h.complete(c.submitAsync(EmulatorHarness.request(0)));

        assertEquals(List.of("submit PT2S"), h.retries());
    }

    @Test
    void circuitKeysSetWhenTheBreakerOpensForHowLongAndHowItRecovers() {
        VideoClient c = client(Map.of("VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "1", "VIDEOGEN4J_CIRCUIT_FAILURE_RATE", "100",
                "VIDEOGEN4J_CIRCUIT_WINDOW", "3", "VIDEOGEN4J_CIRCUIT_MIN_CALLS", "3",
                "VIDEOGEN4J_CIRCUIT_OPEN_DURATION", "5s", "VIDEOGEN4J_CIRCUIT_HALF_OPEN_CALLS", "1"));
        failSubmits(Fault.HTTP_503, 3);
        for (int i = 0; i < 3; i++) {
            int n = i;
            assertThrows(ProviderUnavailableException.class, () -> h.complete(c.submitAsync(EmulatorHarness.request(n))));
        }
        assertEquals(List.of("CLOSED->OPEN"), h.circuit(), "three failures in a window of three is 100 %");

        ProviderUnavailableException refused = assertThrows(ProviderUnavailableException.class,
                () -> h.complete(c.submitAsync(EmulatorHarness.request(3))));
        assertTrue(refused.circuitOpen());
        assertEquals("circuit breaker for runware is open after repeated failures; submit not sent (it retries after 5 s)",
                refused.getMessage());
        h.scheduler().advanceBy(Duration.ofSeconds(6));
        h.complete(c.submitAsync(EmulatorHarness.request(4)));   // the one trial call
        assertEquals(List.of("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED"), h.circuit());
        assertEquals(4, h.emulator().stats().requests(SUBMIT));
    }

    @Test
    void explicitBuilderSettingsBeatTheEnvironment() {
        VideoClient c = h.build(h.client().environment(Map.of("VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "2",
                        "VIDEOGEN4J_RUNWARE_RETRY_MAX_ATTEMPTS", "3", "VIDEOGEN4J_RETRY_JITTER", "0"))
                .retry(5, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        failSubmits(Fault.HTTP_503, 10);

        assertThrows(ProviderUnavailableException.class, () -> h.complete(c.submitAsync(EmulatorHarness.request(0))));

        assertEquals(5, h.emulator().stats().requests(SUBMIT));
        assertEquals(List.of("submit PT1S", "submit PT1S", "submit PT1S", "submit PT1S"), h.retries(),
                "the builder's backoff, the environment's jitter");
    }
}
