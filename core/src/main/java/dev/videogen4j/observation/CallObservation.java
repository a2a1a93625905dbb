package dev.videogen4j.observation;

/**
 * Hears how one provider call ended; told exactly once.
 *
 * <pre>{@code
 * CallObservation handle = end -> timer.record(end.duration());
 * }</pre>
 */
@FunctionalInterface
public interface CallObservation {
    /** Observes nothing. */
    CallObservation NONE = end -> { };

    void ended(CallEnd end);
}
