package dev.videogen4j.internal;

import dev.videogen4j.JobId;
import dev.videogen4j.Timings;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.ContentPolicyException;
import dev.videogen4j.error.InsufficientCreditsException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.RateLimitedException;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.error.UnparseableResponseException;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.JobState;
import dev.videogen4j.observation.CallEnd;
import dev.videogen4j.observation.CallObservation;
import dev.videogen4j.observation.CircuitState;
import dev.videogen4j.observation.JobFailure;
import dev.videogen4j.observation.JobObservation;
import dev.videogen4j.observation.JobStart;
import dev.videogen4j.observation.ProviderCall;
import dev.videogen4j.observation.VideoObserver;
import dev.videogen4j.spi.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans observations out to the application's observers and classifies failures once for all of them; an
 * observer that throws is logged and never breaks a call or a job.
 */
public final class Observers implements VideoObserver {
    private static final Logger log = LoggerFactory.getLogger("dev.videogen4j.jobs");

    private final List<VideoObserver> observers;

    public Observers(List<VideoObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    /** Whether the application registered any observer: without one, callers need not build what they would see. */
    public boolean any() {
        return !observers.isEmpty();
    }

    @Override
    public CallObservation callStarted(ProviderCall call) {
        if (observers.isEmpty()) return CallObservation.NONE;
        List<CallObservation> handles = started(o -> o.callStarted(call));
        return end -> each(handles, h -> h.ended(end));
    }

    @Override
    public JobObservation jobStarted(JobStart job) {
        if (observers.isEmpty()) return JobObservation.NONE;
        List<JobObservation> handles = started(o -> o.jobStarted(job));
        // Exactly one end reaches the observers, even when a submit that close() ended as uncertain is accepted later.
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        return new JobObservation() {
            @Override public void accepted(VideoJob j) {
                if (!ended.get()) each(handles, h -> h.accepted(j));
            }

            @Override public void running() {
                if (!ended.get()) each(handles, JobObservation::running);
            }

            @Override public void succeeded(VideoResult r) {
                if (ended.compareAndSet(false, true)) each(handles, h -> h.succeeded(r));
            }

            @Override public void failed(JobFailure f) {
                if (ended.compareAndSet(false, true)) each(handles, h -> h.failed(f));
            }
        };
    }

    @Override
    public void circuitStateChanged(String provider, CircuitState from, CircuitState to) {
        each(observers, o -> o.circuitStateChanged(provider, from, to));
    }

    /** How a job ended without videos, from the exception its awaiters get. */
    public static JobFailure failure(JobId id, VideoGenException error, Timings timings) {
        JobFailure.Outcome outcome;
        if (error instanceof JobFailedException) {
            outcome = ((JobFailedException) error).status().state() == JobState.CANCELLED
                    ? JobFailure.Outcome.CANCELLED : JobFailure.Outcome.FAILED;
        } else if (error instanceof SubmissionUncertainException) {
            outcome = JobFailure.Outcome.SUBMIT_UNCERTAIN;
        } else {
            outcome = id == null ? JobFailure.Outcome.NOT_SUBMITTED : JobFailure.Outcome.LOST;
        }
        ErrorKind kind = error instanceof ProviderException || error instanceof InvalidRequestException
                ? kindOf(error) : null;
        return new JobFailure(id, outcome, kind, error, timings);
    }

    /** What a call's failure means, whichever way the adapter reported it. */
    public static ErrorKind kindOf(Throwable t) {
        if (t instanceof InvalidRequestException) return ErrorKind.INVALID_REQUEST;
        if (t instanceof AuthenticationException) return ErrorKind.AUTHENTICATION;
        if (t instanceof InsufficientCreditsException) return ErrorKind.INSUFFICIENT_CREDITS;
        if (t instanceof ContentPolicyException) return ErrorKind.CONTENT_POLICY;
        if (t instanceof RateLimitedException) return ErrorKind.RATE_LIMITED;
        if (t instanceof UnparseableResponseException) return ErrorKind.UNPARSEABLE;
        if (t instanceof ProviderUnavailableException) {
            int status = ((ProviderException) t).httpStatus();
            return status == 408 || status == 504 || t.getCause() instanceof java.io.InterruptedIOException
                    ? ErrorKind.TIMEOUT : ErrorKind.UNAVAILABLE;
        }
        if (t instanceof ProviderException) return ErrorKind.ofStatus(((ProviderException) t).httpStatus());
        return ErrorKind.OTHER;
    }

    static CallEnd callEnd(Throwable error, boolean refused, java.time.Duration took) {
        if (error == null) return new CallEnd(CallEnd.Outcome.SUCCEEDED, null, null, took);
        return new CallEnd(refused ? CallEnd.Outcome.REFUSED : CallEnd.Outcome.FAILED,
                refused ? ErrorKind.UNAVAILABLE : kindOf(error), error, took);
    }

    static CircuitState circuitState(String resilience4jState) {
        switch (resilience4jState) {
            case "OPEN": case "FORCED_OPEN": return CircuitState.OPEN;
            case "HALF_OPEN": return CircuitState.HALF_OPEN;
            default: return CircuitState.CLOSED;
        }
    }

    private <H> List<H> started(Function<VideoObserver, H> start) {
        List<H> handles = new ArrayList<>(observers.size());
        each(observers, o -> {
            H h = start.apply(o);
            if (h != null) handles.add(h);
        });
        return handles;
    }

    private static <T> void each(List<T> targets, Consumer<T> event) {
        for (T t : targets) {
            try {
                event.accept(t);
            } catch (RuntimeException e) {
                log.warn("VideoObserver {} threw; ignored", t.getClass().getName(), e);
            }
        }
    }
}
