package dev.videogen4j.fal.internal;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.JobStatus;
import dev.videogen4j.http.internal.VendorValues;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.ProviderOutput;
import java.util.List;
import java.util.function.Function;

/**
 * Reads fal's successful queue answers. Each method throws {@link FalJson.FalParseException} when a required
 * part is missing, which the provider reports as an unreadable response.
 *
 * <pre>{@code
 * JobUpdate u = FalResponses.status(body);   // IN_QUEUE -> QUEUED(position), COMPLETED -> SUCCEEDED, ...
 * }</pre>
 */
public final class FalResponses {
    private FalResponses() {
    }

    /**
     * A complete answer to {@code op}: its value read by {@code parser}, or the typed error for an error status or
     * a body that is not the JSON expected.
     */
    public static <T> T answer(Operation op, FalResponse r, Function<String, T> parser) {
        if (!r.isSuccessful()) {
            throw FalErrors.toException(op, r);
        }
        try {
            return parser.apply(r.body());
        } catch (FalJson.FalParseException e) {
            throw ProviderErrors.unparseable(FalErrors.PROVIDER, op, r.code(), r.requestId(), e);
        }
    }

    /** A complete answer to a cancel: its outcome, or the typed error. */
    public static CancelOutcome cancelAnswer(FalResponse r) {
        CancelOutcome outcome = cancel(r.code(), r.body());
        if (outcome == null) {
            throw FalErrors.toException(Operation.CANCEL, r);
        }
        return outcome;
    }

    /** A submit answer: the request id is required, the queue position optional. */
    public static FalSubmitResponse submit(String body) {
        FalSubmitResponse r = FalJson.read(FalSubmitResponse.class, body);
        if (r.requestId == null || r.requestId.isBlank()) {
            throw new FalJson.FalParseException("submit response has no request_id");
        }
        return r;
    }

    /**
     * A status answer (HTTP 202 while queued or running, 200 when completed; both read the same). COMPLETED
     * carries no output: core then calls {@code result}. COMPLETED with {@code error}/{@code error_type} is how
     * fal reports a failed request.
     */
    public static JobUpdate status(String body) {
        FalQueueStatus s = FalJson.read(FalQueueStatus.class, body);
        if (s.status == null) {
            throw new FalJson.FalParseException("status response has no status");
        }
        switch (s.status) {
            case "IN_QUEUE":
                return JobUpdate.of(JobStatus.queued(VendorValues.count(s.queuePosition)).withRaw(s.status));
            case "IN_PROGRESS":
                return JobUpdate.of(JobStatus.running(null).withRaw(s.status));   // fal reports logs, not a percentage
            case "COMPLETED":
                boolean failed = s.error != null || s.errorType != null;
                // fal has no CANCELLED status: a cancelled request completes with error_type client_cancelled (499).
                if (failed && "client_cancelled".equals(s.errorType)) {
                    return JobUpdate.of(JobStatus.cancelled().withRaw(s.status));
                }
                return JobUpdate.of((failed ? JobStatus.failed(FalErrors.kindOfFailure(s.errorType), s.errorType, s.error) : JobStatus.succeeded()).withRaw(s.status));
            default:
                return JobUpdate.of(JobStatus.unknown(s.status));
        }
    }

    /** A result: {@code {"video": {"url": ...}}}. fal reports no cost in the body. */
    public static ProviderOutput output(String body) {
        FalVideoOutput o = FalJson.read(FalVideoOutput.class, body);
        return new ProviderOutput(List.of(video(o)), null);
    }

    /** The video of an output, as found in a result body or a webhook payload. */
    public static GeneratedVideo video(FalVideoOutput o) {
        if (o.video == null || o.video.url == null || o.video.url.isBlank()) {
            throw new FalJson.FalParseException("output has no video.url");
        }
        String url = VendorValues.httpUrl(o.video.url);
        if (url == null) {
            throw new FalJson.FalParseException("output video.url is not an absolute http(s) URL: "
                    + FalJson.abbreviate(o.video.url, 80));
        }
        return new GeneratedVideo(url, null, o.video.contentType, VendorValues.size(o.video.fileSize), VendorValues.size(o.seed));
    }

    /**
     * A cancel answer. 202 CANCELLATION_REQUESTED, 400 ALREADY_COMPLETED and 404 NOT_FOUND are outcomes, not
     * errors; {@code null} means the answer is an error the caller maps to an exception.
     */
    public static CancelOutcome cancel(int code, String body) {
        String status = null;
        if (!body.isBlank()) {
            try {
                status = FalJson.read(FalCancelResponse.class, body).status;
            } catch (FalJson.FalParseException e) {
                status = null;   // e.g. an HTML 404 page: the status code alone decides below
            }
        }
        if ("ALREADY_COMPLETED".equals(status) && (code == 400 || code / 100 == 2)) {
            return CancelOutcome.ALREADY_COMPLETED;
        }
        if ("NOT_FOUND".equals(status) || code == 404) {
            return CancelOutcome.NOT_FOUND;
        }
        if (code / 100 == 2) {
            // 202 CANCELLATION_REQUESTED; "OK" (removed from the queue) is documented without a code.
            return CancelOutcome.CANCELLATION_REQUESTED;
        }
        return null;
    }
}
