package dev.videogen4j.internal;

import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.spi.BatchSubmitter;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/**
 * Coalesces one provider's submits into batch requests, as {@link BatchPolls} does for polls: a submit joins a
 * queue, and a flush {@code window} later up to {@code maxBatch} queued submits go in one call, through the
 * provider's retry and circuit breaker like any submit. A submission the batch answered with a retryable
 * failure, or not at all, is sent again on its own with the same submission id ({@code alone}), which the
 * provider de-duplicates, so it gets exactly the retries a single submit gets.
 */
final class BatchSubmits {
    private final BatchSubmitter submitter;
    private final ProviderResilience resilience;
    private final ScheduledExecutorService timer;
    private final Duration window;
    private final int maxBatch;
    private final BiFunction<VideoRequest, SubmitContext, CompletableFuture<SubmitReceipt>> alone;
    private final Queue<Entry> due = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    private static final class Entry {
        final BatchSubmitter.Submission submission;
        final CompletableFuture<SubmitReceipt> receipt = new CompletableFuture<>();

        Entry(BatchSubmitter.Submission submission) {
            this.submission = submission;
        }
    }

    BatchSubmits(BatchSubmitter submitter, ProviderResilience resilience, ScheduledExecutorService timer,
                 Duration window, int maxBatch,
                 BiFunction<VideoRequest, SubmitContext, CompletableFuture<SubmitReceipt>> alone) {
        this.submitter = submitter;
        this.resilience = resilience;
        this.timer = timer;
        this.window = window;
        this.maxBatch = maxBatch;
        this.alone = alone;
    }

    /** Queues a submit; the future completes with its receipt, or fails like a single submit would. */
    CompletableFuture<SubmitReceipt> submit(VideoRequest request, SubmitContext context) {
        Entry e = new Entry(new BatchSubmitter.Submission(request, context));
        due.add(e);
        if (flushScheduled.compareAndSet(false, true)) {
            timer.schedule(this::flush, window.toMillis(), TimeUnit.MILLISECONDS);
        }
        return e.receipt;
    }

    private void flush() {
        flushScheduled.set(false);
        while (!due.isEmpty()) {
            List<Entry> batch = new ArrayList<>();
            Entry e;
            while (batch.size() < maxBatch && (e = due.poll()) != null) batch.add(e);
            if (batch.isEmpty()) return;
            List<BatchSubmitter.Submission> submissions = new ArrayList<>();
            batch.forEach(b -> submissions.add(b.submission));
            resilience.call(Operation.SUBMIT, () -> submitter.submitAll(submissions))
                    .whenComplete((Map<String, BatchSubmitter.Outcome> outcomes, Throwable failed) -> {
                        for (Entry b : batch) {
                            if (failed != null) b.receipt.completeExceptionally(failed);
                            else settle(b, outcomes.get(b.submission.context().submissionId()));
                        }
                    });
        }
    }

    private void settle(Entry e, BatchSubmitter.Outcome outcome) {
        if (outcome != null && outcome.receipt() != null) {
            e.receipt.complete(outcome.receipt());
        } else if (outcome == null || (outcome.failure() instanceof ProviderException
                && ((ProviderException) outcome.failure()).retryable())) {
            alone.apply(e.submission.request(), e.submission.context()).whenComplete((r, t) -> {
                if (t == null) e.receipt.complete(r);
                else e.receipt.completeExceptionally(t);
            });
        } else {
            e.receipt.completeExceptionally(outcome.failure());
        }
    }
}
