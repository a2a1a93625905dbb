package dev.videogen4j;

import java.util.Objects;

/**
 * One provider/model that was tried while serving a request: how it went and what it cost. A result (and a
 * {@link dev.videogen4j.error.JobFailedException}) lists every attempt, so neither a fallback nor its bill is
 * invisible.
 *
 * <pre>{@code
 * for (Attempt a : result.attempts()) {
 *     System.out.println(a.providerId() + " " + a.model() + ": " + a.describe() + ", cost " + a.cost());
 * }
 * System.out.println("paid in all: " + result.totalCost());
 * }</pre>
 *
 * @param providerId the provider id
 * @param model    the native model id
 * @param outcome  how the attempt ended (so far)
 * @param detail   why it was abandoned ({@link Outcome#REJECTED}, {@link Outcome#JOB_FAILED}), else empty
 * @param cost     what it cost: {@link Cost#notBilled()} for a submit the provider refused, the job's cost for a
 *                 succeeded one, the price-table estimate while accepted, unknown for a failed job (whether a
 *                 vendor bills a failed job depends on why it failed: fal bills some 422s, not its 5xx)
 */
public record Attempt(String providerId, String model, Outcome outcome, String detail, Cost cost) {
    /** How an attempt ended. */
    public enum Outcome {
        /** The provider accepted the job; it is billable and not finished yet. */
        ACCEPTED,
        /** The job finished and served the request. */
        SUCCEEDED,
        /** The provider provably did not take the submit (refused before processing, or its circuit was open). */
        REJECTED,
        /** The provider ran the job and it failed on its side; the request moved on. */
        JOB_FAILED
    }

    public Attempt {
        Objects.requireNonNull(providerId, "providerId == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(outcome, "outcome == null");
        Objects.requireNonNull(cost, "cost == null");
        detail = detail == null ? "" : detail;
        if (outcome == Outcome.REJECTED && cost.source() != Cost.Source.NOT_BILLED) {
            throw new IllegalArgumentException("a rejected submit created no job, so it cannot cost " + cost);
        }
    }

    /** A job the provider accepted, costing {@code estimate} (or unknown) until it finishes. */
    public static Attempt accepted(String providerId, String model, Cost estimate) {
        return new Attempt(providerId, model, Outcome.ACCEPTED, "", estimate);
    }

    /** A submit the provider refused before creating a job: nothing billed. */
    public static Attempt rejected(String providerId, String model, String why) {
        return new Attempt(providerId, model, Outcome.REJECTED, why, Cost.notBilled());
    }

    /** This attempt's job served the request at {@code jobCost}. */
    public Attempt succeeded(Cost jobCost) {
        return new Attempt(providerId, model, Outcome.SUCCEEDED, "", jobCost);
    }

    /** This attempt's job failed on the provider's side; what it is billed is unknown. */
    public Attempt jobFailed(String why) {
        return new Attempt(providerId, model, Outcome.JOB_FAILED, why, Cost.unknown());
    }

    /** {@code succeeded}, {@code accepted}, {@code rejected: HTTP 503 ...} or {@code job failed: ...}. */
    public String describe() {
        String name = outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return detail.isEmpty() ? name : name + ": " + detail;
    }
}
