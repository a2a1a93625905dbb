package dev.videogen4j.cli;

import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobRecordJson;
import dev.videogen4j.jobs.JobStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code videogen4j jobs show ID}: one job record, every field, by its id or its handle.
 *
 * <pre>{@code
 * $ videogen4j jobs show 0b9e6f1c-5d0e-4a6b-9a51-2f7c1f0f4a11
 * $ videogen4j jobs show runware:klingai:6@0:0b9e6f1c-... --json
 * }</pre>
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print one job record, every field: by its id (from `videogen4j jobs`) or its handle.")
final class ShowJobCommand implements Callable<Integer> {
    @ParentCommand
    JobsCommand jobs;

    @Parameters(paramLabel = "ID", description = "The record's id, or the job's handle (provider:model:vendor-id).")
    String id;

    @Option(names = "--json", description = "The record as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = jobs.out();
        try (JobStore store = JobStores.open(jobs.runtime())) {
            JobRecord r = JobStores.find(store, id);
            if (json) {
                out.println(JobRecordJson.write(r));
            } else {
                print(out, r, jobs.runtime().clock().instant());
            }
        }
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, JobRecord r, java.time.Instant now) {
        out.println("id          " + r.id());
        out.println("provider    " + r.providerId());
        out.println("model       " + r.model());
        out.println("state       " + r.state());
        out.println("handle      " + r.jobId().map(Object::toString).orElse("(none yet: the vendor's answer never came)"));
        out.println("submission  " + r.submissionId());
        out.println("prompt      " + Format.oneLine(r.request().prompt()));
        out.println("quoted      " + Format.usd(r.quotedCost()));
        out.println("cost        " + Format.cost(r.actualCost()));
        var t = r.timings(now);
        out.println("timings     queue " + Format.seconds(t.queue()) + ", run " + Format.seconds(t.run())
                + ", total " + Format.seconds(t.total()));
        out.println("created     " + r.createdAt());
        out.println("attempts    " + r.attempts());
        r.videos().forEach(v -> out.println("video       " + v.url()));
        if (r.lastError() != null) {
            out.println("last error  " + Format.oneLine(r.lastError()));
        }
        out.println("version     " + r.version());
    }
}
