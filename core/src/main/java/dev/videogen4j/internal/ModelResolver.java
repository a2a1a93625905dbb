package dev.videogen4j.internal;

import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.spi.ModelCapabilities;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The engine's choice of rows for a request: the candidates, or one {@link InvalidRequestException} that says why
 * there are none. Users ask the matrix ({@link CapabilityMatrix#eligible}); routing, quotes and comparisons need
 * the reason too, so it lives here rather than as a boolean-flag method on the public matrix.
 *
 * <pre>{@code
 * List<ModelCapabilities> rows = ModelResolver.resolve(matrix, request, List.of("fal"), true);
 * }</pre>
 */
public final class ModelResolver {
    private ModelResolver() {
    }

    /**
     * The candidates for the request on these providers (all when none are given): an unknown model or a workflow
     * the model does not do fails; when {@code requireValid}, so does a request no candidate accepts as written,
     * with every violation of the first candidate.
     */
    public static List<ModelCapabilities> resolve(CapabilityMatrix matrix, VideoRequest request,
                                                  Collection<String> providers, boolean requireValid) {
        // One pass over the catalog (hundreds of rows), run for every request: the rows named, and of those the
        // ones doing the request's workflow, in catalog order.
        List<ModelCapabilities> named = new ArrayList<>(2);
        List<ModelCapabilities> doing = new ArrayList<>(2);
        for (ModelCapabilities m : matrix.models()) {
            if ((providers.isEmpty() || providers.contains(m.providerId())) && m.answersTo(request.model())) {
                named.add(m);
                if (m.supports(request.workflow())) doing.add(m);
            }
        }
        if (named.isEmpty()) {
            throw new InvalidRequestException(request.model(), List.of(new Violation("model", request.model(),
                    "a model or family of " + (providers.isEmpty() ? "the configured providers" : providers) + ": "
                            + families(matrix, providers))));
        }
        if (doing.isEmpty()) {
            throw new InvalidRequestException(request.model(), RequestValidator.violations(request, named.get(0)));
        }
        if (!requireValid) return doing;
        List<ModelCapabilities> ok = new ArrayList<>(doing.size());
        List<Violation> firstViolations = null;
        for (ModelCapabilities m : doing) {
            List<Violation> v = matrix.violations(request, m);
            if (v.isEmpty()) ok.add(m);
            else if (firstViolations == null && m == doing.get(0)) firstViolations = v;
        }
        if (ok.isEmpty()) {
            throw new InvalidRequestException(doing.get(0).id(), firstViolations);
        }
        return ok;
    }

    private static String families(CapabilityMatrix matrix, Collection<String> providers) {
        return matrix.models().stream().filter(m -> providers.isEmpty() || providers.contains(m.providerId()))
                .map(ModelCapabilities::family).collect(Collectors.toCollection(TreeSet::new)).toString();
    }
}
