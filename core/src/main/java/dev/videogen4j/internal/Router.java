package dev.videogen4j.internal;

import dev.videogen4j.Attempt;
import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.JobId;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.ContentPolicyException;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.spi.ModelCapabilities;
import java.math.BigDecimal;
import dev.videogen4j.error.JobTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * All fallback, in one place. Orders the provider/models that can serve a request under the routing policy, and
 * walks them: on submit, it moves to the next one only when the previous provably did not take the job (its
 * submit was REJECTED, or its circuit is open) and the reason is the provider's, not the request's: never after an
 * UNKNOWN submit (that could pay twice), never on a validation or content-policy error (the next provider would
 * refuse it too). On {@link #generate}, a job that failed for a provider-side reason goes on to the next one too.
 */
public final class Router {
    private final RoutingPolicy policy;
    private final CapabilityMatrix matrix;
    private final LatencyTracker latency;
    private final JobEngine engine;

    public Router(RoutingPolicy policy, CapabilityMatrix matrix, LatencyTracker latency, JobEngine engine) {
        this.policy = policy;
        this.matrix = matrix;
        this.latency = latency;
        this.engine = engine;
    }

    public RoutingPolicy policy() {
        return policy;
    }

    /** The eligible provider/models in the order they will be tried. @throws InvalidRequestException if none */
    public List<ModelCapabilities> plan(VideoRequest request) {
        List<ModelCapabilities> ok = ModelResolver.resolve(matrix, request, policy.providers(), true);
        List<ModelCapabilities> ordered = new ArrayList<>(ok);
        switch (policy.kind()) {
            case SINGLE:
                return List.of(ordered.get(0));
            case FALLBACK:
                ordered.sort(Comparator.comparingInt(m -> policy.providers().indexOf(m.providerId())));
                return ordered;
            case CHEAPEST:
                ordered.sort(Comparator.comparing((ModelCapabilities m) ->
                        CapabilityMatrix.price(request, m).orElse(BigDecimal.valueOf(Long.MAX_VALUE))));
                return ordered;
            default:
                ordered.sort(Comparator.comparing((ModelCapabilities m) ->
                        latency.estimate(m.providerId(), m.id()).orElse(Duration.ofDays(1))));
                return ordered;
        }
    }

    /** Submits to the first candidate that takes the job, recording every attempt. */
    public CompletableFuture<VideoJob> submit(VideoRequest request) {
        return submit(request, plan(request));
    }

    /** Submits along a given plan (what is left of one after a provider-side job failure). */
    private CompletableFuture<VideoJob> submit(VideoRequest request, List<ModelCapabilities> plan) {
        return next(request, plan, 0, new ArrayList<>());
    }

    private CompletableFuture<VideoJob> next(VideoRequest request, List<ModelCapabilities> plan, int i,
                                             List<Attempt> attempts) {
        ModelCapabilities m = plan.get(i);
        return engine.submit(request, m, attempts).handle((job, error) -> {
            if (error == null) return CompletableFuture.completedFuture(job);
            Throwable e = Futures.unwrap(error);
            if (i + 1 < plan.size() && mayFallBack(e)) {
                attempts.add(Attempt.rejected(m.providerId(), m.id(), e.getMessage()));
                return next(request, plan, i + 1, attempts);
            }
            return CompletableFuture.<VideoJob>failedFuture(e);
        }).thenCompose(f -> f);
    }

    /** Waits for a job, learning how long its provider/model took (for the {@code fastest} policy). */
    public CompletableFuture<VideoResult> await(JobId id, Duration timeout) {
        return engine.await(id, timeout).whenComplete((r, e) -> {
            if (r != null) latency.record(r.providerId(), r.model(), r.timings().total());
        });
    }

    /**
     * Submits and waits along the plan. When the job fails for a provider-side reason and the plan lists another
     * eligible provider/model, the request goes there; the result's attempts show every step and its cost.
     */
    public CompletableFuture<VideoResult> generate(VideoRequest request, Duration timeout) {
        List<ModelCapabilities> plan = plan(request);
        Instant deadline = engine.now().plus(timeout);
        AtomicReference<VideoJob> following = new AtomicReference<>();
        // The whole call, fallbacks included, ends by its timeout: an await keeps its own deadline (and reports its
        // cancel); a submit the vendor never answers ends here.
        return engine.within(generate(request, plan, deadline, List.of(), following), timeout,
                () -> following.get() == null, () -> JobTimeoutException.beforeAccepted(plan.get(0).providerId(), timeout));
    }

    /** {@code earlier}: the attempts of jobs that failed before this part of the plan was tried. */
    private CompletableFuture<VideoResult> generate(VideoRequest request, List<ModelCapabilities> plan,
                                                    Instant deadline, List<Attempt> earlier,
                                                    AtomicReference<VideoJob> following) {
        return submit(request, plan).thenCompose(job -> {
            following.set(job);
            Duration left = Duration.between(engine.now(), deadline);
            return await(job.jobId(), left.isNegative() ? Duration.ZERO : left).handle((r, e) -> {
                if (e == null) {
                    return CompletableFuture.completedFuture(r.withAttempts(Attempts.concat(earlier,
                            Attempts.withLast(job.attempts(), a -> a.succeeded(r.cost())))));
                }
                Throwable cause = Futures.unwrap(e);
                if (!(cause instanceof JobFailedException)) return CompletableFuture.<VideoResult>failedFuture(cause);
                JobFailedException failed = (JobFailedException) cause;
                List<Attempt> tried = Attempts.concat(earlier,
                        Attempts.withLast(job.attempts(), a -> a.jobFailed(failed.getMessage())));
                List<ModelCapabilities> rest = after(plan, job.providerId(), job.model());
                // No time left: another paid job would only be cancelled at once.
                if (mayFallBackAfter(failed) && !rest.isEmpty() && engine.now().isBefore(deadline)) {
                    following.set(null);
                    return generate(request, rest, deadline, tried, following);
                }
                return CompletableFuture.<VideoResult>failedFuture(tried.size() > 1 ? failed.withAttempts(tried) : failed);
            }).thenCompose(f -> f);
        });
    }

    /**
     * Whether a job that ran and failed leaves the request free to go to the next provider: decided from the
     * adapter's {@link dev.videogen4j.spi.ErrorKind} on the FAILED status (a refused request stays refused).
     */
    static boolean mayFallBackAfter(JobFailedException failed) {
        return failed.providerSide();
    }

    /**
     * Whether a submit failure leaves the request free to go to another provider: the provider provably did not
     * take it (REJECTED), for a reason of its own. A content-policy refusal is the request's (the next provider
     * would refuse it too); a provider's validation error is an InvalidRequestException, not a ProviderException.
     * Anything else refused before processing - unavailable, rate limited, a bad key, no credit, an endpoint it
     * does not have, an unreadable error page - is the provider's.
     */
    public static boolean mayFallBack(Throwable e) {
        if (!(e instanceof ProviderException)) return false;
        ProviderException pe = (ProviderException) e;
        return pe.submitOutcome() == SubmitOutcome.REJECTED && !(pe instanceof ContentPolicyException);
    }

    /** The remaining plan after a model whose job failed provider-side. */
    private static List<ModelCapabilities> after(List<ModelCapabilities> plan, String provider, String model) {
        int idx = -1;
        for (int k = 0; k < plan.size(); k++) {
            if (plan.get(k).providerId().equals(provider) && plan.get(k).id().equals(model)) idx = k;
        }
        return plan.subList(idx + 1, plan.size()).stream().collect(Collectors.toList());
    }
}
