package dev.videogen4j.observation;

import dev.videogen4j.spi.ErrorKind;
import java.time.Duration;
import java.util.Objects;

/**
 * How one provider call ended.
 *
 * <pre>{@code
 * if (end.outcome() == CallEnd.Outcome.FAILED) log.warn("{} failed: {}", end.errorKind(), end.error().getMessage());
 * }</pre>
 *
 * @param outcome   succeeded, failed, or refused by the open circuit breaker without being sent
 * @param errorKind what the failure means; {@code null} exactly when it succeeded
 * @param error     the failure (its message never holds an API key); {@code null} exactly when it succeeded
 * @param duration  from start to end, measured on the client's clock
 */
public record CallEnd(Outcome outcome, ErrorKind errorKind, Throwable error, Duration duration) {
    /** How a call ended. */
    public enum Outcome { SUCCEEDED, FAILED, REFUSED }

    public CallEnd {
        Objects.requireNonNull(outcome, "outcome == null");
        Objects.requireNonNull(duration, "duration == null");
        if ((outcome == Outcome.SUCCEEDED) != (errorKind == null) || (errorKind == null) != (error == null)) {
            throw new IllegalArgumentException("errorKind and error are set exactly when the call did not succeed");
        }
    }
}
