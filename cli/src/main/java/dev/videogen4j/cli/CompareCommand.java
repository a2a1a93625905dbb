package dev.videogen4j.cli;

import dev.videogen4j.Durations;
import dev.videogen4j.Comparison;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code videogen4j compare}: runs the same request on every provider/model that can serve it, all at once,
 * and prints them side by side — quoted price, reported cost, queue, run and total time, outcome, video — after
 * showing every job's progress on stderr. On the real vendors every row is a paid job.
 *
 * <pre>{@code
 * $ videogen4j compare --model kling-2.5-turbo-standard --prompt "A lighthouse at dusk" --image https://example.com/a.jpg
 * $ videogen4j compare --prompt "A lighthouse at dusk" --image https://example.com/a.jpg --json
 * }</pre>
 *
 * <p>Exits 1 when no row succeeded.
 */
@Command(name = "compare", description = "Run the request on every eligible provider/model at once and compare them.")
final class CompareCommand extends CliCommand {
    @Mixin
    RequestOptions request = new RequestOptions();

    @Option(names = "--provider", paramLabel = "ID", split = ",", description = "Only these providers (default: all in use).")
    List<String> providers = new ArrayList<>();

    @Option(names = "--json", description = "Print the rows as JSON instead of a table.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
            description = "How long to wait for every row (e.g. 90s, 10m). Default: ${DEFAULT-VALUE}.")
    String timeout;

    @Override
    protected int run() {
        VideoRequest r = request.toRequest();
        Duration wait = Durations.parse("--timeout", timeout);
        try (Session session = openSession()) {
            // Named providers become the routing, so one without a key fails as in generate: "needs an API key".
            String routing = providers.isEmpty() ? session.defaultRouting() : "fallback:" + String.join(",", providers);
            ProgressListener progress = ProgressListener.labelled(err(), runtime().clock(), runtime().scheduler());
            try {
                VideoClient client = session.client(routing, b -> b.listener(progress));
                request.requireImageWhereNeeded(client.capabilities());
                Comparison c = runtime().await(client.compareAsync(r, providers, wait));
                out().print(json ? JsonText.of(rows(c)) + System.lineSeparator() : table(c));
                return c.rows().stream().anyMatch(Comparison.Row::succeeded) ? 0 : 1;
            } finally {
                progress.stop();
            }
        }
    }

    private static TextTable table(Comparison c) {
        TextTable t = new TextTable("provider", "model", "family", "quoted", "cost", "queue", "run", "total", "outcome", "video");
        for (Comparison.Row row : c.rows()) {
            t.row(row.providerId(), row.model(), row.family(), Format.usd(row.quotedPrice()), Format.cost(row.cost()),
                    Format.seconds(row.queue()), Format.seconds(row.run()), Format.seconds(row.total()),
                    Format.oneLine(row.outcome()), row.videoUrl());
        }
        return t;
    }

    private static List<Map<String, Object>> rows(Comparison c) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Comparison.Row row : c.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("provider", row.providerId());
            m.put("model", row.model());
            m.put("family", row.family());
            m.put("quotedPrice", row.quotedPrice());
            m.put("cost", row.cost().amount().orElse(null));
            m.put("costSource", row.cost().source().name().toLowerCase(java.util.Locale.ROOT));
            m.put("queueMillis", row.queue().toMillis());
            m.put("runMillis", row.run().toMillis());
            m.put("totalMillis", row.total().toMillis());
            m.put("outcome", row.outcome());
            m.put("videoUrl", row.videoUrl());
            m.put("jobId", row.jobId() == null ? null : row.jobId().toString());
            out.add(m);
        }
        return out;
    }
}
