package dev.videogen4j.cli;

import dev.videogen4j.VideoClient;
import dev.videogen4j.Workflow;
import dev.videogen4j.spi.ModelCapabilities;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code videogen4j models}: the capability matrix — what every provider/model accepts and costs. A price read from
 * its source more than 90 days ago (or never dated) is marked {@code *} as possibly stale.
 *
 * <pre>{@code
 * $ videogen4j models --provider fal --workflow i2v
 * $ videogen4j models --markdown > matrix.md
 * $ videogen4j models --json            # every field of every entry, wire mapping and sources included
 * }</pre>
 */
@Command(name = "models", description = "Show the capability matrix: what every provider/model accepts and costs.")
final class ModelsCommand extends CliCommand {
    @Option(names = "--provider", paramLabel = "ID", description = "Only this provider's models.")
    String provider;

    @Option(names = "--workflow", paramLabel = "t2v|i2v", description = "Only models that do this workflow.")
    String workflow;

    @Option(names = "--markdown", description = "Print a Markdown table (as in the README).")
    boolean markdown;

    @Option(names = "--json", description = "Print the whole catalog as JSON: every field, the wire mapping, sources and dates.")
    boolean json;

    @Override
    protected int run() {
        Workflow w = workflow == null ? null : Workflow.parse(workflow);
        LocalDate today = LocalDate.now(runtime().clock());
        try (Session session = openSession()) {
            VideoClient client = session.client(session.defaultRouting(), b -> { });
            List<ModelCapabilities> rows = client.capabilities().models().stream()
                    .filter(m -> provider == null || m.providerId().equals(provider))
                    .filter(m -> w == null || m.supports(w)).collect(Collectors.toList());
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("no models" + (provider == null ? "" : " of provider '" + provider + "'")
                        + (w == null ? "" : " doing " + w.shortName()) + " (providers in use: "
                        + String.join(", ", client.providers()) + ")");
            }
            if (json) {
                out().println(JsonText.of(CatalogJson.of(rows, today)));
            } else if (markdown) {
                out().print(MatrixMarkdown.of(rows, today));
            } else {
                out().print(table(rows, today));
                if (rows.stream().anyMatch(m -> m.pricing().possiblyStale(today))) {
                    out().println("* price read from its source more than 90 days ago, or undated: possibly stale");
                }
            }
        }
        return 0;
    }

    private static TextTable table(List<ModelCapabilities> rows, LocalDate today) {
        TextTable t = new TextTable("provider", "model", "family", "workflows", "durations", "sizes", "frames", "cfg",
                "USD/s", "audio", "resolutions", "checked");
        for (ModelCapabilities m : rows) {
            t.row(m.providerId(), m.id(), m.family(),
                    m.workflows().stream().map(Workflow::shortName).sorted().collect(Collectors.joining(",")),
                    m.durations().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    MatrixMarkdown.sizes(m, ","), MatrixMarkdown.frames(m),
                    m.cfgScale() == null ? "-" : m.cfgScale().toString(),
                    (m.pricing().perSecond() == null ? (m.pricing().isKnown() ? m.pricing().describe() : "unknown")
                            : m.pricing().perSecond().stripTrailingZeros().toPlainString())
                            + (m.pricing().possiblyStale(today) ? "*" : ""),
                    m.audio().catalogName(), m.resolutions().isEmpty() ? "-" : String.join(",", m.resolutions()),
                    m.checked() == null ? "-" : m.checked().toString());
        }
        return t;
    }
}
