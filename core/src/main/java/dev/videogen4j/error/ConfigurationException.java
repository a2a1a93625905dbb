package dev.videogen4j.error;

/**
 * The client cannot be built as configured: an unknown provider id, a missing API key, a malformed setting.
 * The message says what to set.
 *
 * <pre>{@code
 * try {
 *     VideoClient client = VideoClient.fromEnvironment();
 * } catch (ConfigurationException e) {
 *     // e.g. "Provider 'fal' needs an API key: set FAL_KEY or VIDEOGEN4J_FAL_API_KEY"
 * }
 * }</pre>
 */
public class ConfigurationException extends VideoGenException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
