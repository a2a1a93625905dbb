package dev.videogen4j.internal;

import dev.videogen4j.Attempt;
import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.Cost;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobStatus;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.Timings;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.WebhookEvent;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.observation.JobObservation;
import dev.videogen4j.observation.JobStart;
import dev.videogen4j.spi.BatchSubmitter;
import dev.videogen4j.spi.ImageToVideo;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.spi.TextToVideo;
import dev.videogen4j.spi.VideoProvider;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Submitting: the job's record is stored before the first byte is sent (write-ahead), the submission id is made
 * once and reused by every retry, and the submit's end is recorded as it is: accepted, refused, or uncertain. An
 * uncertain submit is a record, not only an exception: at a provider whose job id is the submission id (Runware)
 * it is followed by polling that id; elsewhere (fal) it stays UNCERTAIN until a webhook carrying its submission
 * id settles it.
 */
final class JobSubmitter {
    private final EngineContext ctx;
    private final BooleanSupplier closed;
    private final Consumer<JobTracker> follow;
    private final Map<String, BatchSubmits> batches = new ConcurrentHashMap<>();
    private final WebhookDefaults webhookDefaults;
    private final Map<CompletableFuture<VideoJob>, SubmitAttempts> submitting = new ConcurrentHashMap<>();

    JobSubmitter(EngineContext ctx, BooleanSupplier closed, Consumer<JobTracker> follow) {
        this.ctx = ctx;
        this.closed = closed;
        this.follow = follow;
        this.webhookDefaults = new WebhookDefaults(ctx.settings().webhookUrls());
        ctx.settings().batches().forEach((id, b) -> {
            if (!b.submits()) return;
            VideoProvider p = ctx.provider(id);
            if (!(p instanceof BatchSubmitter) || !p.deduplicatesSubmits()) {
                throw new ConfigurationException("Provider '" + id + "' cannot submit in batches");
            }
            batches.put(id, new BatchSubmits((BatchSubmitter) p, ctx.guard(id), ctx.timer(), ctx.clock(),
                    b.window(), b.max()));
        });
    }

    /**
     * Submits to one provider/model. A submit whose outcome stays unknown at a provider that cannot de-duplicate
     * ends in SubmissionUncertainException, and its record says UNCERTAIN.
     */
    CompletableFuture<VideoJob> submit(VideoRequest asked, ModelCapabilities model, List<Attempt> before) {
        VideoRequest request = webhookDefaults.apply(asked, model);
        VideoProvider provider = ctx.provider(model.providerId());
        SubmitContext context = new SubmitContext(model, UUID.randomUUID().toString());
        Instant sentAt = ctx.clock().instant();
        SubmitAttempts tries = new SubmitAttempts(model,
                provider.jobIdFor(context).map(dev.videogen4j.JobId::nativeJobId).orElse(null), closed);
        // Priced once for the observers, the record and the attempt, which each priced it anew (BigDecimal math).
        BigDecimal price = CapabilityMatrix.price(request, model).orElse(null);
        JobObservation seen = ctx.listeners().observers().jobStarted(new JobStart(model.providerId(), model.id(),
                model.family(), request.workflow(), price, null));
        CompletableFuture<VideoJob> out = new CompletableFuture<>();
        out.whenComplete((j, e) -> {
            if (e != null) seen.failed(Observers.failure(null, JobOutcomes.asVideoGen(ctx.redactor(), null, Futures.unwrap(e)),
                    new Timings(Duration.ZERO, Duration.ZERO, Duration.between(sentAt, ctx.clock().instant()).abs())));
        });
        if (closed.getAsBoolean()) {
            out.completeExceptionally(tries.closedBeforeSending());
            return out;
        }
        JobRecord record;
        try {
            record = ctx.records().intend(request, model, context.submissionId(), price);
            tries.recordedAs(record.id(), context.submissionId());
        } catch (RuntimeException storeDown) {
            out.completeExceptionally(storeDown);
            return out;
        }
        out.whenComplete((j, e) -> {
            if (e == null) return;
            Throwable cause = Futures.unwrap(e);
            if (cause instanceof SubmissionUncertainException) {
                ctx.records().uncertain(record.id(), provider.jobIdFor(context), cause);
                reconcile(provider, model, request, context, record);
            } else {
                ctx.records().rejected(record.id(), cause);
            }
        });
        submitting.put(out, tries);
        out.whenComplete((j, e) -> submitting.remove(out));
        ctx.records().sending(record.id());
        BatchSubmits batch = batches.get(provider.id());
        VideoRequest wire = provider.jobIdFor(context).isPresent() ? request : withSubmission(request, context);
        // When the adapter returned the provider's answer: a job's run time is counted from here when the receipt
        // does not say when the submit was on the wire (startedAround).
        AtomicReference<Instant> answered = new AtomicReference<>();
        CompletableFuture<SubmitReceipt> sent = batch != null
                ? batch.submit(wire, context, () -> sendAlone(provider, wire, context, tries, record, answered), tries)
                : sendAlone(provider, wire, context, tries, record, answered);
        sent.whenComplete((receipt, error) -> {
            if (error != null) {
                if (!tries.inDoubt() && error instanceof ProviderException
                        && ((ProviderException) error).submitOutcome() == SubmitOutcome.UNKNOWN) {
                    tries.mayHaveLanded(sentAt, (ProviderException) error);
                }
                out.completeExceptionally(tries.failure(error));
                return;
            }
            ctx.records().accepted(record.id(), receipt.jobId());
            List<Attempt> attempts = new ArrayList<>(before);
            attempts.add(Attempt.accepted(provider.id(), model.id(),
                    price != null ? Cost.estimated(price) : Cost.unknown()));
            VideoJob job = new VideoJob(receipt.jobId(), ctx.clock().instant(), receipt.queuePosition(), attempts);
            JobTracker t = new JobTracker(receipt.jobId(), record.id(), provider, model, request, sentAt,
                    job.attempts(), seen);
            t.accepted(startedAround(receipt, answered.get() != null ? answered.get() : job.submittedAt()));
            t.waiter = CallerRuns.waitingCaller(ctx.guard(provider.id()).calls());
            // Also after close() ended the submit as uncertain: listeners and the log still learn the job's id.
            ctx.listeners().onSubmitted(job);
            seen.accepted(job);
            JobStatus first = JobStatus.queued(receipt.queuePosition());
            t.observe(first, ctx.clock().instant());
            ctx.listeners().onStatusChanged(t.id, null, first);
            follow.accept(t);
            out.complete(job);
        });
        return out;
    }

