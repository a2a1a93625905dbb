package dev.videogen4j.spring;

import dev.videogen4j.VideoClientBuilder;

/**
 * Adjusts the {@link dev.videogen4j.VideoClient} bean's builder after the properties were applied: a clock, a
 * provider factory, anything properties cannot say. Declare one as a bean.
 *
 * <pre>{@code
 * @Bean
 * VideoClientBuilderCustomizer pollFaster() {
 *     return builder -> builder.pollInterval(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface VideoClientBuilderCustomizer {
    void customize(VideoClientBuilder builder);
}
