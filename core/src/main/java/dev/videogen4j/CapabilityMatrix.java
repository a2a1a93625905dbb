package dev.videogen4j;

import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.internal.RequestValidator;
import dev.videogen4j.spi.ModelCapabilities;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What every configured provider/model accepts and costs, and the rules a request is checked against before any
 * HTTP call. Rows come from the adapters' bundled catalogs, overridden by the user's own file.
 *
 * <pre>{@code
 * CapabilityMatrix matrix = client.capabilities();
 * List<ModelCapabilities> who = matrix.eligible(request);          // can serve it as written
 * List<Violation> problems = matrix.violations(request, who.get(0));
 * System.out.println(matrix.toMarkdown());                         // the README's table
 * }</pre>
 */
public final class CapabilityMatrix {
    private final List<ModelCapabilities> models;

    private CapabilityMatrix(List<ModelCapabilities> models) {
        this.models = List.copyOf(models);
    }

    public static CapabilityMatrix of(Collection<ModelCapabilities> models) {
        return new CapabilityMatrix(new ArrayList<>(models));
    }

    /** This matrix with {@code overrides} replacing rows of the same provider and id, and adding new ones. */
    public CapabilityMatrix withOverrides(Collection<ModelCapabilities> overrides) {
        Map<String, ModelCapabilities> rows = new LinkedHashMap<>();
        models.forEach(m -> rows.put(m.providerId() + "\n" + m.id(), m));
        overrides.forEach(m -> rows.put(m.providerId() + "\n" + m.id(), m));
        return new CapabilityMatrix(new ArrayList<>(rows.values()));
    }

    public List<ModelCapabilities> models() {
        return models;
    }

    public List<ModelCapabilities> models(String provider) {
        return models.stream().filter(m -> m.providerId().equals(provider)).collect(Collectors.toList());
    }

    public Optional<ModelCapabilities> model(String provider, String id) {
        return models.stream().filter(m -> m.providerId().equals(provider) && m.id().equals(id)).findFirst();
    }

    /**
     * The rows the request's model names (by native id or family) that do the request's workflow, on the given
     * providers (all when none are given), in matrix order. Whether the other options fit is not checked.
     */
    public List<ModelCapabilities> candidates(VideoRequest request, Collection<String> providers) {
        return models.stream()
                .filter(m -> providers.isEmpty() || providers.contains(m.providerId()))
                .filter(m -> m.answersTo(request.model()) && m.supports(request.workflow()))
                .collect(Collectors.toList());
    }

    /** The candidates that accept the request exactly as written. */
    public List<ModelCapabilities> eligible(VideoRequest request, Collection<String> providers) {
        return candidates(request, providers).stream().filter(m -> violations(request, m).isEmpty())
                .collect(Collectors.toList());
    }

    public List<ModelCapabilities> eligible(VideoRequest request) {
        return eligible(request, List.of());
    }

    /** Every reason {@code model} cannot serve {@code request}; empty when it can. */
    public List<Violation> violations(VideoRequest request, ModelCapabilities model) {
        return RequestValidator.violations(request, model);
    }

    /**
     * The candidates for the request on these providers, or an {@link InvalidRequestException} that says why
     * there are none: an unknown model, a workflow the model does not do, or (when {@code requireValid}) every
     * violation of the first candidate.
     */
    public List<ModelCapabilities> resolve(VideoRequest request, Collection<String> providers, boolean requireValid) {
        List<ModelCapabilities> named = models.stream()
                .filter(m -> providers.isEmpty() || providers.contains(m.providerId()))
                .filter(m -> m.answersTo(request.model())).collect(Collectors.toList());
        if (named.isEmpty()) {
            throw new InvalidRequestException(request.model(), List.of(new Violation("model", request.model(),
                    "a model or family of " + (providers.isEmpty() ? "the configured providers" : providers) + ": "
                            + families(providers))));
        }
        List<ModelCapabilities> doing = candidates(request, providers);
        if (doing.isEmpty()) {
            throw new InvalidRequestException(request.model(), RequestValidator.violations(request, named.get(0)));
        }
        if (!requireValid) return doing;
        List<ModelCapabilities> ok = doing.stream().filter(m -> violations(request, m).isEmpty()).collect(Collectors.toList());
        if (ok.isEmpty()) {
            ModelCapabilities first = doing.get(0);
            throw new InvalidRequestException(first.id(), violations(request, first));
        }
        return ok;
    }

    private String families(Collection<String> providers) {
        return models.stream().filter(m -> providers.isEmpty() || providers.contains(m.providerId()))
                .map(ModelCapabilities::family).collect(Collectors.toCollection(TreeSet::new)).toString();
    }

    /** The matrix as a Markdown table, prices read over 90 days before today marked possibly stale. */
    public String toMarkdown() {
        return toMarkdown(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /**
     * The matrix as a Markdown table: provider, model, family, workflows, durations, sizes, resolutions, audio,
     * frames, price (marked when read more than 90 days before {@code today}) and the source with its date.
     */
    public String toMarkdown(java.time.LocalDate today) {
        StringBuilder b = new StringBuilder("| provider | model | family | workflows | durations (s) | sizes | resolutions"
                + " | audio | frame images | USD | source (checked) |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ModelCapabilities m : models) {
            b.append("| ").append(m.providerId()).append(" | `").append(m.id()).append("` | ").append(m.family())
                    .append(" | ").append(m.workflows().stream().map(Workflow::shortName).sorted().collect(Collectors.joining(", ")))
                    .append(" | ").append(m.durations().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(" | ").append(sizes(m))
                    .append(" | ").append(m.resolutions().isEmpty() ? "-" : String.join(", ", m.resolutions()))
                    .append(" | ").append(m.audio().catalogName())
                    .append(" | ").append(m.frameImages().stream().map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).sorted()
                            .collect(Collectors.joining("+")))
                    .append(" | ").append(m.pricing().describe())
                    .append(m.pricing().possiblyStale(today) ? " (possibly stale: " + (m.pricing().asOf() == null ? "undated"
                            : "read " + m.pricing().asOf()) + ")" : "")
                    .append(" | ").append(m.source() == null ? "-" : m.source())
                    .append(m.checked() == null ? "" : " (" + m.checked() + ")")
                    .append(" |\n");
        }
        return b.toString();
    }

    private static String sizes(ModelCapabilities m) {
        if (!m.dimensions().isEmpty()) {
            return m.dimensions().stream().map(Object::toString).collect(Collectors.joining(", "));
        }
        return m.aspectRatios().isEmpty() ? "from image" : String.join(", ", m.aspectRatios());
    }

    /**
     * The price of a request on one model — per video or per second, by resolution class and audio, times the
     * number of results — or empty when the model's price is undocumented for it. An unset {@code generateAudio}
     * is priced as the model's default, and as on when the vendor does not document the default.
     */
    public static Optional<BigDecimal> price(VideoRequest request, ModelCapabilities m) {
        boolean audio = request.generateAudio() != null ? request.generateAudio() : m.audio().assumedOn();
        int duration = request.durationSeconds() != null ? request.durationSeconds() : m.defaultDuration();
        return m.pricing().price(m.resolutionFor(request), audio && m.audio() != dev.videogen4j.spi.Audio.NONE, duration)
                .map(p -> p.multiply(BigDecimal.valueOf(request.resultCount())));
    }

    /** Duration (or the model's default) × number of results. */
    public static int billedSeconds(VideoRequest request, ModelCapabilities m) {
        int duration = request.durationSeconds() != null ? request.durationSeconds() : m.defaultDuration();
        return duration * request.resultCount();
    }
}
