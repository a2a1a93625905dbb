package dev.videogen4j.spring;

import dev.videogen4j.VideoClient;
import dev.videogen4j.observation.CircuitState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Spring Boot 4: {@code /actuator/health/videogen4j/<provider>} for every configured provider, DOWN
 * while its circuit breaker is open, with the circuit state and the last error (no keys) as details. Boot 4's
 * twin is {@link VideoGenHealth4AutoConfiguration}; switch both off with {@code management.health.videogen4j.enabled=false}.
 *
 * <pre>{@code
 * {"status":"DOWN","components":{"fal":{"status":"UP","details":{"circuit":"closed"}},
 *  "runware":{"status":"DOWN","details":{"circuit":"open","lastError":{"kind":"unavailable",...}}}}}
 * }</pre>
 */
@AutoConfiguration(after = VideoGenAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(VideoClient.class)
@ConditionalOnProperty(name = "management.health.videogen4j.enabled", matchIfMissing = true)
public class VideoGenHealth4AutoConfiguration {
    @Bean
    public CompositeHealthContributor videogen4jHealthContributor(VideoClient client, ProviderHealthTracker tracker) {
        Map<String, HealthIndicator> providers = new LinkedHashMap<>();
        for (String p : client.providers()) {
            providers.put(p, () -> Health.status(status(client.circuitState(p))).withDetails(tracker.details(client, p))
                    .build());
        }
        return CompositeHealthContributor.fromMap(providers);
    }

    private static Status status(CircuitState state) {
        return state == CircuitState.OPEN ? Status.DOWN : state == CircuitState.HALF_OPEN ? Status.UNKNOWN : Status.UP;
    }
}
