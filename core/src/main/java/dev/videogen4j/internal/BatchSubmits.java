package dev.videogen4j.internal;

import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.spi.BatchSubmitter;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Coalesces one provider's submits into batch requests, as {@link BatchPolls} does for polls: a submit joins a
 * queue, and a flush {@code window} later up to {@code maxBatch} queued submits go in one call, through the
 * provider's retry and circuit breaker like any submit. A submission the batch answered with a retryable
 * failure, or not at all, is sent again on its own with the same submission id ({@code alone}), which the
 * provider de-duplicates, so it gets exactly the retries a single submit gets.
 *
 * <p>Every batch attempt that may have created a submission's job (no answer, an unreadable one, an answer that
 * does not mention it) is reported to that submission's {@link SubmitAttempts}: if its submit fails in the end, even
 * with a refusal on a later attempt, the job may exist and be billed, so the submit must end uncertain rather
 * than let a fallback route pay a second provider.
 */
final class BatchSubmits {
    private final BatchSubmitter submitter;
    private final ProviderResilience resilience;
    private final Clock clock;
    private final Coalescer<Entry> due;

    private static final class Entry {
        final BatchSubmitter.Submission submission;
        final Supplier<CompletableFuture<SubmitReceipt>> alone;
        final SubmitAttempts tries;
        final CompletableFuture<SubmitReceipt> receipt = new CompletableFuture<>();

        Entry(BatchSubmitter.Submission submission, Supplier<CompletableFuture<SubmitReceipt>> alone,
              SubmitAttempts tries) {
            this.submission = submission;
            this.alone = alone;
            this.tries = tries;
        }
    }

    BatchSubmits(BatchSubmitter submitter, ProviderResilience resilience, ScheduledExecutorService timer, Clock clock,
                 Duration window, int maxBatch) {
        this.submitter = submitter;
        this.resilience = resilience;
        this.clock = clock;
        this.due = new Coalescer<>(timer, window, maxBatch, this::send);
    }

    /**
     * Queues a submit; the future completes with its receipt, or fails like a single submit would. {@code alone}
     * sends it on its own (same submission id) when the batch did not settle it; {@code tries} hears of every
     * batch attempt, and of those that may have created its job.
     */
    CompletableFuture<SubmitReceipt> submit(VideoRequest request, SubmitContext context,
                                            Supplier<CompletableFuture<SubmitReceipt>> alone, SubmitAttempts tries) {
        Entry e = new Entry(new BatchSubmitter.Submission(request, context), alone, tries);
        due.add(e);
        return e.receipt;
    }

    private void send(List<Entry> batch) {
        List<BatchSubmitter.Submission> submissions = new ArrayList<>();
        batch.forEach(b -> submissions.add(b.submission));
        AtomicReference<Instant> lastAttempt = new AtomicReference<>();
        resilience.call(Operation.SUBMIT, () -> {
            Instant at = clock.instant();
            lastAttempt.set(at);
            List<Entry> sending = new ArrayList<>();
            for (Entry b : batch) {
                if (b.tries.sending()) sending.add(b);
            }
            try {
                if (sending.size() < batch.size()) throw batch.get(0).tries.closedBeforeSending();
                return resilience.redactor().around(() -> submitter.submitAll(submissions));
            } catch (ProviderException failed) {
                if (failed.submitOutcome() == SubmitOutcome.UNKNOWN) batch.forEach(b -> b.tries.mayHaveLanded(at, failed));
                throw failed;
            } finally {
                sending.forEach(b -> b.tries.sent());
            }
        }).whenComplete((Map<String, BatchSubmitter.Outcome> outcomes, Throwable failed) -> {
            for (Entry b : batch) {
                if (failed != null) b.receipt.completeExceptionally(failed);
                else settle(b, outcomes.get(b.submission.context().submissionId()), lastAttempt.get());
            }
        });
    }

    private void settle(Entry e, BatchSubmitter.Outcome outcome, Instant sentAt) {
        if (outcome != null && outcome.receipt() != null) {
            e.receipt.complete(outcome.receipt());
            return;
        }
        String submissionId = e.submission.context().submissionId();
        if (outcome == null) {
            // The answer does not say whether this submission landed: it may have, like a lost answer.
            e.tries.mayHaveLanded(sentAt, ProviderErrors.unparseable(e.submission.context().model().providerId(),
                    Operation.SUBMIT, 200, submissionId,
                    new IOException("the batch answer does not mention submission " + submissionId)));
        } else if (outcome.failure() instanceof ProviderException
                && ((ProviderException) outcome.failure()).submitOutcome() == SubmitOutcome.UNKNOWN) {
            e.tries.mayHaveLanded(sentAt, (ProviderException) outcome.failure());
        }
        if (outcome == null || (outcome.failure() instanceof ProviderException
                && ((ProviderException) outcome.failure()).retryable())) {
            e.alone.get().whenComplete((r, t) -> {
                if (t == null) e.receipt.complete(r);
                else e.receipt.completeExceptionally(t);
            });
        } else {
            e.receipt.completeExceptionally(outcome.failure());
        }
    }
}
