package dev.videogen4j;

import dev.videogen4j.internal.ProviderRegistry;
import dev.videogen4j.internal.ProviderSetup;
import dev.videogen4j.spi.VideoProviderFactory;
import java.util.List;
import java.util.Objects;

/**
 * The provider plugins on the class path, found as a {@link VideoClient} finds them, and the variables each is
 * configured with: for a tool that lists providers or says which key to set before it builds a client.
 *
 * <pre>{@code
 * ProviderDirectory found = ProviderDirectory.discover();
 * for (VideoProviderFactory f : found.factories()) {
 *     System.out.println(f.id() + ": set " + String.join(" or ", ProviderDirectory.apiKeyVariables(f))
 *             + ", base URL in " + ProviderDirectory.settingPrefix(f.id()) + "BASE_URL");
 * }
 * // fal: set VIDEOGEN4J_FAL_API_KEY or FAL_KEY, base URL in VIDEOGEN4J_FAL_BASE_URL
 * }</pre>
 */
public final class ProviderDirectory {
    private final ProviderRegistry registry;

    private ProviderDirectory(ProviderRegistry registry) {
        this.registry = registry;
    }

    /**
     * The factories {@link java.util.ServiceLoader} finds (the thread's context class loader, then core's), in id
     * order.
     *
     * @throws dev.videogen4j.error.ConfigurationException when a plugin cannot be loaded, has an invalid id, or two
     *                                                     plugins claim one id
     */
    public static ProviderDirectory discover() {
        return new ProviderDirectory(ProviderRegistry.discover(List.of()));
    }

    /** Every factory found, in id order. */
    public List<VideoProviderFactory> factories() {
        return List.copyOf(registry.all());
    }

    /** The ids found, in order. */
    public List<String> ids() {
        return registry.ids();
    }

    /** @throws dev.videogen4j.error.ConfigurationException naming the ids that were found when none is {@code id} */
    public VideoProviderFactory get(String id) {
        return registry.get(Objects.requireNonNull(id, "id == null"));
    }

    /** The prefix of a provider's variables: {@code VIDEOGEN4J_FAL_} for {@code fal}, {@code VIDEOGEN4J_MY_AI_} for {@code my-ai}. */
    public static String settingPrefix(String providerId) {
        return ProviderSetup.prefix(Objects.requireNonNull(providerId, "providerId == null"));
    }

    /** The variables that may hold the provider's API key, in the order a client reads them. */
    public static List<String> apiKeyVariables(VideoProviderFactory factory) {
        return List.copyOf(ProviderSetup.keyVariables(Objects.requireNonNull(factory, "factory == null")));
    }
}
