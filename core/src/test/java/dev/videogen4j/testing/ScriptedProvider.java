package dev.videogen4j.testing;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.spi.ImageToVideo;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.ProviderOutput;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.spi.TextToVideo;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An in-memory provider whose answers are scripted call by call, and which records every call. Each of the four
 * calls (submit, poll, result, cancel) has its own queue of answers; when a queue runs dry its last answer
 * repeats, and a call never scripted gets a friendly default (submit accepts {@code job-1}, {@code job-2}...;
 * poll says SUCCEEDED with a video; result returns a video; cancel says CANCELLATION_REQUESTED).
 *
 * <pre>{@code
 * ScriptedProvider acme = ScriptedProvider.of("acme", clock)
 *         .failSubmit(Failures.http("acme", Operation.SUBMIT, 503))        // rejected, so retried...
 *         .acceptSubmit("job-1")                                          // ...and accepted
 *         .answerPoll(JobStatus.queued(3), JobStatus.running(40), JobStatus.succeeded())
 *         .answerResult(ScriptedProvider.output("https://cdn.example/v.mp4", new BigDecimal("0.35")));
 * VideoClient client = VideoClient.builder().providerFactory(acme.factory()).provider("acme")...build();
 * ...
 * assertEquals(2, acme.count(Operation.SUBMIT));
 * assertEquals(1, acme.submissionIds().stream().distinct().count());   // the retry reused the submission id
 * }</pre>
 *
 * <p>Models come from the test catalog {@value #CATALOG} (core's {@link ModelCatalog} format), filtered to
 * this provider's id, unless given explicitly.
 */
public final class ScriptedProvider implements VideoProvider, TextToVideo, ImageToVideo {
    public static final String CATALOG = "/dev/videogen4j/testing/scripted-models.json";

    /** One recorded call. {@code context} and {@code request} are set for submits, {@code jobId} for the others. */
    public record Call(Operation operation, Instant at, JobId jobId, SubmitContext context, VideoRequest request) {
    }

    private final String id;
    private final List<ModelCapabilities> models;
    private final Clock clock;
    private final Script<SubmitContext, SubmitReceipt> submits;
    private final Script<JobId, JobUpdate> polls;
    private final Script<JobId, ProviderOutput> results;
    private final Script<JobId, CancelOutcome> cancels;
    private final List<Call> calls = new ArrayList<>();
    private boolean deduplicates;
    private boolean jobIdIsSubmissionId;
    private boolean cancellable = true;
    private boolean closed;
    private ProviderConfig config;
    private int jobs;

    private ScriptedProvider(String id, List<ModelCapabilities> models, Clock clock) {
        this.id = Objects.requireNonNull(id, "id == null");
        this.models = List.copyOf(models);
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.submits = new Script<>(ctx -> receipt(ctx, "job-" + (++jobs), null));
        this.polls = new Script<>(job -> new JobUpdate(JobStatus.succeeded(), output(videoUrl(job), null)));
        this.results = new Script<>(job -> output(videoUrl(job), null));
        this.cancels = new Script<>(job -> CancelOutcome.CANCELLATION_REQUESTED);
    }

    /** A provider serving the test catalog's models of provider {@code id}, timing calls on {@code clock}. */
    public static ScriptedProvider of(String id, Clock clock) {
        List<ModelCapabilities> mine = catalog().stream().filter(m -> m.providerId().equals(id)).collect(Collectors.toList());
        if (mine.isEmpty()) throw new IllegalArgumentException("the test catalog " + CATALOG + " has no model for " + id);
        return new ScriptedProvider(id, mine, clock);
    }

    public static ScriptedProvider of(String id) {
        return of(id, Clock.systemUTC());
    }

    /** A provider serving exactly these models. */
    public static ScriptedProvider withModels(String id, List<ModelCapabilities> models, Clock clock) {
        return new ScriptedProvider(id, models, clock);
    }

    /** Every model of the test catalog, all providers. */
    public static List<ModelCapabilities> catalog() {
        return ModelCatalog.load(ScriptedProvider.class, CATALOG);
    }

    // ---- scripting ----------------------------------------------------------------------------------------

    public ScriptedProvider acceptSubmit(String nativeId) {
        return acceptSubmit(nativeId, null);
    }

    public ScriptedProvider acceptSubmit(String nativeId, Integer queuePosition) {
        submits.add(ctx -> receipt(ctx, nativeId, queuePosition));
        return this;
    }

    /** The next submit answers with {@code answer} (to look at the world at the moment the submit is sent). */
    public ScriptedProvider answerSubmit(Function<SubmitContext, SubmitReceipt> answer) {
        submits.add(answer);
        return this;
    }

    /** Like Runware: the job id is the submission id (the taskUUID), so a lost submit answer can be polled. */
    public ScriptedProvider jobIdIsSubmissionId() {
        this.jobIdIsSubmissionId = true;
        return this;
    }

    /** The next submits throw these, one per call (build them with {@link Failures} / {@code ProviderErrors}). */
    public ScriptedProvider failSubmit(RuntimeException... errors) {
        for (RuntimeException e : errors) submits.add(ctx -> { throw e; });
        return this;
    }

    /** The next polls answer these statuses, one per call; SUCCEEDED ones carry no output (core fetches it). */
    public ScriptedProvider answerPoll(JobStatus... statuses) {
        for (JobStatus s : statuses) polls.add(job -> JobUpdate.of(s));
        return this;
    }

    /** Every later poll is answered by {@code answer} (to answer by the clock: a job that ends at a given time). */
    public ScriptedProvider answerPollsBy(Function<JobId, JobUpdate> answer) {
        polls.add(answer);
        return this;
    }

    public ScriptedProvider answerPoll(JobUpdate update) {
        polls.add(job -> update);
        return this;
    }

    public ScriptedProvider failPoll(RuntimeException... errors) {
        for (RuntimeException e : errors) polls.add(job -> { throw e; });
        return this;
    }

    public ScriptedProvider answerResult(ProviderOutput output) {
        results.add(job -> output);
        return this;
    }

    public ScriptedProvider failResult(RuntimeException error) {
        results.add(job -> { throw error; });
        return this;
    }

    public ScriptedProvider answerCancel(CancelOutcome outcome) {
        cancels.add(job -> outcome);
        return this;
    }

    public ScriptedProvider failCancel(RuntimeException error) {
        cancels.add(job -> { throw error; });
        return this;
    }

    /** Like Runware: a resent submit with the same submission id is de-duplicated. */
    public ScriptedProvider deduplicatingSubmits(boolean deduplicates) {
        this.deduplicates = deduplicates;
        return this;
    }

    public ScriptedProvider cancellable(boolean cancellable) {
        this.cancellable = cancellable;
        return this;
    }

    // ---- what happened -------------------------------------------------------------------------------------

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(Operation op) {
        return calls.stream().filter(c -> c.operation() == op).collect(Collectors.toList());
    }

    public int count(Operation op) {
        return calls(op).size();
    }

    /** The submission id of every submit call, in order. */
    public List<String> submissionIds() {
        return calls(Operation.SUBMIT).stream().map(c -> c.context().submissionId()).collect(Collectors.toList());
    }

    /** When each call of {@code op} happened, by the provider's clock. */
    public List<Instant> times(Operation op) {
        return calls(op).stream().map(Call::at).collect(Collectors.toList());
    }

    public synchronized boolean closed() {
        return closed;
    }

    /** The config core built for this provider, when it was created through {@link #factory()}. */
    public synchronized ProviderConfig config() {
        return config;
    }

    /** A factory (no API key needed) that hands out this very provider; register it with {@code providerFactory}. */
    public VideoProviderFactory factory() {
        ScriptedProvider self = this;
        return handingOut(id, c -> {
            synchronized (self) {
                config = c;
            }
            return self;
        });
    }

    /** A factory for provider {@code id} (no API key needed) whose {@code create} is {@code create}. */
    public static VideoProviderFactory handingOut(String id, java.util.function.Function<ProviderConfig, VideoProvider> create) {
        return new VideoProviderFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public boolean requiresApiKey() {
                return false;
            }

            @Override
            public VideoProvider create(ProviderConfig c) {
                return create.apply(c);
            }
        };
    }

    // ---- helpers for answers ---------------------------------------------------------------------------------

    public static ProviderOutput output(String url, BigDecimal reportedCost) {
        return new ProviderOutput(List.of(GeneratedVideo.of(url)), reportedCost);
    }

    /** A poll answer that is SUCCEEDED and already carries the video (like Runware's getResponse). */
    public static JobUpdate succeededWith(String url, BigDecimal reportedCost) {
        return new JobUpdate(JobStatus.succeeded(), output(url, reportedCost));
    }

    private static String videoUrl(JobId job) {
        return "https://videos.example/" + job.nativeJobId() + ".mp4";
    }

    private SubmitReceipt receipt(SubmitContext ctx, String nativeId, Integer queuePosition) {
        return new SubmitReceipt(JobId.of(id, ctx.model().id(), nativeId), queuePosition);
    }

    // ---- VideoProvider ---------------------------------------------------------------------------------------

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<ModelCapabilities> models() {
        return models;
    }

    @Override
    public SubmitReceipt submit(TextToVideoRequest request, SubmitContext context) {
        return doSubmit(request, context);
    }

    @Override
    public SubmitReceipt submit(ImageToVideoRequest request, SubmitContext context) {
        return doSubmit(request, context);
    }

    private synchronized SubmitReceipt doSubmit(VideoRequest request, SubmitContext context) {
        calls.add(new Call(Operation.SUBMIT, clock.instant(), null, context, request));
        return submits.next().apply(context);
    }

    @Override
    public synchronized JobUpdate poll(JobId job) {
        calls.add(new Call(Operation.POLL, clock.instant(), job, null, null));
        return polls.next().apply(job);
    }

    @Override
    public synchronized ProviderOutput result(JobId job) {
        calls.add(new Call(Operation.RESULT, clock.instant(), job, null, null));
        return results.next().apply(job);
    }

    @Override
    public synchronized CancelOutcome cancel(JobId job) {
        calls.add(new Call(Operation.CANCEL, clock.instant(), job, null, null));
        return cancels.next().apply(job);
    }

    @Override
    public boolean supportsCancel() {
        return cancellable;
    }

    @Override
    public boolean deduplicatesSubmits() {
        return deduplicates;
    }

    @Override
    public java.util.Optional<JobId> jobIdFor(SubmitContext context) {
        return jobIdIsSubmissionId ? java.util.Optional.of(JobId.of(id, context.model().id(), context.submissionId()))
                : java.util.Optional.empty();
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "ScriptedProvider[" + id + "]";
    }

    /** A queue of answers whose last one repeats once the queue is empty. */
    private static final class Script<I, O> {
        private final Deque<Function<I, O>> answers = new ArrayDeque<>();
        private Function<I, O> last;

        Script(Function<I, O> fallback) {
            this.last = fallback;
        }

        void add(Function<I, O> answer) {
            answers.add(answer);
        }

        Function<I, O> next() {
            if (!answers.isEmpty()) last = answers.poll();
            return last;
        }
    }
}
