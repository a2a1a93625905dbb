package dev.videogen4j.micrometer;

import static dev.videogen4j.micrometer.MicrometerVideoObserver.lower;
import static dev.videogen4j.micrometer.VideoMetricNames.COST;
import static dev.videogen4j.micrometer.VideoMetricNames.COST_KIND;
import static dev.videogen4j.micrometer.VideoMetricNames.COST_SOURCE;
import static dev.videogen4j.micrometer.VideoMetricNames.COST_UNKNOWN;
import static dev.videogen4j.micrometer.VideoMetricNames.ERROR_TYPE;
import static dev.videogen4j.micrometer.VideoMetricNames.FAMILY;
import static dev.videogen4j.micrometer.VideoMetricNames.GEN_AI_OPERATION;
import static dev.videogen4j.micrometer.VideoMetricNames.JOB;
import static dev.videogen4j.micrometer.VideoMetricNames.JOB_ID;
import static dev.videogen4j.micrometer.VideoMetricNames.MODEL;
import static dev.videogen4j.micrometer.VideoMetricNames.OUTCOME;
import static dev.videogen4j.micrometer.VideoMetricNames.PROVIDER;
import static dev.videogen4j.micrometer.VideoMetricNames.WORKFLOW;

import dev.videogen4j.Cost;
import dev.videogen4j.Timings;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.observation.JobFailure;
import dev.videogen4j.observation.JobObservation;
import dev.videogen4j.observation.JobStart;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.math.BigDecimal;
import java.time.Duration;

/** One job's observation, and the meters it feeds when it is accepted and when it ends. */
final class ObservedJob implements JobObservation {
    private static final Observation.Event ACCEPTED = Observation.Event.of("videogen4j.job.accepted", "accepted");
    private static final Observation.Event RUNNING = Observation.Event.of("videogen4j.job.running", "running");

    private final JobStart job;
    private final MeterRegistry meters;
    private final Runnable onEnd;
    private final Tags tags;
    private final Observation observation;

    ObservedJob(JobStart job, ObservationRegistry observations, MeterRegistry meters, Runnable onEnd) {
        this.job = job;
        this.meters = meters;
        this.onEnd = onEnd;
        String family = job.family() == null ? "unknown" : job.family();
        this.tags = Tags.of(PROVIDER, job.providerId(), MODEL, job.model(), FAMILY, family);
        this.observation = Observation.createNotStarted(JOB, observations)
                .contextualName("generate_content " + job.model())
                .lowCardinalityKeyValue(GEN_AI_OPERATION, "generate_content")
                .lowCardinalityKeyValue(PROVIDER, job.providerId())
                .lowCardinalityKeyValue(MODEL, job.model())
                .lowCardinalityKeyValue(FAMILY, family)
                .lowCardinalityKeyValue(WORKFLOW, job.workflow() == null ? "unknown" : job.workflow().shortName());
        if (job.resumed() != null) observation.highCardinalityKeyValue(JOB_ID, job.resumed().toString());
        observation.start();
    }

    @Override
    public void accepted(VideoJob accepted) {
        observation.highCardinalityKeyValue(JOB_ID, accepted.jobId().toString());
        observation.event(ACCEPTED);
        // The job is billable from now on: what the price table says it costs is the quote.
        if (job.quotedUsd() != null) {
            cost("quoted", "price_table", job.quotedUsd());
        } else {
            unknownCost("quoted");
        }
    }

    @Override
    public void running() {
        observation.event(RUNNING);
    }

    @Override
    public void succeeded(VideoResult result) {
        Cost cost = result.cost();
        if (cost.amount().isPresent()) {
            cost("actual", lower(cost.source()), cost.amount().get());
        } else {
            unknownCost("actual");
        }
        Timings t = result.timings();
        timer(VideoMetricNames.JOB_QUEUE, "Time jobs waited in the provider's queue", tags, t.queue());
        timer(VideoMetricNames.JOB_RUN, "Time jobs ran at the provider", tags, t.run());
        end("succeeded", "none", t.total(), null);
    }

    @Override
    public void failed(JobFailure failure) {
        // Without a provider error (the provider said the job failed, the client closed) the outcome is the type.
        String kind = lower(failure.errorKind() == null ? failure.outcome() : failure.errorKind());
        // A job that may have been accepted may have been charged: say that nobody knows how much.
        if (failure.outcome() != JobFailure.Outcome.NOT_SUBMITTED) unknownCost("actual");
        end(lower(failure.outcome()), kind, failure.timings().total(), failure.error());
    }

    private void end(String outcome, String errorType, Duration total, Throwable error) {
        timer(VideoMetricNames.JOB_TOTAL, "Time from submit to end", tags.and(OUTCOME, outcome), total);
        observation.lowCardinalityKeyValue(OUTCOME, outcome).lowCardinalityKeyValue(ERROR_TYPE, errorType);
        if (error != null) observation.error(error);
        observation.stop();
        onEnd.run();
    }

    private void cost(String kind, String source, BigDecimal usd) {
        Counter.builder(COST).baseUnit("usd").description("Money quoted for accepted jobs and charged for finished ones")
                .tags(tags).tag(COST_KIND, kind).tag(COST_SOURCE, source).register(meters).increment(usd.doubleValue());
    }

    private void unknownCost(String kind) {
        Counter.builder(COST_UNKNOWN).description("Jobs whose cost nobody knows, kept out of the cost counter")
                .tags(tags).tag(COST_KIND, kind).register(meters).increment();
    }

    private void timer(String name, String description, Tags tags, Duration d) {
        Timer.builder(name).description(description).tags(tags).register(meters).record(d);
    }
}
