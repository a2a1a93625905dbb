package dev.videogen4j.cli;

import dev.videogen4j.Durations;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobStore;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code videogen4j await ID}: waits for a job submitted earlier (by {@code submit}, another run, another instance)
 * and prints its result and cost, like {@code generate}. A job that already ended answers at once from the store.
 *
 * <pre>{@code
 * $ videogen4j await 0b9e6f1c-5d0e-4a6b-9a51-2f7c1f0f4a11 --timeout 5m
 * }</pre>
 */
@Command(name = "await", description = "Wait for a submitted job (by its id from `videogen4j jobs`, or its handle) and "
        + "print its result and cost.")
final class AwaitCommand extends CliCommand {
    @Parameters(paramLabel = "ID", description = "The job's record id, or its handle (provider:model:vendor-id).")
    String id;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
            description = "How long to wait (e.g. 90s, 10m). Default: ${DEFAULT-VALUE}.")
    String timeout;

    @Override
    protected int run() {
        Duration wait = Durations.parse("--timeout", timeout);
        try (JobStore store = JobStores.open(runtime()); Session session = openSession()) {
            JobRecord record = JobStores.find(store, id);
            if (record.jobId().isEmpty()) {
                ShowJobCommand.print(out(), record, runtime().clock().instant());
                err().println("await: job " + record.id() + " is " + record.state() + " and has no handle yet: the vendor's "
                        + "answer to its submit never came. It is settled when its webhook arrives (or, on Runware, "
                        + "by a worker polling its taskUUID).");
                return 1;
            }
            VideoClient client = session.client(session.defaultRouting(), b -> b.jobStore(store));
            VideoResult result = runtime().await(client.awaitAsync(record.jobId().get(), wait));
            out().println("job       " + record.id());
            out().println("handle    " + result.jobId());
            out().println("video     " + result.video().url());
            out().println("cost      " + Format.cost(result.cost()));
            out().println("timings   queue " + Format.seconds(result.timings().queue()) + ", run "
                    + Format.seconds(result.timings().run()) + ", total " + Format.seconds(result.timings().total()));
        }
        return 0;
    }
}
