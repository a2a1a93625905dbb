package dev.videogen4j.cli;

import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobRecordJson;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.jobs.RecordState;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code videogen4j jobs}: the job records in the job store, one row each, newest last; {@code jobs show ID} prints one
 * record whole. Reads the store only: nothing is sent to a vendor.
 *
 * <pre>{@code
 * $ videogen4j jobs --state RUNNING,UNCERTAIN
 * $ videogen4j jobs --json > jobs.json
 * $ videogen4j jobs show 0b9e6f1c-...
 * }</pre>
 */
@Command(name = "jobs", description = "List the job records in the job store (VIDEOGEN4J_JOB_STORE, default "
        + "~/.videogen4j/jobs): id, provider, model, state, quoted price, cost, timings.",
        subcommands = ShowJobCommand.class)
final class JobsCommand extends CliCommand {
    @Option(names = "--state", paramLabel = "STATE", split = ",",
            description = "Only records in these states: ${COMPLETION-CANDIDATES}.")
    Set<RecordState> states;

    @Option(names = "--json", description = "One JSON object per record (every field), as a JSON array.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "At most this many records, oldest first. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Override
    protected int run() {
        if (limit < 1) throw new IllegalArgumentException("--limit must be at least 1: " + limit);
        try (JobStore store = JobStores.open(runtime())) {
            List<JobRecord> records = store.findByState(states == null || states.isEmpty()
                    ? EnumSet.allOf(RecordState.class) : EnumSet.copyOf(states), limit);
            if (json) {
                out().println(records.stream().map(JobRecordJson::write).collect(Collectors.joining(",\n", "[", "]")));
                return 0;
            }
            Instant now = runtime().clock().instant();
            TextTable table = new TextTable("id", "provider", "model", "state", "quoted", "cost", "queue", "run", "total");
            for (JobRecord r : records) {
                var t = r.timings(now);
                table.row(r.id(), r.providerId(), r.model(), r.state(), Format.usd(r.quotedCost()), Format.cost(r.actualCost()),
                        Format.seconds(t.queue()), Format.seconds(t.run()), Format.seconds(t.total()));
            }
            out().print(table);
            out().println(records.size() + " job" + (records.size() == 1 ? "" : "s") + " in " + JobStores.shown(runtime()));
        }
        return 0;
    }
}
