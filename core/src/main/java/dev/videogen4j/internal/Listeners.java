package dev.videogen4j.internal;

import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoJobListener;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.observation.CircuitState;
import dev.videogen4j.spi.Operation;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans events out to the application's listeners; a listener that throws is logged and never breaks a job. Job
 * events are logged at DEBUG (one line per status change would flood an application's INFO log); circuit
 * transitions at WARN. A job's events come several times per job: with DEBUG off and no listener, they build
 * nothing (no log arguments, no lambda per listener call).
 */
public final class Listeners implements VideoJobListener {
    private static final Logger log = LoggerFactory.getLogger("dev.videogen4j.jobs");

    private final List<VideoJobListener> listeners;
    private final Observers observers;

    public Listeners(List<VideoJobListener> listeners) {
        this(listeners, List.of());
    }

    public Listeners(List<VideoJobListener> listeners, List<dev.videogen4j.observation.VideoObserver> observers) {
        this.listeners = List.copyOf(listeners);
        this.observers = new Observers(observers);
    }

    /** The application's observers, as one. */
    public Observers observers() {
        return observers;
    }

    private void each(Consumer<VideoJobListener> event) {
        for (VideoJobListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                log.warn("VideoJobListener {} threw; ignored", l.getClass().getName(), e);
            }
        }
    }

    @Override
    public void onSubmitted(VideoJob job) {
        if (log.isDebugEnabled()) log.debug("job {} submitted to {} ({})", job.jobId(), job.providerId(), job.model());
        if (!listeners.isEmpty()) each(l -> l.onSubmitted(job));
    }

    @Override
    public void onStatusChanged(JobId id, JobStatus from, JobStatus to) {
        if (log.isDebugEnabled()) log.debug("job {}: {} -> {}", id, from == null ? "-" : from, to);
        if (!listeners.isEmpty()) each(l -> l.onStatusChanged(id, from, to));
    }

    @Override
    public void onRetry(String provider, Operation operation, int attempt, Throwable cause, Duration wait) {
        log.debug("{} {} attempt {} failed ({}); retrying in {} ms", provider, operation.label(), attempt,
                cause.getMessage(), wait.toMillis());
        each(l -> l.onRetry(provider, operation, attempt, cause, wait));
    }

    @Override
    public void onCircuitStateChanged(String provider, CircuitState from, CircuitState to) {
        log.warn("circuit breaker for {} submits: {} -> {}", provider, from, to);
        each(l -> l.onCircuitStateChanged(provider, from, to));
        observers.circuitStateChanged(provider, from, to);
    }

    /** The breaker of a provider's polls, results and cancels moved: logged, since it decides no routing. */
    void followCircuitChanged(String provider, String from, String to) {
        log.warn("circuit breaker for {} polls: {} -> {}", provider, from, to);
    }

    @Override
    public void onCompleted(VideoResult result) {
        if (log.isDebugEnabled()) {
            log.debug("job {} succeeded: {} video(s), cost {}", result.jobId(), result.videos().size(), result.cost());
        }
        if (!listeners.isEmpty()) each(l -> l.onCompleted(result));
    }

    @Override
    public void onFailed(JobId id, VideoGenException error) {
        // A JobFailedException's message names the job again; its final status is all that is new here.
        Object why = error instanceof dev.videogen4j.error.JobFailedException
                ? ((dev.videogen4j.error.JobFailedException) error).status() : error.getMessage();
        log.debug("job {} failed: {}", id, why);
        if (!listeners.isEmpty()) each(l -> l.onFailed(id, error));
    }
}
