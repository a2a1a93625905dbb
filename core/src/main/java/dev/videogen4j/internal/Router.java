package dev.videogen4j.internal;

import dev.videogen4j.Attempt;
import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.ContentPolicyException;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.spi.ModelCapabilities;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Orders the provider/models that can serve a request under the routing policy, and walks them on submit. It
 * moves to the next one only when the previous provably did not take the job (its submit was REJECTED, or its
 * circuit is open) and the reason is the provider's, not the request's: never after an UNKNOWN submit (that
 * could pay twice), never on a validation or content-policy error (the next provider would refuse it too).
 */
public final class Router {
    private final RoutingPolicy policy;
    private final CapabilityMatrix matrix;
    private final LatencyTracker latency;

    public Router(RoutingPolicy policy, CapabilityMatrix matrix, LatencyTracker latency) {
        this.policy = policy;
        this.matrix = matrix;
        this.latency = latency;
    }

    public RoutingPolicy policy() {
        return policy;
    }

    /** The eligible provider/models in the order they will be tried. @throws InvalidRequestException if none */
    public List<ModelCapabilities> plan(VideoRequest request) {
        List<ModelCapabilities> ok = matrix.resolve(request, policy.providers(), true);
        List<ModelCapabilities> ordered = new ArrayList<>(ok);
        switch (policy.kind()) {
            case SINGLE:
                return List.of(ordered.get(0));
            case FALLBACK:
                ordered.sort(Comparator.comparingInt(m -> policy.providers().indexOf(m.provider())));
                return ordered;
            case CHEAPEST:
                ordered.sort(Comparator.comparing((ModelCapabilities m) ->
                        CapabilityMatrix.price(request, m).orElse(BigDecimal.valueOf(Long.MAX_VALUE))));
                return ordered;
            default:
                ordered.sort(Comparator.comparing((ModelCapabilities m) ->
                        latency.estimate(m.provider(), m.id()).orElse(Duration.ofDays(1))));
                return ordered;
        }
    }

    /** Submits to the first candidate that takes the job, recording every attempt. */
    public CompletableFuture<VideoJob> submit(VideoRequest request, JobEngine engine) {
        return submit(request, plan(request), engine);
    }

    /** Submits along a given plan (what is left of one after a provider-side job failure). */
    public CompletableFuture<VideoJob> submit(VideoRequest request, List<ModelCapabilities> plan, JobEngine engine) {
        return next(request, plan, 0, new ArrayList<>(), engine);
    }

    private CompletableFuture<VideoJob> next(VideoRequest request, List<ModelCapabilities> plan, int i,
                                             List<Attempt> attempts, JobEngine engine) {
        ModelCapabilities m = plan.get(i);
        return engine.submit(request, m, attempts).handle((job, error) -> {
            if (error == null) return CompletableFuture.completedFuture(job);
            Throwable e = ProviderResilience.unwrap(error);
            if (i + 1 < plan.size() && mayFallBack(e)) {
                attempts.add(Attempt.rejected(m.provider(), m.id(), e.getMessage()));
                return next(request, plan, i + 1, attempts, engine);
            }
            return CompletableFuture.<VideoJob>failedFuture(e);
        }).thenCompose(f -> f);
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
    public List<ModelCapabilities> after(List<ModelCapabilities> plan, String provider, String model) {
        int idx = -1;
        for (int k = 0; k < plan.size(); k++) {
            if (plan.get(k).provider().equals(provider) && plan.get(k).id().equals(model)) idx = k;
        }
        return plan.subList(idx + 1, plan.size()).stream().collect(Collectors.toList());
    }
}
