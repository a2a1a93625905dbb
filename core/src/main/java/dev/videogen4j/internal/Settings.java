package dev.videogen4j.internal;

import dev.videogen4j.Durations;
import dev.videogen4j.error.ConfigurationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Configuration values by their environment-variable name ({@code VIDEOGEN4J_PROVIDER}). Every key can also be
 * given as a system property, lower case with dots ({@code videogen4j.provider}); a system property wins over
 * the environment variable of the same key.
 */
public final class Settings {
    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The process environment overlaid with system properties. */
    public static Settings system() {
        return of(System.getenv(), System.getProperties());
    }

    public static Settings of(Map<String, String> environment, Properties systemProperties) {
        Map<String, String> v = new HashMap<>();
        environment.forEach((k, val) -> v.put(normalize(k), val));
        if (systemProperties != null) {
            systemProperties.stringPropertyNames().forEach(k -> v.put(normalize(k), systemProperties.getProperty(k)));
        }
        return new Settings(v);
    }

    public static Settings of(Map<String, String> values) {
        return of(values, null);
    }

    /** Environment form of a key: {@code videogen4j.fal.api-key} becomes {@code VIDEOGEN4J_FAL_API_KEY}. */
    public static String normalize(String key) {
        return key.trim().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** System-property form of a key: {@code VIDEOGEN4J_FAL_API_KEY} becomes {@code videogen4j.fal.api.key}. */
    public static String propertyName(String envKey) {
        return envKey.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(normalize(key))).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** All keys starting with {@code prefix}, with the prefix cut and the rest in dotted lower case. */
    public Map<String, String> withPrefix(String prefix) {
        String p = normalize(prefix);
        Map<String, String> out = new HashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(p) && k.length() > p.length()) {
                out.put(k.substring(p.length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
            }
        });
        return out;
    }

    /** A duration that is not negative (zero may mean "none", like an HTTP read timeout of 0). */
    public Optional<Duration> duration(String key) {
        return get(key).map(v -> check(key, v, parseDuration(key, v), d -> !d.isNegative(), "must not be negative"));
    }

    /** A duration longer than zero: a delay or deadline that zero would turn into a busy loop or an instant failure. */
    public Optional<Duration> positiveDuration(String key) {
        return get(key).map(v -> check(key, v, parseDuration(key, v), d -> !d.isNegative() && !d.isZero(),
                "must be longer than zero"));
    }

    /** A whole number of at least {@code min}. */
    public Optional<Integer> integer(String key, int min) {
        return integer(key).map(n -> check(key, String.valueOf(n), n, x -> x >= min, "must be at least " + min));
    }

    /** A number from {@code min} to {@code max}, both included. */
    public Optional<Double> decimal(String key, double min, double max) {
        return get(key).map(v -> check(key, v, decimal(key).orElseThrow(), x -> x >= min && x <= max,
                "must be between " + plain(min) + " and " + plain(max)));
    }

    private static <T> T check(String key, String text, T value, java.util.function.Predicate<T> ok, String rule) {
        if (!ok.test(value)) throw new ConfigurationException(key + "=" + text + " " + rule);
        return value;
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    public Optional<Integer> integer(String key) {
        return get(key).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new ConfigurationException(key + "=" + v + " is not a whole number");
            }
        });
    }

    public Optional<Double> decimal(String key) {
        return get(key).map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new ConfigurationException(key + "=" + v + " is not a number");
            }
        });
    }

    public Optional<Boolean> bool(String key) {
        return get(key).map(v -> {
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) return Boolean.parseBoolean(v);
            throw new ConfigurationException(key + "=" + v + " must be true or false");
        });
    }

    /** Reads a duration as {@link Durations#parse} does: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code PT30S}. */
    public static Duration parseDuration(String key, String text) {
        return Durations.parse(key, text);
    }
}
