package dev.videogen4j.fal.internal;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.spi.ProviderConfig;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fal-specific settings, read once when the provider is created so a typo fails the client's build
 * instead of the first submit.
 *
 * <pre>{@code
 * VIDEOGEN4J_FAL_START_TIMEOUT=30      -> X-Fal-Request-Timeout: 30
 * VIDEOGEN4J_FAL_QUEUE_PRIORITY=low    -> X-Fal-Queue-Priority: low
 * VIDEOGEN4J_FAL_MAX_QUEUE_LENGTH=50   -> ?fal_max_queue_length=50
 * }</pre>
 */
public final class FalSettings {
    public static final String START_TIMEOUT = "start.timeout";
    public static final String QUEUE_PRIORITY = "queue.priority";
    public static final String MAX_QUEUE_LENGTH = "max.queue.length";

    private final Map<String, String> headers;
    private final Integer maxQueueLength;

    private FalSettings(Map<String, String> headers, Integer maxQueueLength) {
        this.headers = Map.copyOf(headers);
        this.maxQueueLength = maxQueueLength;
    }

    /** @throws ConfigurationException naming the setting and what it accepts */
    public static FalSettings from(ProviderConfig config) {
        Map<String, String> headers = new LinkedHashMap<>();
        config.setting(START_TIMEOUT).map(String::trim).ifPresent(v -> headers.put("X-Fal-Request-Timeout", startTimeout(v)));
        config.setting(QUEUE_PRIORITY).map(v -> v.trim().toLowerCase(Locale.ROOT)).ifPresent(v -> {
            if (!v.equals("normal") && !v.equals("low")) {
                throw bad(QUEUE_PRIORITY, v, "normal or low");
            }
            headers.put("X-Fal-Queue-Priority", v);
        });
        Integer max = config.setting(MAX_QUEUE_LENGTH).map(String::trim).map(FalSettings::maxQueueLength).orElse(null);
        return new FalSettings(headers, max);
    }

    private static String startTimeout(String v) {
        try {
            BigDecimal seconds = new BigDecimal(v);
            // fal's own clients refuse anything up to 1 s (MIN_REQUEST_TIMEOUT_SECONDS); so do we.
            if (seconds.compareTo(BigDecimal.ONE) > 0) {
                return seconds.stripTrailingZeros().toPlainString();
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad(START_TIMEOUT, v, "a number of seconds greater than 1, e.g. 30");
    }

    private static Integer maxQueueLength(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad(MAX_QUEUE_LENGTH, v, "a whole number >= 0");
    }

    private static ConfigurationException bad(String key, String value, String allowed) {
        return new ConfigurationException("fal setting " + key + " (VIDEOGEN4J_FAL_"
                + key.toUpperCase(Locale.ROOT).replace('.', '_') + ") is '" + value + "'; expected " + allowed);
    }

    /** Headers every submit carries. */
    public Map<String, String> submitHeaders() {
        return headers;
    }

    /** {@code fal_max_queue_length}, or {@code null}. */
    public Integer maxQueueLength() {
        return maxQueueLength;
    }
}
