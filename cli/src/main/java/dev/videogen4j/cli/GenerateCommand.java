package dev.videogen4j.cli;

import dev.videogen4j.Durations;
import dev.videogen4j.Attempt;
import dev.videogen4j.HttpPreview;
import dev.videogen4j.Quote;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.VideoResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code videogen4j generate}: submits one request, shows its progress on stderr, prints the result and its
 * cost, and downloads the video with {@code --out}. {@code --dry-run} prints the exact request and the quote
 * instead, sending nothing.
 *
 * <pre>{@code
 * $ videogen4j generate --provider fal --model kling-2.5-turbo-standard --prompt "A lighthouse at dusk" \
 *       --image https://example.com/first.jpg --duration 5 --out lighthouse.mp4
 * $ videogen4j generate --provider runware --prompt "A lighthouse at dusk" --image first.png --dry-run
 * }</pre>
 */
@Command(name = "generate", description = "Generate one video: progress on stderr, the result and its cost on stdout.")
final class GenerateCommand extends CliCommand {
    /** The job succeeded; only saving its video to {@code --out} failed. */
    static final int EXIT_SAVE_FAILED = 3;

    @Mixin
    RequestOptions request = new RequestOptions();

    @Mixin
    RouteOptions route = new RouteOptions();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Download the video to this file. Exit code 3 when only this fails (the job succeeded).")
    Path out;

    @Option(names = "--dry-run", description = "Print the exact HTTP request and the quote; send nothing.")
    boolean dryRun;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
            description = "How long to wait for the video (e.g. 90s, 10m). Default: ${DEFAULT-VALUE}.")
    String timeout;

    @Override
    protected int run() {
        route.requireAtMostOne();
        VideoRequest r = request.toRequest();
        Duration wait = Durations.parse("--timeout", timeout);
        try (Session session = openSession()) {
            String policy = route.policy(session);
            if (dryRun) {
                VideoClient client = session.client(policy, b -> { });
                request.requireImageWhereNeeded(client.capabilities());
                dryRun(client, r);
                return 0;
            }
            ProgressListener progress = new ProgressListener(err(), runtime().clock(), runtime().scheduler());
            VideoResult result;
            try {
                VideoClient client = session.client(policy, b -> b.listener(progress));
                request.requireImageWhereNeeded(client.capabilities());
                result = runtime().await(client.generateAsync(r, wait));
            } finally {
                progress.stop();
            }
            print(result);
            return out == null ? 0 : save(result);
        }
    }

    // The job is done and paid for by now: a failed download must not read as a failed job or a wrong command line.
    private int save(VideoResult result) {
        try {
            long bytes = Downloads.save(result.video().url(), out);
            out().println("saved     " + out + " (" + bytes + " bytes)");
            return 0;
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            err().println(spec.qualifiedName() + ": the job succeeded (" + result.jobId() + ") and its video is at "
                    + result.video().url() + ", but saving it to " + out + " failed: "
                    + Format.oneLine(e.getClass().getSimpleName() + ": " + e.getMessage()));
            if (verbose()) e.printStackTrace(err());
            return EXIT_SAVE_FAILED;
        }
    }

    private void dryRun(VideoClient client, VideoRequest r) {
        HttpPreview p = client.preview(r);
        out().println("# dry run: nothing was sent (" + p.providerId() + " " + p.model() + ")");
        out().println(p.method() + " " + p.url());
        p.headers().forEach((name, value) -> out().println(name + ": " + value));
        out().println();
        out().println(p.body());
        out().println();
        Quote.Line line = client.quote(r).lines().stream()
                .filter(l -> l.providerId().equals(p.providerId()) && l.model().equals(p.model())).findFirst().orElse(null);
        out().println("# quote: " + (line == null ? "unknown"
                : Format.usd(line.price().orElse(null)) + " (" + line.seconds() + " s x "
                + (line.pricePerSecond() == null ? "unknown" : Format.usd(line.pricePerSecond())) + "/s; " + line.source() + ")"));
    }

    private void print(VideoResult r) {
        out().println("provider  " + r.providerId());
        out().println("model     " + r.model());
        out().println("job       " + r.jobId());
        out().println("video     " + r.video().url());
        out().println("cost      " + Format.cost(r.cost()));
        if (r.attempts().size() > 1) out().println("total     " + Format.cost(r.totalCost()) + " (every attempt)");
        out().println("timings   queue " + Format.seconds(r.timings().queue()) + ", run " + Format.seconds(r.timings().run())
                + ", total " + Format.seconds(r.timings().total()));
        out().println("attempts  " + r.attempts().stream().map(GenerateCommand::attempt).collect(Collectors.joining("; ")));
    }

    private static String attempt(Attempt a) {
        return a.providerId() + " " + a.model() + ": " + Format.oneLine(a.describe()) + " (cost " + Format.cost(a.cost()) + ")";
    }
}
