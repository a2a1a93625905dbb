package dev.videogen4j.spi;

import java.util.Locale;

/**
 * The four calls core makes to a provider. Only {@link #SUBMIT} creates a billable job.
 *
 * <pre>{@code
 * ProviderFailure.builder("fal", Operation.POLL, 503)
 * }</pre>
 */
public enum Operation {
    SUBMIT, POLL, RESULT, CANCEL;

    /** {@code submit}, {@code poll}, {@code result}, {@code cancel}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
