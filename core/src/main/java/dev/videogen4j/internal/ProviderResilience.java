package dev.videogen4j.internal;

import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.RateLimitedException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.error.UnparseableResponseException;
import dev.videogen4j.observation.CallObservation;
import dev.videogen4j.observation.ProviderCall;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.RetryAfter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
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
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final ScheduledExecutorService timer;
    private final Executor calls;
    private final Clock clock;
    private final Observers observers;

    public ProviderResilience(String providerId, boolean deduplicatesSubmits, ResilienceSettings settings, Clock clock,
                              ScheduledExecutorService timer, Executor calls, Listeners listeners) {
        this.providerId = providerId;
        this.deduplicatesSubmits = deduplicatesSubmits;
        this.settings = settings;
        this.timer = timer;
        this.calls = calls;
        this.clock = clock;
        this.observers = listeners.observers();
        this.breaker = CircuitBreaker.of(providerId, CircuitBreakerConfig.custom()
                .clock(clock)
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .recordException(ProviderResilience::isProviderFault)
                .build());
        this.retry = Retry.of(providerId, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalBiFunction((IntervalBiFunction<Object>) (attempt, either) ->
                        waitMillis(attempt, either.isLeft() ? either.getLeft() : null))
                .retryOnException(this::mayRetry)
                .build());
        breaker.getEventPublisher().onStateTransition(e -> listeners.onCircuitStateChanged(providerId,
                e.getStateTransition().getFromState().name(), e.getStateTransition().getToState().name()));
        retry.getEventPublisher().onRetry(e -> listeners.onRetry(providerId, operationOf(e.getLastThrowable()),
                e.getNumberOfRetryAttempts(), e.getLastThrowable(), e.getWaitInterval()));
    }

    /** Runs one adapter call with retry and circuit breaking; the future fails with a videogen4j exception. */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> call(Operation op, Supplier<T> adapterCall) {
        Supplier<java.util.concurrent.CompletionStage<T>> attempt = () -> {
            CompletableFuture<T> f = new CompletableFuture<>();
            try {
                calls.execute(() -> {
                    try {
                        f.complete(adapterCall.get());
                    } catch (Throwable t) {
                        f.completeExceptionally(t);
                    }
                });
            } catch (RuntimeException rejected) {
                f.completeExceptionally(rejected);
            }
            return f;
        };
        Supplier<java.util.concurrent.CompletionStage<T>> guarded = observed(op,
                CircuitBreaker.decorateCompletionStage(breaker, attempt));
        CompletableFuture<T> out = new CompletableFuture<>();
        Retry.decorateCompletionStage(retry, timer, guarded).get().whenComplete((v, t) -> {
            if (t == null) out.complete(v);
            else out.completeExceptionally(translate(op, unwrap(t)));
        });
        return out;
    }

    public dev.videogen4j.observation.CircuitState circuitState() {
        return Observers.circuitState(breaker.getState().name());
    }

    /** Each attempt, a refused one included, is one observed provider call. */
    private <T> Supplier<java.util.concurrent.CompletionStage<T>> observed(
            Operation op, Supplier<java.util.concurrent.CompletionStage<T>> guarded) {
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
                Throwable e = t == null ? null : unwrap(t);
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
        double base = settings.initialBackoff().toMillis() * Math.pow(settings.multiplier(), Math.max(0, attempt - 1));
        double capped = Math.min(base, settings.maxBackoff().toMillis());
        double spread = capped * settings.jitter();
        return Math.max(1, Math.round(capped - spread + ThreadLocalRandom.current().nextDouble() * 2 * spread));
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
            return new ProviderUnavailableException(new ProviderException.Details(providerId, op.label(), 0,
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

    private static String operationOf(Throwable t) {
        return t instanceof ProviderException && ((ProviderException) t).operation() != null
                ? ((ProviderException) t).operation() : "call";
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
