package dev.videogen4j;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A handle to a job a provider accepted: the provider, the native model and the provider's own job id. It
 * round-trips through a string, so an application can store it and come back after a restart:
 *
 * <pre>{@code
 * String handle = job.jobId().toString();            // "vg1:fal:fal-ai%2Fkling-video%2F...:764cabcf-..."
 * // ... later, in another process
 * VideoResult result = client.await(JobId.parse(handle), Duration.ofMinutes(10));
 * }</pre>
 *
 * <p>The string form is stable across releases: {@code vg1:} then the three parts, each URL-encoded, joined by
 * colons.
 */
public final class JobId {
    private static final String PREFIX = "vg1:";

    private final String providerId;
    private final String model;
    private final String nativeJobId;

    private JobId(String providerId, String model, String nativeJobId) {
        this.providerId = providerId;
        this.model = model;
        this.nativeJobId = nativeJobId;
    }

    /**
     * @param providerId the provider id ({@code runware})
     * @param model    the native model id ({@code klingai:6@0}, or a fal endpoint id)
     * @param nativeJobId the provider's job id (Runware taskUUID, fal request_id)
     */
    public static JobId of(String providerId, String model, String nativeJobId) {
        requireText(providerId, "providerId");
        requireText(model, "model");
        requireText(nativeJobId, "nativeJobId");
        return new JobId(providerId, model, nativeJobId);
    }

    /**
     * Reads the form {@link #toString()} writes.
     *
     * @throws IllegalArgumentException if the text is not a job id, saying what was expected
     */
    public static JobId parse(String text) {
        Objects.requireNonNull(text, "text == null");
        String[] parts = text.startsWith(PREFIX) ? text.substring(PREFIX.length()).split(":", -1) : new String[0];
        if (parts.length == 3) {
            try {
                return of(decode(parts[0]), decode(parts[1]), decode(parts[2]));
            } catch (IllegalArgumentException badEscapeOrBlankPart) {
                // falls through: the caller needs to know what a job id looks like, not URLDecoder's complaint
            }
        }
        throw new IllegalArgumentException("Not a videogen4j job id: '" + text
                + "' (expected vg1:<provider>:<model>:<job id>, as written by JobId.toString())");
    }

    public String providerId() {
        return providerId;
    }

    /** The native model id. */
    public String model() {
        return model;
    }

    /** The provider's own job id. */
    public String nativeJobId() {
        return nativeJobId;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobId other && other.providerId.equals(providerId) && other.model.equals(model)
                && other.nativeJobId.equals(nativeJobId);
    }

    @Override
    public int hashCode() {
        // Objects.hash's value without its array: job tables hash ids several times per job.
        return 31 * (31 * (31 + providerId.hashCode()) + model.hashCode()) + nativeJobId.hashCode();
    }

    /** The storable form, read back by {@link #parse(String)}. */
    @Override
    public String toString() {
        return PREFIX + encode(providerId) + ":" + encode(model) + ":" + encode(nativeJobId);
    }
}
