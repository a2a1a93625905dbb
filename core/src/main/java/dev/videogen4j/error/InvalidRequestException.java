package dev.videogen4j.error;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The request cannot be served as written. Raised before any HTTP call when videogen4j's capability matrix
 * rejects it (then {@link #providerId()} is {@code null}), or when a provider rejects it as invalid (then the
 * provider's own messages become the violations). Never retried: the same request would fail again.
 *
 * <pre>{@code
 * try {
 *     client.submit(request);
 * } catch (InvalidRequestException e) {
 *     e.violations().forEach(v -> System.err.println(v));   // durationSeconds=7 (allowed: 5, 10)
 * }
 * }</pre>
 */
public class InvalidRequestException extends VideoGenException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;
    private final String providerId;
    private final String model;

    public InvalidRequestException(String model, List<Violation> violations) {
        this(null, model, violations);
    }

    public InvalidRequestException(String providerId, String model, List<Violation> violations) {
        super(message(providerId, model, violations));
        this.violations = List.copyOf(violations);
        this.providerId = providerId;
        this.model = model;
    }

    private static String message(String providerId, String model, List<Violation> violations) {
        Objects.requireNonNull(violations, "violations == null");
        String subject = model == null || model.isBlank() ? "" : " for " + model;
        String by = providerId == null ? "" : " (" + providerId + " rejected it)";
        String problems = violations.size() == 1 ? "1 problem" : violations.size() + " problems";
        return "Invalid request" + subject + by + ": " + problems + ": "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }

    /** Every problem found, never empty. */
    public List<Violation> violations() {
        return violations;
    }

    /** The provider that rejected the request, or {@code null} when videogen4j rejected it before sending. */
    public String providerId() {
        return providerId;
    }

    /** The model the request named, when known. */
    public String model() {
        return model;
    }
}
