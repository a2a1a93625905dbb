package dev.videogen4j.cli;

import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobStore;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code videogen4j submit}: the same request as {@code generate}, but it returns as soon as the job's record is
 * written and the vendor accepted the job, printing the record id and the handle. {@code await}, {@code jobs} and
 * {@code worker} carry on from the job store, in this run or a later one. A submit whose answer never came prints
 * its uncertain record instead (exit 1): the job may exist and is never submitted twice.
 *
 * <pre>{@code
 * $ videogen4j submit --prompt "A lighthouse at dusk" --image https://example.com/first.jpg
 * job     0b9e6f1c-5d0e-4a6b-9a51-2f7c1f0f4a11
 * handle  runware:klingai:6@0:7d1d2f4e-...
 * $ videogen4j await 0b9e6f1c-5d0e-4a6b-9a51-2f7c1f0f4a11
 * }</pre>
 */
@Command(name = "submit", description = "Submit one video job and print its id and handle as soon as the vendor "
        + "accepted it; `videogen4j await ID` or a `videogen4j worker` finishes it.")
final class SubmitCommand extends CliCommand {
    @Mixin
    RequestOptions request = new RequestOptions();

    @Mixin
    RouteOptions route = new RouteOptions();

    @Option(names = "--webhook-url", paramLabel = "URL",
            description = "Where the vendor posts the result (a `videogen4j worker --webhook-port` endpoint).")
    String webhookUrl;

    @Override
    protected int run() {
        route.requireAtMostOne();
        VideoRequest r = request.toRequest();
        if (webhookUrl != null) {
            r = r instanceof ImageToVideoRequest i ? i.toBuilder().webhookUrl(webhookUrl).build()
                    : ((TextToVideoRequest) r).toBuilder().webhookUrl(webhookUrl).build();
        }
        try (JobStore store = JobStores.open(runtime()); Session session = openSession()) {
            String policy = route.policy(session);
            VideoClient client = session.client(policy, b -> b.jobStore(store));
            try {
                VideoJob job = runtime().await(client.submitAsync(r));
                Optional<JobRecord> record = store.findByNativeJobId(job.providerId(), job.jobId().nativeJobId());
                out().println("job     " + record.map(JobRecord::id).orElse("-"));
                out().println("handle  " + job.jobId());
                out().println("state   " + record.map(x -> x.state().name()).orElse("ACCEPTED"));
                out().println("quoted  " + Format.usd(record.map(JobRecord::quotedCost).orElse(null)));
                return 0;
            } catch (SubmissionUncertainException e) {
                err().println("submit: " + Format.oneLine(e.getMessage()));
                e.recordId().flatMap(store::get).ifPresent(x -> ShowJobCommand.print(out(), x, runtime().clock().instant()));
                return 1;
            }
        }
    }
}
