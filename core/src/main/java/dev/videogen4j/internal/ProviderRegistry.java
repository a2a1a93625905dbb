package dev.videogen4j.internal;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.spi.VideoProviderFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The provider factories available to a client: those found by {@link ServiceLoader} (the thread context class
 * loader first, then core's own, so application servers and plain class paths both work) plus any given
 * explicitly. One id, one factory: two different classes claiming an id is a configuration error.
 */
public final class ProviderRegistry {
    private final Map<String, VideoProviderFactory> factories;

    private ProviderRegistry(Map<String, VideoProviderFactory> factories) {
        this.factories = factories;
    }

    /**
     * Discovers factories and adds {@code explicit} ones. An explicit factory replaces a discovered one with the
     * same id (that is how a test swaps in its own instance); two discovered classes with one id are an error.
     */
    public static ProviderRegistry discover(Collection<VideoProviderFactory> explicit) {
        List<VideoProviderFactory> found = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            load(ServiceLoader.load(VideoProviderFactory.class, context), found);
        }
        load(ServiceLoader.load(VideoProviderFactory.class, ProviderRegistry.class.getClassLoader()), found);
        Map<String, VideoProviderFactory> merged = new LinkedHashMap<>(of(found).factories);
        ProviderRegistry given = of(explicit);
        merged.putAll(given.factories);
        return new ProviderRegistry(new LinkedHashMap<>(new TreeMap<>(merged)));
    }

    /** A registry of exactly these factories. */
    public static ProviderRegistry of(Collection<VideoProviderFactory> list) {
        Map<String, VideoProviderFactory> byId = new TreeMap<>();
        for (VideoProviderFactory f : list) {
            String id = f.id();
            if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
                throw new ConfigurationException("Provider factory " + f.getClass().getName() + " has an invalid id '"
                        + id + "' (use lower case letters, digits and dashes)");
            }
            VideoProviderFactory existing = byId.get(id);
            if (existing == null) {
                byId.put(id, f);
            } else if (existing.getClass() != f.getClass()) {
                throw new ConfigurationException("Two provider factories claim the id '" + id + "': "
                        + existing.getClass().getName() + " and " + f.getClass().getName()
                        + ". Remove one of them from the class path.");
            }
        }
        return new ProviderRegistry(new LinkedHashMap<>(byId));
    }

    private static void load(ServiceLoader<VideoProviderFactory> loader, List<VideoProviderFactory> into) {
        try {
            for (VideoProviderFactory f : loader) {
                if (into.stream().noneMatch(x -> x.getClass() == f.getClass())) {
                    into.add(f);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException("A provider plugin could not be loaded: " + e.getMessage(), e);
        }
    }

    /** @throws ConfigurationException listing the ids that were found */
    public VideoProviderFactory get(String id) {
        VideoProviderFactory f = factories.get(id);
        if (f == null) {
            throw new ConfigurationException("Unknown provider '" + id + "'. Providers found: "
                    + (factories.isEmpty() ? "none (add videogen4j-provider-runware or -fal to the class path)"
                    : String.join(", ", factories.keySet())));
        }
        return f;
    }

    public List<String> ids() {
        return List.copyOf(factories.keySet());
    }

    public Collection<VideoProviderFactory> all() {
        return factories.values();
    }
}
