package dev.videogen4j.internal;

import dev.videogen4j.Attempt;
import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.Cost;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.RecordState;
import dev.videogen4j.spi.Redactor;
import dev.videogen4j.spi.ProviderOutput;
import java.util.List;
import java.util.Optional;

/**
 * How a followed job's news is recorded and told: a status change, its success, its failure. The store decides
 * which outcome is the job's when two writers race (a poll here, a webhook on another instance): the first one
 * stored wins, and every follower reports that one. Listeners and observers run here, at most once per job.
 */
final class JobOutcomes {
    private final EngineContext ctx;
    private final JobTable table;

    JobOutcomes(EngineContext ctx, JobTable table) {
        this.ctx = ctx;
        this.table = table;
    }

    void observe(JobTracker t, JobStatus s) {
        JobStatus previous = t.observe(s, ctx.clock().instant());
        if (!s.equals(previous)) {
            ctx.listeners().onStatusChanged(t.id, previous, s);
            if (!s.state().isTerminal() && s.state() != JobState.UNKNOWN) ctx.records().observed(t.recordId, t.id, s);
        }
        if (s.state() == JobState.RUNNING && (previous == null || previous.state() != JobState.RUNNING)) {
            t.observation.running();
        }
    }

    void complete(JobTracker t, ProviderOutput out) {
        Cost cost = out.reportedCost() != null ? Cost.reported(out.reportedCost())
                : t.request != null && t.model != null
                ? CapabilityMatrix.price(t.request, t.model).map(Cost::estimated).orElse(Cost.unknown())
                : Cost.unknown();
        Optional<JobRecord> first = ctx.records().succeeded(t.recordId, t.id, out.videos(), cost);
        if (first.isPresent()) {
            // Another writer ended the job first (a webhook, another instance): its outcome is the job's.
            settle(t, first.get());
            return;
        }
        VideoResult r = new VideoResult(t.id, out.videos(), cost, t.timings(ctx.clock().instant()),
                Attempts.withLast(t.attempts, a -> a.succeeded(cost)));
        t.stopPolling();
        table.forget(t, true);
        if (t.result.complete(r)) {
            ctx.listeners().onCompleted(r);
            t.observation.succeeded(r);
        }
    }

    /** The job failed or was cancelled at the provider. */
    void ended(JobTracker t, JobStatus s) {
        Optional<JobRecord> first = ctx.records().ended(t.recordId, t.id, s);
        if (first.isPresent()) {
            settle(t, first.get());
            return;
        }
        fail(t, new JobFailedException(t.id, s));
    }

    /** Following the job failed: the job may go on at the provider, and awaiting it again asks again. */
    void fail(JobTracker t, Throwable e) {
        t.stopPolling();
        boolean ofTheJob = e instanceof JobFailedException;
        if (!ofTheJob) ctx.records().followingFailed(t.recordId, e);
        table.forget(t, ofTheJob);
        VideoGenException error = asVideoGen(ctx.redactor(), t.id, e);
        if (t.result.completeExceptionally(error)) {
            ctx.listeners().onFailed(t.id, error);
            t.observation.failed(Observers.failure(t.id, error, t.timings(ctx.clock().instant())));
        }
    }

    /** Ends a followed job as its stored record says it ended. */
    void settle(JobTracker t, JobRecord r) {
        if (r.state() == RecordState.SUCCEEDED) {
            VideoResult result = resultOf(r, t.attempts);
            t.stopPolling();
            table.forget(t, true);
            if (t.result.complete(result)) {
                ctx.listeners().onCompleted(result);
                t.observation.succeeded(result);
            }
        } else {
            fail(t, new JobFailedException(t.id, statusOf(r)));
        }
    }

    /** The result a SUCCEEDED record describes; {@code attempts} when this client knows the routing. */
    VideoResult resultOf(JobRecord r, List<Attempt> attempts) {
        List<Attempt> tried = attempts.isEmpty()
                ? List.of(Attempt.accepted(r.providerId(), r.model(), Cost.unknown())) : attempts;
        return new VideoResult(r.jobId().orElseThrow(), r.videos(), r.actualCost(), r.timings(r.endedAt()),
                Attempts.withLast(tried, a -> a.succeeded(r.actualCost())));
    }

    /** The final status a FAILED or CANCELLED record describes. */
    static JobStatus statusOf(JobRecord r) {
        return r.state() == RecordState.CANCELLED ? JobStatus.cancelled()
                : JobStatus.failed(r.errorKind() != null ? r.errorKind() : dev.videogen4j.spi.ErrorKind.OTHER,
                r.errorCode(), r.lastError());
    }

    static VideoGenException asVideoGen(Redactor redactor, JobId id, Throwable e) {
        return e instanceof VideoGenException ? (VideoGenException) redactor.redact(e)
                : new VideoGenException(redactor.redact("Job " + (id == null ? "submit" : id) + " failed: " + e),
                redactor.redact(e));
    }
}
