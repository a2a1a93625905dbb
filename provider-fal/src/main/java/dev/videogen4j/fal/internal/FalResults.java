package dev.videogen4j.fal.internal;

import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.ProviderFailure;

/**
 * What the result of a COMPLETED request says about the job. fal has no FAILED status: a request whose input the
 * model refused, or whose runner failed, still ends COMPLETED, and the error shows only when the result is read
 * (https://github.com/TanStack/ai/pull/396, tested live; fal-js docs: Completed "may still have failed"). So the
 * adapter reads the result before it reports anything, and listeners never see SUCCEEDED for a failed job.
 *
 * <ul>
 *   <li>2xx: SUCCEEDED with the output.</li>
 *   <li>401, 403, 408, 429: the call failed, not the job — thrown, retried by core.</li>
 *   <li>Any other 4xx (fal's 422 {@code detail[]} above all): FAILED with fal's error type and words.</li>
 *   <li>5xx with a fal error type ({@code runner_server_error}, {@code internal_error}, ... see
 *       {@link FalErrors#FINAL_TYPES}): FAILED — the job is over, rereading gives the same answer.</li>
 *   <li>Other 5xx (a bare 500, fal's ingress): thrown as retryable, at most {@link #MAX_READS} such answers per job; then
 *       a non-retryable error that says the job completed but its result could not be read. Core does not
 *       remember that ending, so awaiting the job id again reads again. fal's Python client never retries a 500
 *       on the result; its JS client retries 502/503/504 three times.</li>
 * </ul>
 *
 * <pre>{@code
 * JobUpdate u = FalResults.afterCompleted(id, response, () -> memory.countResultRead(id.nativeJobId()));
 * }</pre>
 */
public final class FalResults {
    /** Untyped 5xx answers a COMPLETED request's result may give before the adapter stops reading it. */
    public static final int MAX_READS = 5;

    private FalResults() {
    }

    /**
     * The update a result answer gives, or an exception when the answer says nothing final about the job.
     *
     * @param count5xx counts one more untyped 5xx for this request and returns how many there have been; called only
     *                 for such an answer, so 429s, resets and typed errors never use up the bound
     */
    public static JobUpdate afterCompleted(JobId id, FalResponse r, java.util.function.IntSupplier count5xx) {
        int code = r.code();
        if (r.isSuccessful()) {
            return new JobUpdate(JobStatus.succeeded().withRaw("COMPLETED"), FalResponses.output(r.body()));
        }
        if (code == 401 || code == 403 || code == 408 || code == 429 || code == 409 || FalErrors.ingressError(r)) {
            throw FalErrors.toException(Operation.RESULT, r);
        }
        String type = FalErrors.errorType(r);
        if (code < 500 || (type != null && FalErrors.FINAL_TYPES.contains(type))) {
            return JobUpdate.of(FalErrors.failedStatus(r));
        }
        int read = count5xx.getAsInt();
        if (read < MAX_READS) {
            throw FalErrors.toException(Operation.RESULT, r);
        }
        throw ProviderErrors.fromHttp(ProviderFailure.builder(FalErrors.PROVIDER, Operation.RESULT, code)
                .kind(ErrorKind.UNAVAILABLE).retryable(false).requestId(r.requestId() != null ? r.requestId() : id.nativeJobId())
                .message("job " + id + " is COMPLETED at fal but its result could not be read in " + read
                        + " attempts; it may exist: await the job id again to read it again")
                .build());
    }
}
