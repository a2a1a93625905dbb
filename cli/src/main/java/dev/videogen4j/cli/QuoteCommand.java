package dev.videogen4j.cli;

import dev.videogen4j.Quote;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.Violation;
import dev.videogen4j.spi.ModelCapabilities;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code videogen4j quote}: what the request would cost on every provider/model that can serve it as written.
 * Nothing is sent to any provider.
 *
 * <pre>{@code
 * $ videogen4j quote --prompt "A lighthouse at dusk" --image https://example.com/first.jpg --duration 10
 * provider  model                                                  family                    seconds  USD/s  price  source
 * fal       fal-ai/kling-video/v2.5-turbo/standard/image-to-video  kling-2.5-turbo-standard  10       0.042  $0.42  https://fal.ai/...
 * runware   klingai:6@0                                            kling-2.5-turbo-standard  10       0.042  $0.42  https://runware.ai/...
 * }</pre>
 */
@Command(name = "quote", description = "Price the request on every provider/model that can serve it (sends nothing).")
final class QuoteCommand extends CliCommand {
    @Mixin
    RequestOptions request = new RequestOptions();

    @Override
    protected int run() {
        VideoRequest r = request.toRequest();
        try (Session session = openSession()) {
            VideoClient client = session.client(session.defaultRouting(), b -> { });
            request.requireImageWhereNeeded(client.capabilities());
            Quote quote = client.quote(r);
            java.time.LocalDate today = java.time.LocalDate.now(runtime().clock());
            TextTable t = new TextTable("provider", "model", "family", "seconds", "USD/s", "price", "source");
            for (Quote.Line l : quote.lines()) {
                t.row(l.providerId(), l.model(), l.family(), l.seconds(),
                        l.pricePerSecond() == null ? "unknown" : l.pricePerSecond().stripTrailingZeros().toPlainString(),
                        Format.usd(l.price().orElse(null)) + (l.possiblyStale(today) ? "*" : ""), l.source());
            }
            out().print(t);
            if (quote.lines().stream().anyMatch(l -> l.possiblyStale(today))) {
                out().println("* price read from its source more than 90 days ago, or undated: possibly stale");
            }
            // A model that cannot take the request as written is left out of the quote; say why, so it is not a mystery.
            for (ModelCapabilities m : client.capabilities().candidates(r, client.providers())) {
                List<Violation> v = client.capabilities().violations(r, m);
                if (!v.isEmpty()) {
                    out().println("not eligible: " + m.providerId() + " " + m.id() + ": "
                            + v.stream().map(Violation::toString).collect(Collectors.joining("; ")));
                }
            }
            quote.cheapest().ifPresent(c -> out().println("cheapest: " + c.providerId() + " " + c.model() + " "
                    + Format.usd(c.price().orElseThrow())));
        }
        return 0;
    }
}
