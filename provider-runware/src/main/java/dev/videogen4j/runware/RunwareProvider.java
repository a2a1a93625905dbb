package dev.videogen4j.runware;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.HttpPreview;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.http.internal.Previews;
import dev.videogen4j.runware.internal.RunwareHttp;
import dev.videogen4j.runware.internal.RunwareJobMemory;
import dev.videogen4j.runware.internal.RunwareReplies;
import dev.videogen4j.runware.internal.RunwareRequestMapper;
import dev.videogen4j.spi.BatchPoller;
import dev.videogen4j.spi.BatchSubmitter;
import dev.videogen4j.spi.ImageToVideo;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.PreviewableSubmit;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.ProviderOutput;
import dev.videogen4j.spi.Redactor;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.spi.TextToVideo;
import dev.videogen4j.spi.VideoProvider;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Runware's {@code videoInference} API as a videogen4j provider: async submits under a client-made taskUUID,
 * polls through {@code getResponse} (several jobs in one request when core asks, submits too), and the KlingAI
 * catalog.
 * Created by {@link RunwareProviderFactory}; applications use it through {@code VideoClient}.
 *
 * <pre>{@code
 * VideoProvider runware = new RunwareProviderFactory().create(ProviderConfig.of("runware", apiKey, null));
 * ModelCapabilities model = runware.models().stream().filter(m -> m.answersTo("kling-2.5-turbo-standard")).findFirst().orElseThrow();
 * SubmitReceipt receipt = ((ImageToVideo) runware).submit(request, new SubmitContext(model, UUID.randomUUID().toString()));
 * JobUpdate update = runware.poll(receipt.jobId());
 * }</pre>
 *
 * <p>Submits are safe to resend with the same {@link SubmitContext#submissionId()}: it is the taskUUID, and
 * Runware refuses a second task under it ({@code conflictTaskUUID}), which this adapter reads as "already
 * accepted". Runware has no cancel. Thread-safe; one instance per client.
 */
public final class RunwareProvider implements VideoProvider, TextToVideo, ImageToVideo, BatchPoller, BatchSubmitter,
        PreviewableSubmit {
    static final String CATALOG = "/dev/videogen4j/runware/models.json";

    private final String id;
    private final RunwareHttp http;
    private final RunwareJobMemory memory;
    private final RunwareReplies replies;
    private final List<ModelCapabilities> models;
    // This provider's own key, scrubbed from everything its public methods throw or return.
    private final Redactor redactor;

    RunwareProvider(String id, RunwareHttp http, int trackedJobs, Redactor redactor) {
        this.id = Objects.requireNonNull(id, "id == null");
        this.redactor = Objects.requireNonNull(redactor, "redactor == null");
        this.http = Objects.requireNonNull(http, "http == null");
        this.memory = new RunwareJobMemory(trackedJobs);
        this.replies = new RunwareReplies(id, memory);
        this.models = ModelCatalog.load(RunwareProvider.class, CATALOG);
    }

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
        return redactor.around(() -> submitTask(Objects.requireNonNull(request, "request == null"), context));
    }

    @Override
    public SubmitReceipt submit(ImageToVideoRequest request, SubmitContext context) {
        return redactor.around(() -> submitTask(Objects.requireNonNull(request, "request == null"), context));
    }

    /** The exact {@code videoInference} POST {@link #submit} would send for this request and context. */
    @Override
    public HttpPreview preview(VideoRequest request, SubmitContext context) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(context, "context == null");
        return redactor.around(() -> Previews.of(id, context.model().id(),
                http.request(List.of(RunwareRequestMapper.videoInference(request, context)))));
    }

    private SubmitReceipt submitTask(VideoRequest request, SubmitContext context) {
        Objects.requireNonNull(context, "context == null");
        Map<String, Object> task = RunwareRequestMapper.videoInference(request, context);
        // Remembered before sending: if the answer is lost, the job may exist all the same and will be polled.
        memory.expect(context.submissionId(), request.resultCount());
        // The job started while the submit was on the wire: the engine counts its run time from there (receipt).
        var wire = http.wireTimes();
        return replies.receipt(task, http.send(Operation.SUBMIT, List.of(task), wire))
                .exchangedBetween(wire.sentAt(), wire.answeredAt());
    }

    /**
     * Submits every job as one array of {@code videoInference} tasks. A task that cannot be mapped, or that
     * Runware answers with an error, is refused on its own; the others are still accepted.
     */
    @Override
    public Map<String, Outcome> submitAll(List<Submission> submissions) {
        return redactor.around(() -> submitTasks(submissions));
    }

    private Map<String, Outcome> submitTasks(List<Submission> submissions) {
        Objects.requireNonNull(submissions, "submissions == null");
        Map<String, Outcome> out = new LinkedHashMap<>();
        List<Map<String, Object>> tasks = new java.util.ArrayList<>();
        for (Submission s : submissions) {
            try {
                tasks.add(RunwareRequestMapper.videoInference(s.request(), s.context()));
                memory.expect(s.context().submissionId(), s.request().resultCount());
            } catch (RuntimeException invalid) {
                out.put(s.context().submissionId(), Outcome.refused(invalid));
            }
        }
        if (!tasks.isEmpty()) {
            var wire = http.wireTimes();
            replies.receipts(tasks, http.send(Operation.SUBMIT, tasks, wire)).forEach((id, o) -> out.put(id,
                    o.receipt() == null ? o : Outcome.accepted(o.receipt().exchangedBetween(wire.sentAt(), wire.answeredAt()))));
        }
        return out;
    }

    @Override
    public JobUpdate poll(JobId id) {
        Objects.requireNonNull(id, "id == null");
        return redactor.around(() -> one(Operation.POLL, id));
    }

    /** Polls every job in one request; jobs Runware says nothing about are absent from the map. */
    @Override
    public Map<JobId, JobUpdate> pollAll(List<JobId> ids) {
        return redactor.around(() -> pollTasks(ids));
    }

    private Map<JobId, JobUpdate> pollTasks(List<JobId> ids) {
        Objects.requireNonNull(ids, "ids == null");
        Map<String, JobId> byTask = new LinkedHashMap<>();
        ids.forEach(j -> byTask.put(Objects.requireNonNull(j, "job id == null").nativeJobId(), j));
        if (byTask.isEmpty()) {
            return Map.of();
        }
        List<String> tasks = List.copyOf(new LinkedHashSet<>(byTask.keySet()));
        Map<String, JobUpdate> updates = withArchive(Operation.POLL, replies.updates(Operation.POLL, tasks,
                http.send(Operation.POLL, tasks.stream().map(RunwareRequestMapper::getResponse).collect(Collectors.toList()))));
        Map<JobId, JobUpdate> out = new LinkedHashMap<>();
        updates.forEach((task, update) -> out.put(byTask.get(task), update));
        return out;
    }

    /**
     * The output of a finished job, read with one {@code getResponse}.
     *
     * @throws JobFailedException    when Runware reports the job failed
     * @throws IllegalStateException when the job has not finished
     */
    @Override
    public ProviderOutput result(JobId id) {
        return redactor.around(() -> output(id));
    }

    private ProviderOutput output(JobId id) {
        Objects.requireNonNull(id, "id == null");
        JobUpdate u = one(Operation.RESULT, id);
        if (u.status().state() == JobState.SUCCEEDED && u.output() != null) {
            return u.output();
        }
        if (u.status().state() == JobState.FAILED) {
            throw new JobFailedException(id, u.status());
        }
        // Only asked once the job SUCCEEDED: an answer that now says otherwise is not one we can use.
        throw ProviderErrors.unparseable(this.id, Operation.RESULT, 200, id.nativeJobId(),
                new java.io.IOException("Runware job " + id + " has not finished: " + u.status()));
    }

    private JobUpdate one(Operation op, JobId id) {
        String task = id.nativeJobId();
        Map<String, JobUpdate> u = withArchive(op, replies.updates(op, List.of(task),
                http.send(op, List.of(RunwareRequestMapper.getResponse(task)))));
        return u.getOrDefault(task, JobUpdate.of(JobStatus.unknown("(no item for this task)")));
    }

    /**
     * Before a job is declared lost, asks Runware's archive: a task {@code getResponse} answers
     * {@code taskFailedOrNotFound} for may have finished long ago ({@code getTaskDetails}, one request per task).
     */
    private Map<String, JobUpdate> withArchive(Operation op, Map<String, JobUpdate> updates) {
        // Copied only when a task is lost: almost every answer has none to ask about.
        boolean anyLost = false;
        for (JobUpdate u : updates.values()) anyLost |= RunwareReplies.isLost(u);
        if (!anyLost) return updates;
        Map<String, JobUpdate> out = new LinkedHashMap<>(updates);
        updates.forEach((task, u) -> {
            if (RunwareReplies.isLost(u)) {
                JobUpdate archived = replies.archived(op, task,
                        http.send(op, List.of(RunwareRequestMapper.getTaskDetails(task))));
                if (archived != null) out.put(task, archived);
            }
        });
        return out;
    }

    /** Runware cannot stop a job: it runs to completion and is billed. */
    @Override
    public CancelOutcome cancel(JobId id) {
        return CancelOutcome.NOT_SUPPORTED;
    }

    @Override
    public boolean supportsCancel() {
        return false;
    }

    @Override
    public boolean deduplicatesSubmits() {
        return true;
    }

    /** The taskUUID is the job id: a submit whose answer was lost is found by polling it. */
    @Override
    public java.util.Optional<JobId> jobIdFor(SubmitContext context) {
        return java.util.Optional.of(JobId.of(id, context.model().id(), context.submissionId()));
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "RunwareProvider[" + id + "]";
    }
}
