package dev.videogen4j.internal;

import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.Operation;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * What one submit's attempts have done so far, so that its end — a failure after retries, or the client's close()
 * while it waits for a resend — says truthfully whether its job may exist. Attempts may run on several threads
 * (a batch and a resend on its own), hence the atomics.
 *
 * <pre>{@code
 * SubmitAttempts attempts = new SubmitAttempts(model, provider.jobIdFor(context).map(JobId::nativeJobId).orElse(null), () -> closed);
 * if (!attempts.sending()) throw attempts.closedBeforeSending();
 * try { return send(...); }
 * catch (ProviderException e) { if (e.submitOutcome() == SubmitOutcome.UNKNOWN) attempts.mayHaveLanded(at, e); throw e; }
 * finally { attempts.sent(); }
 * }</pre>
 */
final class SubmitAttempts {
    private final ModelCapabilities model;
    // The provider's id for the job, when the adapter chose it before sending (Runware's taskUUID): an uncertain
    // end names it even when no answer ever did, so the caller can await the job it may be billed for.
    private final String knownRequestId;
    /** The job record and submission id of this submit, once the record is written (write-ahead). */
    private volatile String recordId;
    private volatile String submissionId;
    private final BooleanSupplier clientClosed;
    private final AtomicInteger inFlight = new AtomicInteger();
    // The latest attempt that may have landed. If the submit then fails — at once where the provider cannot
    // de-duplicate, after more attempts where it can — the job may exist and be billed all the same.
    private final AtomicReference<InDoubt> inDoubt = new AtomicReference<>();

    private record InDoubt(Instant sentAt, ProviderException error) {
    }

    SubmitAttempts(ModelCapabilities model, String knownRequestId, BooleanSupplier clientClosed) {
        this.model = model;
        this.knownRequestId = knownRequestId;
        this.clientClosed = clientClosed;
    }

    /** An attempt is about to be sent; false when the client is closed, and then nothing may be sent. */
    boolean sending() {
        inFlight.incrementAndGet();
        // Counted before the check: close() sets its flag, then reads the count, so it sees this attempt or this
        // attempt sees the flag.
        if (clientClosed.getAsBoolean()) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    /** The write-ahead record of this submit is stored: an uncertain ending names it and its submission id. */
    void recordedAs(String recordId, String submissionId) {
        this.recordId = recordId;
        this.submissionId = submissionId;
    }

    /** The attempt announced by {@link #sending()} has its answer (or failure). */
    void sent() {
        inFlight.decrementAndGet();
    }

    /** An attempt sent at {@code sentAt} may have created the job: its answer was lost or unreadable. */
    void mayHaveLanded(Instant sentAt, ProviderException error) {
        inDoubt.set(new InDoubt(sentAt, error));
    }

    boolean inDoubt() {
        return inDoubt.get() != null;
    }

    /** What a submit refused once the client was closed fails its attempt with (it never reaches the caller). */
    VideoGenException closedBeforeSending() {
        return new VideoGenException("The VideoClient is closed: the submit to " + model.providerId() + " ("
                + model.id() + ") was not sent");
    }

    /**
     * The failure that ends this submit: uncertain after an attempt that may have landed, whatever the last
     * attempt met (a 503 after a lost answer does not make the first attempt unbilled, nor may another provider
     * be tried), else {@code error} itself.
     */
    Throwable failure(Throwable error) {
        InDoubt doubt = inDoubt.get();
        if (doubt == null) return error;
        SubmissionUncertainException e = new SubmissionUncertainException(model.providerId(), model.id(),
                doubt.sentAt(), doubt.error().providerRequestId().orElse(knownRequestId), recordId, submissionId,
                doubt.error());
        if (error != doubt.error()) e.addSuppressed(error);
        return e;
    }

    /**
     * The failure for a submit the client's close() ends while it waits (for a resend, a batch, an answer): its
     * retries are gone with the client's timer. Uncertain when an attempt may have landed or is still in flight.
     */
    Throwable closed(Instant now) {
        int sending = inFlight.get();
        if (sending == 0 && inDoubt.get() == null) {
            return new VideoGenException("The VideoClient was closed before the submit to " + model.providerId() + " ("
                    + model.id() + ") was accepted; no attempt of it can have created a job");
        }
        if (sending > 0 && inDoubt.get() == null) {
            mayHaveLanded(now, new ProviderUnavailableException(new ProviderException.Details(model.providerId(),
                    Operation.SUBMIT, 0, "the VideoClient was closed while the submit was in flight", knownRequestId, null,
                    false, SubmitOutcome.UNKNOWN, null), false));
        }
        return failure(new VideoGenException("The VideoClient was closed while the submit to " + model.providerId()
                + " waited to be resent"));
    }
}
