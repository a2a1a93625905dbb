package dev.videogen4j.spring;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoClientBuilder;
import dev.videogen4j.VideoJobListener;
import dev.videogen4j.observation.VideoObserver;
import dev.videogen4j.spring.internal.ClientSettings;
import dev.videogen4j.spring.internal.WebhookUrls;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * A {@link VideoClient} bean from the {@code videogen4j.*} properties ({@link VideoGenProperties}), observed by
 * every {@link VideoObserver} and {@link VideoJobListener} bean (Micrometer's when it is on the class path), and
 * adjusted by every {@link VideoClientBuilderCustomizer}. Declare your own {@code VideoClient} bean to replace it.
 *
 * <pre>{@code
 * @Service
 * class Trailers {
 *     private final VideoClient client;
 *     Trailers(VideoClient client) { this.client = client; }
 * }
 * }</pre>
 */
@AutoConfiguration
@ConditionalOnClass(VideoClient.class)
@EnableConfigurationProperties(VideoGenProperties.class)
@Import(VideoGenMicrometerConfiguration.class)
public class VideoGenAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    public ProviderHealthTracker videoGenProviderHealth() {
        return new ProviderHealthTracker(Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    public WebhookUrls videoGenWebhookUrls(VideoGenProperties properties) {
        return WebhookUrls.of(properties.getWebhooks());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public VideoClient videoClient(Environment environment, VideoGenProperties properties, WebhookUrls webhooks,
                                   ObjectProvider<VideoObserver> observers, ObjectProvider<VideoJobListener> listeners,
                                   ObjectProvider<VideoClientBuilderCustomizer> customizers) {
        VideoClientBuilder builder = VideoClient.builder().environment(ClientSettings.from(environment));
        observers.orderedStream().forEach(builder::observer);
        listeners.orderedStream().forEach(builder::listener);
        if (webhooks.enabled()) {
            webhooks.urls().forEach(builder::webhookUrl);
            // The webhooks complete the jobs: polling stays only as a safety net for a webhook that never comes.
            if (properties.getWebhookSafetyPoll() == null) builder.webhookSafetyPoll(Duration.ofMinutes(5));
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }
}
