package dev.videogen4j.internal;

import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.RateLimitedException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.error.UnparseableResponseException;
import dev.videogen4j.observation.CallObservation;
import dev.videogen4j.observation.ProviderCall;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.Redactor;
import dev.videogen4j.spi.RetryAfter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One provider's {@code Retry(CircuitBreaker(call))} pair. Every adapter call goes through {@link #call}: the
 * blocking adapter method runs on the call executor, waits between attempts are scheduled on the timer (no
 * thread sleeps), and what may be retried is decided here once:
 * <ul>
 *   <li>only {@link ProviderException#retryable() retryable} failures;</li>
 *   <li>a submit only when it provably did not land ({@link SubmitOutcome#REJECTED}) or when the provider
 *       de-duplicates submits, so a retry can never create a second billable job;</li>
 *   <li>never a call the open circuit refused.</li>
 * </ul>
 */
public final class ProviderResilience {
    private final String providerId;
    private final boolean deduplicatesSubmits;
    private final ResilienceSettings settings;
    // Submits and the calls that follow accepted jobs (poll, result, cancel) trip separate breakers: failing
    // submits must not stop the polls of paid jobs, nor make a finished job look lost.
    private final CircuitBreaker submitBreaker;
    private final CircuitBreaker followBreaker;
    private final Map<Operation, Retry> retries = new EnumMap<>(Operation.class);
    private final IntervalFunction backoff;
    private final ScheduledExecutorService timer;
    private final Executor calls;
    private final Clock clock;
    private final Observers observers;
    private final Redactor redactor;

    /** The executor this provider's calls run on (the client's call pool, or the application's executor). */
    Executor calls() {
        return calls;
    }

    /** @param redactor the client's: what the adapter returns or throws is scrubbed of the client's keys first */
    public ProviderResilience(String providerId, boolean deduplicatesSubmits, ResilienceSettings settings, Clock clock,
                              ScheduledExecutorService timer, Executor calls, Listeners listeners, Redactor redactor) {
        this.providerId = providerId;
        this.redactor = redactor;
        this.deduplicatesSubmits = deduplicatesSubmits;
        this.settings = settings;
        this.timer = timer;
        this.calls = calls;
        this.clock = clock;
        this.observers = listeners.observers();
        this.backoff = backoff(settings);
        this.submitBreaker = breaker(providerId, settings, clock);
        this.followBreaker = breaker(providerId + "-follow", settings, clock);
        for (Operation op : Operation.values()) {
            Retry retry = Retry.of(providerId + "-" + op.label(), RetryConfig.custom()
                    .maxAttempts(settings.maxAttempts())
                    .intervalBiFunction((IntervalBiFunction<Object>) (attempt, either) ->
                            waitMillis(attempt, either.isLeft() ? either.getLeft() : null))
                    .retryOnException(this::mayRetry)
                    .build());
            retry.getEventPublisher().onRetry(e -> listeners.onRetry(providerId, op, e.getNumberOfRetryAttempts(),
                    e.getLastThrowable(), e.getWaitInterval()));
            retries.put(op, retry);
        }
        // The submit breaker says whether the provider takes new jobs: it is the one routing and listeners see.
        submitBreaker.getEventPublisher().onStateTransition(e -> listeners.onCircuitStateChanged(providerId,
                Observers.circuitState(e.getStateTransition().getFromState().name()),
                Observers.circuitState(e.getStateTransition().getToState().name())));
        followBreaker.getEventPublisher().onStateTransition(e -> listeners.followCircuitChanged(providerId,
                e.getStateTransition().getFromState().name(), e.getStateTransition().getToState().name()));
    }

    private static CircuitBreaker breaker(String name, ResilienceSettings settings, Clock clock) {
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .clock(clock)
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .recordException(ProviderResilience::isProviderFault)
                .build());
    }

    // Resilience4j's exponential backoff with jitter (its randomization factor must stay below 1).
    private static IntervalFunction backoff(ResilienceSettings s) {
        Duration initial = s.initialBackoff().isZero() ? Duration.ofMillis(1) : s.initialBackoff();
        Duration max = s.maxBackoff().compareTo(initial) < 0 ? initial : s.maxBackoff();
        return s.jitter() <= 0 ? IntervalFunction.ofExponentialBackoff(initial, s.multiplier(), max)
                : IntervalFunction.ofExponentialRandomBackoff(initial, s.multiplier(), Math.min(s.jitter(), 0.999), max);
    }

    /** Runs one adapter call with retry and circuit breaking; the future fails with a videogen4j exception. */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> call(Operation op, Supplier<T> adapterCall) {
        Supplier<java.util.concurrent.CompletionStage<T>> attempt = () -> {
            CompletableFuture<T> f = new CompletableFuture<>();
            try {
                // On the caller's own thread when it waits in a blocking call (CallerRuns), else on the executor.
                CallerRuns.execute(calls, () -> {
                    try {
                        // Scrubbed before retries, breakers, listeners, logs or the job store see it.
                        f.complete(redactor.around(adapterCall));
                    } catch (Throwable t) {
                        f.completeExceptionally(redactor.redact(t));
                    }
                });
            } catch (RuntimeException rejected) {
                f.completeExceptionally(rejected);
            }
            return f;
        };
        CircuitBreaker breaker = op == Operation.SUBMIT ? submitBreaker : followBreaker;
        Supplier<java.util.concurrent.CompletionStage<T>> guarded = observed(op,
                CircuitBreaker.decorateCompletionStage(breaker, attempt));
        CompletableFuture<T> out = new CompletableFuture<>();
        Retry.decorateCompletionStage(retries.get(op), timer, guarded).get().whenComplete((v, t) -> {
            if (t == null) out.complete(v);
            else out.completeExceptionally(translate(op, Futures.unwrap(t)));
        });
        return out;
    }

    /** The redactor of the client's keys, for bookkeeping that must see an adapter's failure before {@link #call} ends. */
    public Redactor redactor() {
        return redactor;
    }

    /** The state of the breaker that guards submits (whether the provider takes new jobs). */
    public dev.videogen4j.observation.CircuitState circuitState() {
        return Observers.circuitState(submitBreaker.getState().name());
    }

    /**
     * Each attempt, a refused one included, is one observed provider call. Without observers the attempt is left
     * as it is: no call, clock reading or end is built for nobody (a job's calls made some 250 bytes each).
     */
    private <T> Supplier<java.util.concurrent.CompletionStage<T>> observed(
            Operation op, Supplier<java.util.concurrent.CompletionStage<T>> guarded) {
        if (!observers.any()) return guarded;
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        return () -> {
            java.time.Instant start = clock.instant();
            CallObservation seen = observers.callStarted(new ProviderCall(providerId, op, attempts.incrementAndGet()));
            java.util.concurrent.CompletionStage<T> stage;
            try {
                stage = guarded.get();
            } catch (RuntimeException e) {
                seen.ended(Observers.callEnd(translate(op, e), e instanceof CallNotPermittedException, since(start)));
                throw e;
            }
            return stage.whenComplete((v, t) -> {
                Throwable e = t == null ? null : Futures.unwrap(t);
                seen.ended(Observers.callEnd(e == null ? null : translate(op, e), e instanceof CallNotPermittedException,
                        since(start)));
            });
        };
    }

    private Duration since(java.time.Instant start) {
        Duration d = Duration.between(start, clock.instant());
        return d.isNegative() ? Duration.ZERO : d;
    }

    private boolean mayRetry(Throwable t) {
        if (!(t instanceof ProviderException)) return false;
        ProviderException e = (ProviderException) t;
        if (!e.retryable()) return false;
        return e.submitOutcome() != SubmitOutcome.UNKNOWN || deduplicatesSubmits;
    }

    private long waitMillis(int attempt, Throwable failure) {
        // A vendor's Retry-After is honoured up to our ceiling; 0, negative or absent falls back to our back-off.
        long after = RetryAfter.clampMillis(retryAfter(failure), settings.maxRetryAfter());
        if (after > 0) return after;
        return Math.max(1, backoff.apply(attempt));
    }

    /** The provider's {@code Retry-After}: a 429's, or a 503's (RFC 9110 allows it on both). */
    private static Duration retryAfter(Throwable failure) {
        if (failure instanceof RateLimitedException) return ((RateLimitedException) failure).retryAfter().orElse(null);
        if (failure instanceof ProviderUnavailableException) {
            return ((ProviderUnavailableException) failure).retryAfter().orElse(null);
        }
        return null;
    }

    private Throwable translate(Operation op, Throwable t) {
        if (t instanceof CallNotPermittedException) {
            return new ProviderUnavailableException(new ProviderException.Details(providerId, op, 0,
                    "circuit breaker for " + providerId + " is open after repeated failures; " + op.label()
                            + " not sent (it retries after " + settings.openDuration().toSeconds() + " s)",
                    null, "circuit_open", true,
                    op == Operation.SUBMIT ? SubmitOutcome.REJECTED : SubmitOutcome.NOT_A_SUBMIT, t), true);
        }
        return t;
    }

    private static boolean isProviderFault(Throwable t) {
        return t instanceof ProviderUnavailableException || t instanceof UnparseableResponseException;
    }

}
