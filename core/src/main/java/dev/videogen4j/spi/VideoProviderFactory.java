package dev.videogen4j.spi;

import java.util.List;

/**
 * The {@link java.util.ServiceLoader} entry point of a provider adapter. List the implementation's class name in
 * {@code META-INF/services/dev.videogen4j.spi.VideoProviderFactory}.
 *
 * <pre>{@code
 * public final class AcmeProviderFactory implements VideoProviderFactory {
 *     public String id() { return "acme"; }
 *     public List<String> apiKeyVariables() { return List.of("ACME_API_KEY"); }
 *     public VideoProvider create(ProviderConfig config) { return new AcmeProvider(config); }
 * }
 * }</pre>
 */
public interface VideoProviderFactory {

    /** The provider id users configure: lower case letters, digits and dashes ({@code runware}, {@code fal}). */
    String id();

    /** A human name for listings. */
    default String displayName() {
        return id();
    }

    /**
     * The vendor's own environment variables for the API key, checked after {@code VIDEOGEN4J_<ID>_API_KEY}
     * (e.g. {@code RUNWARE_API_KEY}, {@code FAL_KEY}).
     */
    default List<String> apiKeyVariables() {
        return List.of();
    }

    /** Whether {@link #create(ProviderConfig)} needs an API key; a missing one fails the client's build. */
    default boolean requiresApiKey() {
        return true;
    }

    /** The default base URL, shown in listings and used when none is configured. */
    default String defaultBaseUrl() {
        return "";
    }

    /** Creates a provider. Called once per client; the provider lives as long as the client. */
    VideoProvider create(ProviderConfig config);
}
