package dev.videogen4j.internal;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.spi.ApiKey;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.SharedResources;
import dev.videogen4j.spi.VideoProviderFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns settings into {@link ProviderConfig}s: which key variable holds a provider's API key, its base URL and
 * timeouts, and the message that says what to set when something is missing.
 */
public final class ProviderSetup {
    // Provider settings core reads itself (besides retry.*, circuit.* and batch.*), kept out of ProviderConfig.settings().
    private static final Set<String> CONSUMED = Set.of("api.key", "base.url", "connect.timeout", "read.timeout");

    private final Settings settings;
    private final Map<String, String> explicitKeys;
    private final Map<String, String> explicitBaseUrls;
    private final Clock clock;

    public ProviderSetup(Settings settings, Map<String, String> explicitKeys, Map<String, String> explicitBaseUrls,
                         Clock clock) {
        this.settings = settings;
        this.explicitKeys = explicitKeys;
        this.explicitBaseUrls = explicitBaseUrls;
        this.clock = clock;
    }

    /** {@code VIDEOGEN4J_FAL_} for {@code fal}, {@code VIDEOGEN4J_MY_PROVIDER_} for {@code my-provider}. */
    public static String prefix(String id) {
        return "VIDEOGEN4J_" + id.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }

    /** The variables that may hold the key, in the order they are read. */
    public static List<String> keyVariables(VideoProviderFactory f) {
        List<String> vars = new ArrayList<>();
        vars.add(prefix(f.id()) + "API_KEY");
        vars.addAll(f.apiKeyVariables());
        return vars;
    }

    public Optional<String> apiKey(VideoProviderFactory f) {
        if (explicitKeys.containsKey(f.id())) return Optional.of(explicitKeys.get(f.id()));
        for (String v : keyVariables(f)) {
            Optional<String> value = settings.get(v);
            if (value.isPresent()) return value;
        }
        return Optional.empty();
    }

    public boolean hasCredentials(VideoProviderFactory f) {
        return !f.requiresApiKey() || apiKey(f).isPresent();
    }

    /** The provider's config; {@code shared} is what it shares with the providers of related clients, or null. */
    public ProviderConfig config(VideoProviderFactory f, SharedResources shared) {
        String id = f.id();
        String key = apiKey(f).orElse(null);
        if (key == null && f.requiresApiKey()) {
            List<String> vars = keyVariables(f);
            throw new ConfigurationException("Provider '" + id + "' needs an API key: set " + String.join(" or ", vars)
                    + " (or the system property " + Settings.propertyName(vars.get(0)) + "), or call apiKey(\"" + id
                    + "\", ...) on the builder");
        }
        String p = prefix(id);
        String baseUrl = explicitBaseUrls.getOrDefault(id, settings.get(p + "BASE_URL").orElse(null));
        Duration connect = settings.duration(p + "CONNECT_TIMEOUT")
                .orElse(settings.duration("VIDEOGEN4J_CONNECT_TIMEOUT").orElse(Duration.ofSeconds(10)));
        Duration read = settings.duration(p + "READ_TIMEOUT")
                .orElse(settings.duration("VIDEOGEN4J_READ_TIMEOUT").orElse(Duration.ofSeconds(60)));
        return new ProviderConfig(id, key == null ? null : ApiKey.of(key), baseUrl, connect, read,
                otherSettings(p), clock, shared);
    }

    /**
     * The provider's settings core does not consume itself. Above all without {@code api.key}: the settings map
     * is plain strings that an adapter may log or echo, and the key must only ever travel as an {@link ApiKey}.
     */
    private Map<String, String> otherSettings(String prefix) {
        Map<String, String> other = new HashMap<>(settings.withPrefix(prefix));
        other.keySet().removeIf(k -> CONSUMED.contains(k) || k.startsWith("retry.") || k.startsWith("circuit.")
                || k.startsWith("batch."));
        return other;
    }
}
