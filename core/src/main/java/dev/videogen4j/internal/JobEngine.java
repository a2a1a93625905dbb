package dev.videogen4j.internal;

import dev.videogen4j.Attempt;
import dev.videogen4j.CancelOutcome;
import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.Cost;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.Timings;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.VideoResult;
import dev.videogen4j.WebhookEvent;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.JobTimeoutException;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.observation.CircuitState;
import dev.videogen4j.observation.JobFailure;
import dev.videogen4j.observation.JobObservation;
import dev.videogen4j.observation.JobStart;
import dev.videogen4j.spi.ApiKey;
import dev.videogen4j.spi.BatchPoller;
import dev.videogen4j.spi.BatchSubmitter;
import dev.videogen4j.spi.ImageToVideo;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderOutput;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.spi.TextToVideo;
import dev.videogen4j.spi.VideoProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The job lifecycle for every provider: submit, poll with backoff, detect completion, fetch the result, cancel,
 * deadlines. Jobs are state, not threads: each poll is a task on the shared timer whose adapter call runs on
 * the shared call executor, so thousands of jobs in flight cost a few threads.
 */
public final class JobEngine {
    private final Map<String, VideoProvider> providers;
    private final Map<String, ProviderResilience> resilience;
    private final CapabilityMatrix matrix;
    private final PollSettings poll;
    private final boolean cancelOnTimeout;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Listeners listeners;
    private final Map<JobId, JobTracker> jobs = new ConcurrentHashMap<>();
    // Webhooks name a job by provider and native id only: this index finds it without scanning every job.
    private final Map<String, JobTracker> byNativeId = new ConcurrentHashMap<>();
    // The last jobs that ended. A job can end at its first poll before its submitter gets to await it; the await
    // then finds it here instead of polling it again as a job known only by its id, without its request.
    private final Map<JobId, JobTracker> ended = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<JobId, JobTracker> eldest) {
                    return size() > 1024;
                }
            });
    private volatile Duration webhookSafetyPoll;
    private volatile WebhookDefaults webhookDefaults = new WebhookDefaults(Map.of());
    private final Map<String, BatchPolls> batches = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private final Map<String, BatchSubmits> submitBatches = new ConcurrentHashMap<>();
    private final Map<CompletableFuture<VideoJob>, SubmitAttempts> submitting = new ConcurrentHashMap<>();

    public JobEngine(Map<String, VideoProvider> providers, Map<String, ProviderResilience> resilience,
                     CapabilityMatrix matrix, PollSettings poll, boolean cancelOnTimeout, Clock clock,
                     ScheduledExecutorService timer, Listeners listeners) {
        this.providers = Map.copyOf(providers);
        this.resilience = Map.copyOf(resilience);
        this.matrix = matrix;
        this.poll = poll;
        this.cancelOnTimeout = cancelOnTimeout;
        this.clock = clock;
        this.timer = timer;
        this.listeners = listeners;
    }

    /**
     * Polls this provider's jobs in batches (it must implement {@link BatchPoller}): due polls gather for
     * {@code window}, then up to {@code maxBatch} of them go in one request.
     */
    public void enableBatchPolling(String providerId, Duration window, int maxBatch) {
        VideoProvider p = provider(providerId);
        if (!(p instanceof BatchPoller)) {
            throw new ConfigurationException("Provider '" + providerId + "' cannot poll in batches");
        }
        batches.put(providerId, new BatchPolls((BatchPoller) p, resilience.get(providerId), timer, window, maxBatch));
    }

    /**
     * Polls jobs submitted with a webhook URL only every {@code interval}: their webhook, handed to
     * {@link #onWebhook}, completes them, and the poll is a safety net for a webhook that never arrives.
     */
    public void pollWebhookJobsEvery(Duration interval) {
        this.webhookSafetyPoll = interval;
    }

    /** Gives requests that name no webhook URL the one configured for the provider they are sent to. */
    public void defaultWebhookUrls(Map<String, String> urlByProvider) {
        this.webhookDefaults = new WebhookDefaults(urlByProvider);
    }

    /**
     * Submits this provider's jobs in batches (it must implement {@link BatchSubmitter} and de-duplicate submits,
     * since a batch with an unknown outcome is sent again): submits gather for {@code window}, then up to
     * {@code maxBatch} of them go in one request.
     */
    public void enableBatchSubmits(String providerId, Duration window, int maxBatch) {
        VideoProvider p = provider(providerId);
        if (!(p instanceof BatchSubmitter) || !p.deduplicatesSubmits()) {
            throw new ConfigurationException("Provider '" + providerId + "' cannot submit in batches");
        }
        submitBatches.put(providerId, new BatchSubmits((BatchSubmitter) p, resilience.get(providerId), timer, clock,
                window, maxBatch));
    }

    /**
     * Submits to one provider/model. The submission id is made here, once, and reused by every retry. A submit
     * whose outcome stays unknown at a provider that cannot de-duplicate ends in SubmissionUncertainException.
     */
    public CompletableFuture<VideoJob> submit(VideoRequest asked, ModelCapabilities model, List<Attempt> before) {
        VideoRequest request = webhookDefaults.apply(asked, model);
        VideoProvider provider = provider(model.provider());
        SubmitContext context = new SubmitContext(model, UUID.randomUUID().toString());
        Instant sentAt = clock.instant();
        SubmitAttempts tries = new SubmitAttempts(model, () -> closed);
        JobObservation seen = listeners.observers().jobStarted(new JobStart(model.provider(), model.id(), model.family(),
                request.workflow(), CapabilityMatrix.price(request, model).orElse(null), null));
        CompletableFuture<VideoJob> out = new CompletableFuture<>();
        out.whenComplete((j, e) -> {
            if (e != null) seen.failed(Observers.failure(null, asVideoGen(null, ProviderResilience.unwrap(e)),
                    new Timings(Duration.ZERO, Duration.ZERO, Duration.between(sentAt, clock.instant()).abs())));
        });
        if (closed) {
            out.completeExceptionally(tries.closedBeforeSending());
            return out;
        }
        submitting.put(out, tries);
        out.whenComplete((j, e) -> submitting.remove(out));
        BatchSubmits batch = submitBatches.get(provider.id());
        CompletableFuture<SubmitReceipt> sent = batch != null
                ? batch.submit(request, context, () -> sendAlone(provider, request, context, tries), tries)
                : sendAlone(provider, request, context, tries);
        sent.whenComplete((receipt, error) -> {
            if (error != null) {
                if (!tries.inDoubt() && error instanceof ProviderException
                        && ((ProviderException) error).submitOutcome() == SubmitOutcome.UNKNOWN) {
                    tries.mayHaveLanded(sentAt, (ProviderException) error);
                }
                out.completeExceptionally(tries.failure(error));
                return;
            }
            List<Attempt> attempts = new java.util.ArrayList<>(before);
            attempts.add(Attempt.accepted(provider.id(), model.id(),
                    CapabilityMatrix.price(request, model).map(Cost::estimated).orElse(Cost.unknown())));
            VideoJob job = new VideoJob(receipt.jobId(), clock.instant(), receipt.queuePosition(), attempts);
            JobTracker t = new JobTracker(receipt.jobId(), provider, model, request, sentAt, job.attempts(), seen);
            remember(t);
            // Also after close() ended the submit as uncertain: listeners and the log still learn the job's id.
            listeners.onSubmitted(job);
            seen.accepted(job);
            JobStatus first = JobStatus.queued(receipt.queuePosition());
            t.observe(first, clock.instant());
            listeners.onStatusChanged(t.id, null, first);
            schedulePoll(t, t.generation());
            out.complete(job);
        });
        return out;
    }

    /** One submit through retry and the breaker, recording every attempt that may have landed. */
    private CompletableFuture<SubmitReceipt> sendAlone(VideoProvider provider, VideoRequest request,
                                                       SubmitContext context, SubmitAttempts tries) {
        return resilience.get(provider.id()).call(Operation.SUBMIT, () -> {
            Instant attemptAt = clock.instant();
            if (!tries.sending()) throw tries.closedBeforeSending();
            try {
                return send(provider, request, context);
            } catch (ProviderException e) {
                if (e.submitOutcome() == SubmitOutcome.UNKNOWN) tries.mayHaveLanded(attemptAt, e);
                throw e;
            } finally {
                tries.sent();
            }
        });
    }

    private static SubmitReceipt send(VideoProvider provider, VideoRequest request, SubmitContext context) {
        if (request instanceof TextToVideoRequest && provider instanceof TextToVideo) {
            return ((TextToVideo) provider).submit((TextToVideoRequest) request, context);
        }
        if (request instanceof ImageToVideoRequest && provider instanceof ImageToVideo) {
            return ((ImageToVideo) provider).submit((ImageToVideoRequest) request, context);
        }
        throw new ConfigurationException("Provider " + provider.id() + " cannot do " + request.workflow().shortName()
                + " although its catalog lists " + context.model().id() + " for it");
    }

    /** Waits for a job — one this engine submitted, or one known only by its id (resumed after a restart). */
    public CompletableFuture<VideoResult> await(JobId id, Duration timeout) {
        if (closed) return CompletableFuture.failedFuture(closedWhileWaiting(id));
        JobTracker done = jobs.containsKey(id) ? null : ended.get(id);
        JobTracker t = done != null ? done : track(id);
        CompletableFuture<VideoResult> mine = new CompletableFuture<>();
        t.result.whenComplete((r, e) -> {
            if (e == null) mine.complete(r);
            else mine.completeExceptionally(ProviderResilience.unwrap(e));
        });
        if (timeout != null && !mine.isDone()) {
            var deadline = timer.schedule(() -> expire(t, mine, timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
            mine.whenComplete((r, e) -> deadline.cancel(false));
        }
        return mine;
    }

    private void expire(JobTracker t, CompletableFuture<VideoResult> waiter, Duration timeout) {
        if (waiter.isDone()) return;
        if (!cancelOnTimeout || !t.provider.supportsCancel()) {
            waiter.completeExceptionally(new JobTimeoutException(t.id, timeout, null));
            return;
        }
        cancel(t.id).whenComplete((outcome, e) -> waiter.completeExceptionally(
                new JobTimeoutException(t.id, timeout, e == null ? outcome : null)));
    }

    /** Asks the provider for the job's status now (through retry and the breaker). */
    public CompletableFuture<JobStatus> status(JobId id) {
        JobTracker known = jobs.get(id);
        VideoProvider p = provider(id.provider());
        return resilience.get(p.id()).call(Operation.POLL, () -> p.poll(id)).thenApply(u -> {
            if (known != null) observe(known, u.status());
            return u.status();
        });
    }

    public CompletableFuture<CancelOutcome> cancel(JobId id) {
        VideoProvider p = provider(id.provider());
        if (!p.supportsCancel()) return CompletableFuture.completedFuture(CancelOutcome.NOT_SUPPORTED);
        return resilience.get(p.id()).call(Operation.CANCEL, () -> p.cancel(id)).thenApply(outcome -> {
            JobTracker t = jobs.get(id);
            if (t != null && (outcome == CancelOutcome.CANCELLATION_REQUESTED || outcome == CancelOutcome.CANCELLED)) {
                pollSoon(t);
            }
            return outcome;
        });
    }

    /** A webhook told us how a job ended: complete it now instead of at its next poll. */
    public void onWebhook(WebhookEvent event) {
        JobTracker t = byNativeId.get(nativeKey(event.provider(), event.nativeJobId()));
        if (t == null) return;
        // Runware calls once per finished video: complete only when every asked-for video is in.
        int expected = t.request == null ? 1 : t.request.resultCount();
        if (event.status().state() == JobState.SUCCEEDED && event.videos().size() >= expected) {
            observe(t, event.status());
            complete(t, new ProviderOutput(event.videos(), event.cost().amount().orElse(null)));
        } else if (event.status().state().isTerminal() || !event.videos().isEmpty()) {
            pollSoon(t);
        }
    }

    public int inFlight() {
        return jobs.size();
    }

    public CircuitState circuitState(String providerId) {
        return resilience.get(provider(providerId).id()).circuitState();
    }

    /**
     * Stops following jobs: no poll is sent any more (also on a scheduler the caller owns and keeps running), and
     * every waiter fails now rather than waiting forever on a timer that may be gone. The jobs go on at the
     * provider; their ids resume them in another client.
     */
    public void close() {
        closed = true;
        // Their resends and batch flushes wait on a timer close() may stop: end them now, saying whether the job
        // may exist.
        submitting.forEach((out, tries) -> out.completeExceptionally(tries.closed(clock.instant())));
        for (JobTracker t : jobs.values()) {
            t.stopPolling();
            forget(t);
            VideoGenException closedNow = closedWhileWaiting(t.id);
            if (t.result.completeExceptionally(closedNow)) {
                t.observation.failed(new JobFailure(t.id, JobFailure.Outcome.CLIENT_CLOSED, null, closedNow,
                        t.timings(clock.instant())));
            }
        }
    }

    private static VideoGenException closedWhileWaiting(JobId id) {
        return new VideoGenException("The VideoClient was closed while waiting for job " + id + "; the job goes on at "
                + id.provider() + ": resume it with await(JobId.parse(\"" + id + "\")) in an open client");
    }

    private JobTracker track(JobId id) {
        return jobs.computeIfAbsent(id, k -> {
            VideoProvider p = provider(k.provider());
            ModelCapabilities m = matrix.model(k.provider(), k.model()).orElse(null);
            JobObservation seen = listeners.observers().jobStarted(new JobStart(k.provider(), k.model(),
                    m == null ? null : m.family(), null, null, k));
            JobTracker t = new JobTracker(k, p, m, null, clock.instant(), List.of(), seen);
            byNativeId.put(nativeKey(k.provider(), k.nativeId()), t);
            timer.execute(() -> pollNow(t, t.generation()));
            return t;
        });
    }

    private void remember(JobTracker t) {
        jobs.put(t.id, t);
        byNativeId.put(nativeKey(t.id.provider(), t.id.nativeId()), t);
    }

    private void forget(JobTracker t) {
        forget(t, true);
    }

    // Only an outcome of the job itself is remembered for later awaits; when following it failed (a read error
    // that retries cannot heal), awaiting its id again asks the provider again.
    private void forget(JobTracker t, boolean remember) {
        if (remember) ended.put(t.id, t);
        jobs.remove(t.id);
        byNativeId.remove(nativeKey(t.id.provider(), t.id.nativeId()), t);
    }

    private static String nativeKey(String provider, String nativeId) {
        return provider + '\n' + nativeId;
    }

    /**
     * Schedules the next poll of chain {@code generation}, unless a newer chain replaced it (see pollSoon). A job
     * with a webhook is polled only at the safety interval when one is set: its webhook completes it.
     */
    private void schedulePoll(JobTracker t, int generation) {
        if (t.result.isDone() || generation != t.generation()) return;
        int n = t.nextPollNumber();
        Duration safety = webhookSafetyPoll;
        Duration d = safety != null && t.request != null && t.request.webhookUrl() != null ? safety : poll.delay(n);
        t.scheduled(timer.schedule(() -> pollNow(t, generation), d.toMillis(), TimeUnit.MILLISECONDS));
    }

    // A poll may be in flight (on the call executor, or waiting for a retry) when a cancel or webhook asks for one
    // now: the new chain replaces it, and the old poll's answer is still observed but schedules nothing, so a job
    // never ends up with two poll loops.
    private void pollSoon(JobTracker t) {
        int generation = t.restartPolling();
        t.scheduled(timer.schedule(() -> pollNow(t, generation), 0, TimeUnit.MILLISECONDS));
    }

    private void pollNow(JobTracker t, int generation) {
        if (closed || t.result.isDone()) return;
        BatchPolls batch = batches.get(t.provider.id());
        CompletableFuture<JobUpdate> update = batch != null ? batch.poll(t.id)
                : resilience.get(t.provider.id()).call(Operation.POLL, () -> t.provider.poll(t.id));
        update.whenComplete((u, e) -> {
            if (e != null) {
                onPollError(t, e, generation);
            } else {
                onUpdate(t, u, generation);
            }
        });
    }

    private void onUpdate(JobTracker t, JobUpdate u, int generation) {
        JobStatus s = u.status();
        observe(t, s);
        switch (s.state()) {
            case SUCCEEDED:
                if (u.output() != null) {
                    complete(t, u.output());
                } else {
                    // A failed read is handled like a failed poll: the next poll sees SUCCEEDED and reads again.
                    resilience.get(t.provider.id()).call(Operation.RESULT, () -> t.provider.result(t.id))
                            .whenComplete((out, e) -> {
                                if (e == null) complete(t, out);
                                else onPollError(t, e, generation);
                            });
                }
                break;
            case FAILED:
            case CANCELLED:
                fail(t, new JobFailedException(t.id, s));
                break;
            default:
                schedulePoll(t, generation);
        }
    }

    private void onPollError(JobTracker t, Throwable e, int generation) {
        // A paid job must not be dropped because the provider hiccuped: keep polling through transient trouble
        // (the breaker keeps us from hammering it), and give up only on errors that cannot heal.
        if (e instanceof ProviderException && ((ProviderException) e).retryable()) {
            schedulePoll(t, generation);
        } else {
            fail(t, e);
        }
    }

    private void observe(JobTracker t, JobStatus s) {
        JobStatus previous = t.observe(s, clock.instant());
        if (!s.equals(previous)) listeners.onStatusChanged(t.id, previous, s);
        if (s.state() == JobState.RUNNING && (previous == null || previous.state() != JobState.RUNNING)) {
            t.observation.running();
        }
    }

    private void complete(JobTracker t, ProviderOutput out) {
        Cost cost = out.reportedCost() != null ? Cost.reported(out.reportedCost())
                : t.request != null && t.model != null
                ? CapabilityMatrix.price(t.request, t.model).map(Cost::estimated).orElse(Cost.unknown())
                : Cost.unknown();
        VideoResult r = new VideoResult(t.id, out.videos(), cost, t.timings(clock.instant()),
                Attempts.withLast(t.attempts, a -> a.succeeded(cost)));
        t.stopPolling();
        forget(t);
        if (t.result.complete(r)) {
            listeners.onCompleted(r);
            t.observation.succeeded(r);
        }
    }

    private void fail(JobTracker t, Throwable e) {
        t.stopPolling();
        forget(t, e instanceof JobFailedException);
        VideoGenException error = asVideoGen(t.id, e);
        if (t.result.completeExceptionally(error)) {
            listeners.onFailed(t.id, error);
            t.observation.failed(Observers.failure(t.id, error, t.timings(clock.instant())));
        }
    }

    private static VideoGenException asVideoGen(JobId id, Throwable e) {
        return e instanceof VideoGenException ? (VideoGenException) e
                : new VideoGenException(ApiKey.redact("Job " + (id == null ? "submit" : id) + " failed: " + e),
                ApiKey.redact(e));
    }

    private VideoProvider provider(String id) {
        VideoProvider p = providers.get(id);
        if (p == null) {
            throw new ConfigurationException("Provider '" + id + "' is not configured in this client (configured: "
                    + String.join(", ", providers.keySet()) + ")");
        }
        return p;
    }
}
