package dev.videogen4j.spring;

import dev.videogen4j.micrometer.MicrometerVideoObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers videogen4j's Micrometer observer when videogen4j-micrometer is on the class path: observations go to
 * the application's {@link ObservationRegistry}, meters to its {@link MeterRegistry} (Actuator provides both).
 * Looked up when the client is created, so the order of auto-configurations does not matter.
 *
 * <pre>{@code
 * management.endpoints.web.exposure.include: health,metrics    # then GET /actuator/metrics/videogen4j.cost
 * }</pre>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({MicrometerVideoObserver.class, ObservationRegistry.class, MeterRegistry.class})
public class VideoGenMicrometerConfiguration {
    @Bean
    @ConditionalOnMissingBean
    public MicrometerVideoObserver videoGenMicrometerObserver(ObjectProvider<ObservationRegistry> observations,
                                                              ObjectProvider<MeterRegistry> meters) {
        // Without an application registry, Micrometer's global one: empty unless the application adds to it.
        return new MicrometerVideoObserver(observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }
}
