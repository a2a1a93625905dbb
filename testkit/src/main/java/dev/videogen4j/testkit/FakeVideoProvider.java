package dev.videogen4j.testkit;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.spi.ImageToVideo;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.ProviderFailure;
import dev.videogen4j.spi.ProviderOutput;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.spi.TextToVideo;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory provider for application unit tests: no HTTP, no keys, outcomes you script. It serves every
 * Kling family id (as {@code fake:<family>}) with permissive capabilities, so application code written for the
 * real providers runs against it unchanged.
 *
 * <pre>{@code
 * FakeVideoProvider fake = new FakeVideoProvider();
 * fake.enqueue(FakeOutcome.succeed().afterPolls(1).videoUrl("https://cdn.example/v.mp4").cost("0.21"));
 * VideoClient client = VideoClient.builder().providerFactory(fake.factory()).provider("fake").build();
 * VideoResult r = client.generate(request);
 * assertEquals(1, fake.submissions().size());
 * }</pre>
 *
 * <p>It is also discovered by {@link java.util.ServiceLoader} under id {@code fake} (with {@code VIDEOGEN4J_PROVIDER=fake}),
 * then every job succeeds on its first poll. Thread-safe.
 */
public final class FakeVideoProvider implements VideoProvider, TextToVideo, ImageToVideo {
    public static final String ID = "fake";

    private final Deque<FakeOutcome> script = new ConcurrentLinkedDeque<>();
    private final List<VideoRequest> submissions = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger cancels = new AtomicInteger();
    private final List<ModelCapabilities> models = ModelCatalog.load(FakeVideoProvider.class,
            "/dev/videogen4j/testkit/fake-models.json");

    private static final class Job {
        final FakeOutcome outcome;
        int pollsSeen;
        boolean cancelled;

        Job(FakeOutcome outcome) {
            this.outcome = outcome;
        }
    }

    /** Scripts the next job's outcome; unscripted jobs succeed on their first poll. */
    public FakeVideoProvider enqueue(FakeOutcome outcome) {
        script.add(outcome);
        return this;
    }

    /** A factory that hands out this very instance, for {@code VideoClient.builder().providerFactory(...)}. */
    public VideoProviderFactory factory() {
        FakeVideoProvider self = this;
        return new FakeVideoProviderFactory() {
            @Override
            public VideoProvider create(ProviderConfig config) {
                return self;
            }
        };
    }

    /** Every request submitted, in order (including submits the script refused). */
    public List<VideoRequest> submissions() {
        synchronized (submissions) {
            return List.copyOf(submissions);
        }
    }

    public int polls() {
        return polls.get();
    }

    public int cancels() {
        return cancels.get();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ModelCapabilities> models() {
        return models;
    }

    @Override
    public SubmitReceipt submit(TextToVideoRequest request, SubmitContext context) {
        return accept(request, context);
    }

    @Override
    public SubmitReceipt submit(ImageToVideoRequest request, SubmitContext context) {
        return accept(request, context);
    }

    private SubmitReceipt accept(VideoRequest request, SubmitContext context) {
        submissions.add(request);
        FakeOutcome outcome = script.poll();
        if (outcome == null) outcome = FakeOutcome.succeed();
        if (outcome.submitError != null) throw outcome.submitError;
        jobs.putIfAbsent(context.submissionId(), new Job(outcome));
        return new SubmitReceipt(JobId.of(ID, context.model().id(), context.submissionId()), 0);
    }

    @Override
    public JobUpdate poll(JobId id) {
        polls.incrementAndGet();
        Job job = job(id, Operation.POLL);
        synchronized (job) {
            if (job.cancelled) return JobUpdate.of(JobStatus.cancelled());
            if (job.pollsSeen++ < job.outcome.pollsBeforeDone) return JobUpdate.of(JobStatus.running(null));
            JobStatus end = job.outcome.terminal;
            return end.state() == JobState.SUCCEEDED ? new JobUpdate(end, output(id, job)) : JobUpdate.of(end);
        }
    }

    @Override
    public ProviderOutput result(JobId id) {
        return output(id, job(id, Operation.RESULT));
    }

    @Override
    public CancelOutcome cancel(JobId id) {
        cancels.incrementAndGet();
        Job job = jobs.get(id.nativeJobId());
        if (job == null) return CancelOutcome.NOT_FOUND;
        synchronized (job) {
            if (job.pollsSeen > job.outcome.pollsBeforeDone) return CancelOutcome.ALREADY_COMPLETED;
            job.cancelled = true;
            return CancelOutcome.CANCELLATION_REQUESTED;
        }
    }

    private Job job(JobId id, Operation op) {
        Job job = jobs.get(id.nativeJobId());
        if (job == null) {
            throw ProviderErrors.fromHttp(ProviderFailure.builder(ID, op, 404).code("not_found")
                    .message("no fake job " + id.nativeJobId()).build());
        }
        return job;
    }

    private static ProviderOutput output(JobId id, Job job) {
        String url = job.outcome.videoUrl != null ? job.outcome.videoUrl
                : "https://fake.videogen4j.dev/videos/" + id.nativeJobId() + ".mp4";
        return new ProviderOutput(List.of(new GeneratedVideo(url, id.nativeJobId(), "video/mp4", null, 42L)), job.outcome.cost);
    }
}