    /**
     * A submit that may have landed, at a provider whose job id is the submission id: follow that id, so the
     * record learns whether the job exists, and how it ends.
     */
    private void reconcile(VideoProvider provider, ModelCapabilities model, VideoRequest request,
                           SubmitContext context, JobRecord record) {
        if (closed.getAsBoolean()) return;
        provider.jobIdFor(context).ifPresent(id -> {
            JobTracker t = new JobTracker(id, record.id(), provider, model, request, ctx.clock().instant(),
                    List.of(Attempt.accepted(provider.id(), model.id(), Cost.unknown())), JobObservation.NONE);
            t.releaseAt(ctx.clock().instant().plus(ctx.settings().followAfterTimeout()));
            follow.accept(t);
        });
    }

    /** One submit through retry and the breaker, recording every attempt that may have landed. */
    private CompletableFuture<SubmitReceipt> sendAlone(VideoProvider provider, VideoRequest request,
                                                       SubmitContext context, SubmitAttempts tries, JobRecord record,
                                                       AtomicReference<Instant> answered) {
        java.util.concurrent.atomic.AtomicInteger attempt = new java.util.concurrent.atomic.AtomicInteger();
        return ctx.guard(provider.id()).call(Operation.SUBMIT, () -> {
            Instant attemptAt = ctx.clock().instant();
            if (!tries.sending()) throw tries.closedBeforeSending();
            if (attempt.incrementAndGet() > 1) ctx.records().sending(record.id());
            try {
                // Scrubbed here already: the in-doubt record below keeps the exception for the uncertain end.
                SubmitReceipt receipt = ctx.redactor().around(() -> send(provider, request, context));
                // Stamped on the call thread as the adapter returns, before the retry, breaker, future chain and
                // store bookkeeping that follow: on a client's first job those run cold (class loading, JIT) and
                // took 0.8 s on a loaded JDK 17, which counted against the scout's run time, so every job aimed by
                // it before any other job ended was polled that much early (N1: a wave of 20 found running).
                answered.set(ctx.clock().instant());
                return receipt;
            } catch (ProviderException e) {
                if (e.submitOutcome() == SubmitOutcome.UNKNOWN) tries.mayHaveLanded(attemptAt, e);
                throw e;
            } finally {
                tries.sent();
            }
        });
    }

    /**
     * When the provider most likely started the job, which its run time is counted from (JobTracker.accepted): the
     * middle of the submit's exchange on the wire when the receipt gives it, else {@code returned}, when the
     * adapter returned. A client's first submit is slow on both sides of the wire (N1 on JDK 17: 1.7 s from its
     * request's headers going out to its answer's coming in, the job started half way; the adapter returned 0.2 s
     * after that), the ones after it take a round trip: counted from the adapter's return, the first job's run time
     * came out a second short, and every job aimed by it before another one ended was polled before its end.
     */
    static Instant startedAround(SubmitReceipt receipt, Instant returned) {
        if (receipt.sentAt() == null) return returned;
        Duration exchange = Duration.between(receipt.sentAt(), receipt.answeredAt());
        return receipt.sentAt().plus(PollSchedule.divided(exchange, 2));
    }

    private static SubmitReceipt send(VideoProvider provider, VideoRequest request, SubmitContext context) {
        if (request instanceof TextToVideoRequest t2v && provider instanceof TextToVideo p) {
            return p.submit(t2v, context);
        }
        if (request instanceof ImageToVideoRequest i2v && provider instanceof ImageToVideo p) {
            return p.submit(i2v, context);
        }
        throw new ConfigurationException("Provider " + provider.id() + " cannot do " + request.workflow().shortName()
                + " although its catalog lists " + context.model().id() + " for it");
    }

    /**
     * The request with its webhook URL naming the submission, at a provider that assigns its own job ids: if the
     * submit's answer is lost, the webhook still says which record the job is.
     */
    private static VideoRequest withSubmission(VideoRequest request, SubmitContext context) {
        String url = request.webhookUrl();
        if (url == null) return request;
        String named = url + (url.contains("?") ? "&" : "?") + WebhookEvent.SUBMISSION_PARAMETER + "="
                + context.submissionId();
        return request instanceof TextToVideoRequest t2v ? t2v.toBuilder().webhookUrl(named).build()
                : ((ImageToVideoRequest) request).toBuilder().webhookUrl(named).build();
    }

    /** Ends every submit still waiting (for a resend, a batch, an answer), saying whether its job may exist. */
    void close() {
        submitting.forEach((out, tries) -> out.completeExceptionally(tries.closed(ctx.clock().instant())));
    }
}
