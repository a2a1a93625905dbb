package dev.videogen4j.micrometer;

/**
 * Every observation, meter and tag name {@link MicrometerVideoObserver} records. Tag names from the OpenTelemetry
 * GenAI semantic conventions ({@code gen_ai.*}) and the general {@code error.type} are used where they apply; the
 * {@code videogen4j.*} names are our own.
 *
 * <pre>{@code
 * double usd = registry.get(VideoMetricNames.COST).tag(VideoMetricNames.COST_KIND, "actual").counter().count();
 * }</pre>
 */
public final class VideoMetricNames {
    /** Observation (and its timer): one job from its submit, or its resumption, to its end. */
    public static final String JOB = "videogen4j.job";
    /** Observation (and its timer): one attempt of a call to a provider (submit, poll, result, cancel). */
    public static final String PROVIDER_CALL = "videogen4j.provider.call";
    /** Timer: time in the provider's queue, for jobs that succeeded. */
    public static final String JOB_QUEUE = "videogen4j.job.queue";
    /** Timer: time running at the provider, for jobs that succeeded. */
    public static final String JOB_RUN = "videogen4j.job.run";
    /** Timer: submit to end, for every job that ended, tagged with its outcome. */
    public static final String JOB_TOTAL = "videogen4j.job.total";
    /** Counter, base unit {@code usd}: money quoted when a job is accepted, and actually charged when it ends. */
    public static final String COST = "videogen4j.cost";
    /** Counter: jobs whose quote or actual cost nobody knows (so the cost counter is never a silent 0). */
    public static final String COST_UNKNOWN = "videogen4j.cost.unknown";
    /** Gauge: jobs started and not ended yet, per provider. */
    public static final String JOBS_IN_FLIGHT = "videogen4j.jobs.in_flight";
    /** Gauge: 1 for a provider's current circuit breaker state, 0 for the others. */
    public static final String CIRCUIT_STATE = "videogen4j.circuit.state";

    /** OpenTelemetry GenAI: the provider id ({@code runware}, {@code fal}). */
    public static final String PROVIDER = "gen_ai.provider.name";
    /** OpenTelemetry GenAI: the provider's native model id. */
    public static final String MODEL = "gen_ai.request.model";
    /** OpenTelemetry GenAI: {@code generate_content} on job observations. */
    public static final String GEN_AI_OPERATION = "gen_ai.operation.name";
    /**
     * OpenTelemetry: what went wrong: a lower-case {@link dev.videogen4j.spi.ErrorKind} ({@code unavailable}), for a
     * job that ended without a provider error its outcome ({@code failed}), or {@code none}.
     */
    public static final String ERROR_TYPE = "error.type";

    /** Ours: the model's logical family ({@code kling-2.5-turbo}), or {@code unknown}. */
    public static final String FAMILY = "videogen4j.model.family";
    /** Ours: {@code t2v}, {@code i2v}, or {@code unknown} for a resumed job. */
    public static final String WORKFLOW = "videogen4j.workflow";
    /** Ours: the provider call, {@code submit}, {@code poll}, {@code result} or {@code cancel}. */
    public static final String OPERATION = "videogen4j.operation";
    /** Ours: how a call or job ended, lower case ({@code succeeded}, {@code refused}, {@code not_submitted}...). */
    public static final String OUTCOME = "videogen4j.outcome";
    /** Ours: {@code quoted} or {@code actual}. */
    public static final String COST_KIND = "videogen4j.cost.kind";
    /** Ours: where an amount came from: {@code price_table}, {@code reported} (by the provider) or {@code estimated}. */
    public static final String COST_SOURCE = "videogen4j.cost.source";
    /** Ours: {@code closed}, {@code open} or {@code half_open}. */
    public static final String STATE = "videogen4j.circuit.state";
    /** Ours, high cardinality (on observations only): the job id, as {@code JobId.toString()}. */
    public static final String JOB_ID = "videogen4j.job.id";
    /** Ours, high cardinality (on observations only): 1 for a call's first attempt, 2 for its first retry... */
    public static final String ATTEMPT = "videogen4j.attempt";

    private VideoMetricNames() {
    }
}
