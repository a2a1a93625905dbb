package dev.videogen4j.error;

/**
 * The root of every exception videogen4j throws. It is unchecked: callers catch the subclasses they can act on.
 *
 * <pre>{@code
 * try {
 *     VideoResult result = client.generate(request);
 * } catch (VideoGenException e) {
 *     log.warn("video generation failed: {}", e.getMessage());
 * }
 * }</pre>
 */
public class VideoGenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VideoGenException(String message) {
        super(message);
    }

    public VideoGenException(String message, Throwable cause) {
        super(message, cause);
    }
}
