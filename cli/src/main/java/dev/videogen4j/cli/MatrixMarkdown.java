package dev.videogen4j.cli;

import dev.videogen4j.Workflow;
import dev.videogen4j.spi.ModelCapabilities;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The capability matrix as the README's Markdown table ({@code videogen4j models --markdown}): provider, model,
 * family, workflows, durations, sizes, resolutions, audio, frames, price (marked when read more than 90 days before
 * {@code today}) and the source with its date. Rendering is the command's business, not the library's.
 *
 * <pre>{@code
 * out.print(MatrixMarkdown.of(client.capabilities().models(), LocalDate.now()));
 * }</pre>
 */
final class MatrixMarkdown {
    private MatrixMarkdown() {
    }

    static String of(List<ModelCapabilities> models, LocalDate today) {
        StringBuilder b = new StringBuilder("| provider | model | family | workflows | durations (s) | sizes | resolutions"
                + " | audio | frame images | USD | source (checked) |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ModelCapabilities m : models) {
            b.append("| ").append(m.providerId()).append(" | `").append(m.id()).append("` | ").append(m.family())
                    .append(" | ").append(m.workflows().stream().map(Workflow::shortName).sorted().collect(Collectors.joining(", ")))
                    .append(" | ").append(m.durations().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(" | ").append(sizes(m, ", "))
                    .append(" | ").append(m.resolutions().isEmpty() ? "-" : String.join(", ", m.resolutions()))
                    .append(" | ").append(m.audio().catalogName())
                    .append(" | ").append(frames(m))
                    .append(" | ").append(m.pricing().describe())
                    .append(m.pricing().possiblyStale(today) ? " (possibly stale: " + (m.pricing().asOf() == null ? "undated"
                            : "read " + m.pricing().asOf()) + ")" : "")
                    .append(" | ").append(m.source() == null ? "-" : m.source())
                    .append(m.checked() == null ? "" : " (" + m.checked() + ")")
                    .append(" |\n");
        }
        return b.toString();
    }

    /** Fixed dimensions, else aspect ratios, else "from image" (the size follows the input image). */
    static String sizes(ModelCapabilities m, String separator) {
        if (!m.dimensions().isEmpty()) {
            return m.dimensions().stream().map(Object::toString).collect(Collectors.joining(separator));
        }
        return m.aspectRatios().isEmpty() ? "from image" : String.join(separator, m.aspectRatios());
    }

    /** The frame images the model takes, e.g. {@code first+last}. */
    static String frames(ModelCapabilities m) {
        return m.frameImages().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining("+"));
    }
}
