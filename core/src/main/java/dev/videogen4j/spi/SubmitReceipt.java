package dev.videogen4j.spi;

import dev.videogen4j.JobId;
import java.time.Instant;
import java.util.Objects;

/**
 * A provider's acknowledgement of a submit, and, when the adapter can tell, when the submit was on the wire.
 *
 * <pre>{@code
 * return new SubmitReceipt(JobId.of("fal", endpointId, body.requestId()), body.queuePosition())
 *         .exchangedBetween(requestHeadersSentAt, responseHeadersReceivedAt);   // optional
 * }</pre>
 *
 * <p>The provider started the job somewhere between {@code sentAt} and {@code answeredAt}. Core counts a job's run
 * time from the middle of that window, which is what it learns each model's run time from to aim its polls; without
 * it, from when the adapter returned the receipt. The difference matters on a client's first job, whose exchange is
 * often slow on both sides (a cold connection, a cold JVM), so the adapter's return can come a second after the job
 * started, while the jobs aimed by it are answered at once: give the instants the request's headers went out and
 * the answer's headers came in, not the time spent connecting before or parsing after.
 *
 * @param jobId         the accepted job
 * @param queuePosition the position the provider reported, or {@code null}
 * @param sentAt        when the submit's request went out, or {@code null} when unknown (then so is answeredAt)
 * @param answeredAt    when its answer came in, or {@code null} when unknown
 */
public record SubmitReceipt(JobId jobId, Integer queuePosition, Instant sentAt, Instant answeredAt) {
    public SubmitReceipt {
        Objects.requireNonNull(jobId, "jobId == null");
        if ((sentAt == null) != (answeredAt == null)) {
            throw new IllegalArgumentException("sentAt and answeredAt go together: " + sentAt + ", " + answeredAt);
        }
        if (sentAt != null && answeredAt.isBefore(sentAt)) {
            throw new IllegalArgumentException("answeredAt " + answeredAt + " before sentAt " + sentAt);
        }
    }

    /** A receipt with no wire times: core counts the job's run time from when the adapter returned it. */
    public SubmitReceipt(JobId jobId, Integer queuePosition) {
        this(jobId, queuePosition, null, null);
    }

    /**
     * This receipt, saying the submit's request went out at {@code sentAt} and its answer came in at
     * {@code answeredAt}; either null (the adapter could not tell) leaves it as it is.
     */
    public SubmitReceipt exchangedBetween(Instant sentAt, Instant answeredAt) {
        if (sentAt == null || answeredAt == null) return this;
        return new SubmitReceipt(jobId, queuePosition, sentAt, answeredAt);
    }
}
