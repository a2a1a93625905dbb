package dev.videogen4j.hardening;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoClientBuilder;
import dev.videogen4j.error.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 defect 12: builder setters apply the environment's rules and fail with ConfigurationException at the
 * setter, not with Resilience4j's IllegalArgumentException later (or never, for a negative poll interval).
 */
class BuilderSettersTest {
    private static VideoClientBuilder builder() {
        return VideoClient.builder();
    }

    @Test
    void retryAndCircuitValuesOutOfRangeAreConfigurationErrors() {
        assertThrows(ConfigurationException.class, () -> builder().retry(0, Duration.ofMillis(500), Duration.ofSeconds(30)));
        assertThrows(ConfigurationException.class, () -> builder().retry(3, Duration.ofMillis(-1), Duration.ofSeconds(30)));
        assertThrows(ConfigurationException.class, () -> builder().retry(3, Duration.ofSeconds(5), Duration.ofSeconds(1)));
        assertThrows(ConfigurationException.class, () -> builder().circuitBreaker(0f, 20, 10, Duration.ofSeconds(30)));
        assertThrows(ConfigurationException.class, () -> builder().circuitBreaker(50f, 0, 10, Duration.ofSeconds(30)));
        assertThrows(ConfigurationException.class, () -> builder().circuitBreaker(50f, 20, 10, Duration.ZERO));
    }

    @Test
    void negativeOrInvertedPollIntervalsAndOtherRangesAreConfigurationErrors() {
        assertThrows(ConfigurationException.class, () -> builder().pollInterval(Duration.ofSeconds(-2), 1.5, Duration.ofSeconds(10)));
        assertThrows(ConfigurationException.class, () -> builder().pollInterval(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(-10)));
        assertThrows(ConfigurationException.class, () -> builder().pollInterval(Duration.ofSeconds(2), Double.NaN, Duration.ofSeconds(10)));
        assertThrows(ConfigurationException.class, () -> builder().maxConcurrentCalls(0));
        assertThrows(ConfigurationException.class, () -> builder().webhookSafetyPoll(Duration.ofSeconds(-1)));
        assertThrows(ConfigurationException.class, () -> builder().defaultTimeout(Duration.ZERO));
    }
}
