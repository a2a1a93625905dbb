package dev.videogen4j;

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
import java.util.stream.Collectors;

/**
 * What every configured provider/model accepts and costs, and the rules a request is checked against before any
 * HTTP call. Rows come from the adapters' bundled catalogs, overridden by the user's own file.
 *
 * <pre>{@code
 * CapabilityMatrix matrix = client.capabilities();
 * List<ModelCapabilities> who = matrix.eligible(request);          // can serve it as written
 * List<Violation> problems = matrix.violations(request, who.get(0));
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
