package dev.videogen4j.spi;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an adapter is configured with. Built by core from the client builder, the environment and system
 * properties; an adapter reads it in {@link VideoProviderFactory#create(ProviderConfig)}.
 *
 * <pre>{@code
 * String base = config.baseUrl().orElse("https://api.runware.ai/v1");
 * OkHttpClient http = new OkHttpClient.Builder()
 *         .connectTimeout(config.connectTimeout()).readTimeout(config.readTimeout()).build();
 * String region = config.setting("region").orElse("us");      // VIDEOGEN4J_<ID>_REGION
 * }</pre>
 *
 * @param providerId     the provider's id
 * @param apiKey         the key, or {@code null} when none was configured (only for providers that need none)
 * @param baseUrl        a base URL overriding the vendor's (to reach the emulator or a proxy), or {@code null}
 * @param connectTimeout connect timeout for one HTTP call
 * @param readTimeout    read (and write) timeout for one HTTP call
 * @param settings       the provider's other settings: {@code VIDEOGEN4J_<ID>_FOO_BAR} and
 *                       {@code videogen4j.<id>.foo.bar} both appear as key {@code foo.bar}; never the API key,
 *                       base URL, timeouts, or the retry/circuit/batch settings core applies itself
 * @param clock          the client's clock (for signatures, timestamps)
 * @param shared         what this provider shares with the providers of related clients (an HTTP connection
 *                       pool), or {@code null} when nothing is shared and the provider makes its own
 */
public record ProviderConfig(String providerId, ApiKey apiKey, String baseUrl, Duration connectTimeout,
                             Duration readTimeout, Map<String, String> settings, Clock clock, SharedResources shared) {
    public ProviderConfig {
        Objects.requireNonNull(providerId, "providerId == null");
        Objects.requireNonNull(connectTimeout, "connectTimeout == null");
        Objects.requireNonNull(readTimeout, "readTimeout == null");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** A config that shares nothing with other providers. */
    public ProviderConfig(String providerId, ApiKey apiKey, String baseUrl, Duration connectTimeout,
                          Duration readTimeout, Map<String, String> settings, Clock clock) {
        this(providerId, apiKey, baseUrl, connectTimeout, readTimeout, settings, clock, null);
    }

    /** A config with just a key and a base URL, and default timeouts (10 s connect, 60 s read). */
    public static ProviderConfig of(String providerId, String apiKey, String baseUrl) {
        return new ProviderConfig(providerId, apiKey == null ? null : ApiKey.of(apiKey), baseUrl,
                Duration.ofSeconds(10), Duration.ofSeconds(60), Map.of(), Clock.systemUTC());
    }

    /** The redactor of this provider's key (one that changes nothing when there is no key). */
    public Redactor redactor() {
        return Redactor.of(apiKey);
    }

    public Optional<String> baseUrlOverride() {
        return Optional.ofNullable(baseUrl).filter(s -> !s.isBlank());
    }

    /**
     * The deadline of one whole HTTP call, from connecting to the last byte of the answer: setting
     * {@code call.timeout} ({@code VIDEOGEN4J_<ID>_CALL_TIMEOUT}, seconds or ISO-8601 like {@code PT90S}), by
     * default the connect timeout plus twice the read timeout. The read timeout alone only bounds the gap between
     * two bytes, so an answer dripping one byte a second would never end without it.
     *
     * @throws dev.videogen4j.error.ConfigurationException when the setting is not a positive duration
     */
    public Duration callTimeout() {
        Duration fallback = connectTimeout.plus(readTimeout).plus(readTimeout);
        String text = settings.get("call.timeout");
        if (text == null || text.isBlank()) return fallback;
        try {
            String t = text.trim();
            Duration d = t.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(t)) : Duration.parse(t);
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("not positive");
            return d;
        } catch (RuntimeException e) {
            throw new dev.videogen4j.error.ConfigurationException("VIDEOGEN4J_" + providerId.toUpperCase(java.util.Locale.ROOT)
                    + "_CALL_TIMEOUT must be a positive duration (seconds or ISO-8601 like PT90S), got '" + text + "'");
        }
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** The same config with one more setting. */
    public ProviderConfig withSetting(String key, String value) {
        Map<String, String> s = new java.util.HashMap<>(settings);
        s.put(key, value);
        return new ProviderConfig(providerId, apiKey, baseUrl, connectTimeout, readTimeout, s, clock, shared);
    }

    @Override
    public String toString() {
        return "ProviderConfig[" + providerId + ", apiKey=" + (apiKey == null ? "none" : "redacted") + ", baseUrl="
                + baseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", settings="
                + settings.keySet() + "]";
    }
}
