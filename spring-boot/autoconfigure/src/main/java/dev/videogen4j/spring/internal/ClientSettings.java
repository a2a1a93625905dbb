package dev.videogen4j.spring.internal;

import dev.videogen4j.spi.VideoProviderFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Every {@code videogen4j.*} property of the Spring environment, as the variables videogen4j's builder reads
 * ({@code videogen4j.fal.api-key} → {@code VIDEOGEN4J_FAL_API_KEY}), plus the providers' conventional key
 * variables ({@code FAL_KEY}, {@code RUNWARE_API_KEY}) when the environment has them. So the starter accepts
 * exactly the keys the library documents, a plugin provider's included, and core validates them.
 */
public final class ClientSettings {
    private ClientSettings() {
    }

    public static Map<String, String> from(Environment environment) {
        Map<String, String> out = new HashMap<>();
        Binder.get(environment).bind("videogen4j", Bindable.mapOf(String.class, String.class))
                .ifBound(all -> all.forEach((k, v) -> out.put(variable("videogen4j." + k), v)));
        for (VideoProviderFactory f : ServiceLoader.load(VideoProviderFactory.class)) {
            for (String v : f.apiKeyVariables()) {
                String value = environment.getProperty(v);
                if (value != null) out.putIfAbsent(v, value);
            }
        }
        return out;
    }

    /** The builder's variable for a property name. */
    public static String variable(String property) {
        return property.trim().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Compound words of videogen4j's keys, so a variable reads back as the property users write. */
    private static final List<String> WORDS = List.of("api-key", "base-url", "connect-timeout", "read-timeout",
            "max-attempts", "initial-backoff", "max-backoff", "max-retry-after", "failure-rate", "min-calls",
            "open-duration", "half-open-calls", "initial-delay", "max-delay", "cancel-on-timeout",
            "max-concurrent-calls", "models-file", "webhook-safety-poll", "batch-polling", "batch-submits",
            "batch-window", "batch-max", "public-base-url", "start-timeout", "queue-priority", "max-queue-length",
            "tracked-jobs", "webhook-url");

    /** The property a variable stands for: {@code VIDEOGEN4J_POLL_INITIAL_DELAY} → {@code videogen4j.poll.initial-delay}. */
    public static String property(String variable) {
        String dotted = variable.toLowerCase(Locale.ROOT).replace('_', '.');
        for (String w : WORDS) {
            String asDots = w.replace('-', '.');
            if (dotted.endsWith("." + asDots)) return dotted.substring(0, dotted.length() - asDots.length()) + w;
        }
        return dotted;
    }
}
