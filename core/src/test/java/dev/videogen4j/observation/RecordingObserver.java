package dev.videogen4j.observation;

import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes every observation as one line, seconds since the start first, so tests compare whole sequences. */
final class RecordingObserver implements VideoObserver {
    private final Clock clock;
    private final Instant start;
    final List<String> lines = new ArrayList<>();

    RecordingObserver(Clock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    private synchronized void add(String line) {
        lines.add(Duration.between(start, clock.instant()).toMillis() / 1000.0 + " " + line);
    }

    @Override
    public CallObservation callStarted(ProviderCall call) {
        String what = call.providerId() + " " + call.operation().label() + "#" + call.attempt();
        add("call " + what);
        return end -> add("end " + what + " " + end.outcome() + (end.errorKind() == null ? "" : " " + end.errorKind())
                + " " + end.duration().toMillis() + "ms");
    }

    @Override
    public JobObservation jobStarted(JobStart job) {
        add("job " + job.providerId() + "/" + job.model() + " " + job.family() + " " + job.workflow() + " quoted "
                + job.quoted().map(q -> q.stripTrailingZeros().toPlainString()).orElse("-")
                + (job.resumed() == null ? "" : " resumed " + job.resumed().nativeJobId()));
        return new JobObservation() {
            @Override public void accepted(VideoJob j) {
                add("accepted " + j.jobId().nativeJobId());
            }

            @Override public void running() {
                add("running");
            }

            @Override public void succeeded(VideoResult r) {
                add("succeeded " + r.cost() + " queue " + r.timings().queue().toMillis() + " run "
                        + r.timings().run().toMillis() + " total " + r.timings().total().toMillis());
            }

            @Override public void failed(JobFailure f) {
                add("failed " + f.outcome() + " " + f.errorKind() + " total " + f.timings().total().toMillis());
            }
        };
    }

    @Override
    public void circuitStateChanged(String provider, CircuitState from, CircuitState to) {
        add("circuit " + provider + " " + from + " -> " + to);
    }
}
