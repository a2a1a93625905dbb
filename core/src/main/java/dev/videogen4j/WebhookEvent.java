package dev.videogen4j;

import java.util.List;
import java.util.Objects;

/**
 * A provider's completion notice, parsed from a webhook body by the provider's adapter
 * ({@code RunwareWebhooks.parse}, {@code FalWebhooks.parse}). Hand it to {@link VideoClient#onWebhook} to
 * complete a job without waiting for its next poll.
 *
 * <pre>{@code
 * @PostMapping("/hooks/fal")
 * void falHook(@RequestBody byte[] body, @RequestHeader HttpHeaders headers) {
 *     WebhookEvent event = falWebhooks.verifyAndParse(body, headers.toSingleValueMap());
 *     client.onWebhook(event);
 * }
 * }</pre>
 *
 * @param providerId  the provider id
 * @param nativeJobId the provider's job id (Runware taskUUID, fal request_id)
 * @param status      SUCCEEDED, FAILED (with the provider's reason), or RUNNING for a partial result
 * @param videos      the videos delivered with this notice (may be empty)
 * @param cost        the cost reported with this notice
 * @param submission  the submission id the webhook URL carried ({@value #SUBMISSION_PARAMETER}), or null: it names
 *                    the job of a submit whose answer was lost, whose provider job id nobody knows yet
 */
public record WebhookEvent(String providerId, String nativeJobId, JobStatus status, List<GeneratedVideo> videos,
                           Cost cost, String submission) {
    /**
     * The query parameter videogen4j adds to the webhook URL of a submit to a provider that assigns its own job
     * ids (fal): its value is the job's submission id.
     */
    public static final String SUBMISSION_PARAMETER = "vg_submission";

    public WebhookEvent(String providerId, String nativeJobId, JobStatus status, List<GeneratedVideo> videos,
                        Cost cost) {
        this(providerId, nativeJobId, status, videos, cost, null);
    }

    public WebhookEvent {
        Objects.requireNonNull(providerId, "providerId == null");
        Objects.requireNonNull(nativeJobId, "nativeJobId == null");
        Objects.requireNonNull(status, "status == null");
        videos = videos == null ? List.of() : List.copyOf(videos);
        cost = cost == null ? Cost.unknown() : cost;
    }

    /**
     * The same notice, with the submission id read from the URL it was delivered to (the value of its
     * {@value #SUBMISSION_PARAMETER} query parameter; nothing changes when there is none).
     *
     * <pre>{@code
     * client.onWebhook(falWebhooks.verifyAndParse(body, headers).withSubmissionFrom(request.getRequestURL() + "?" + request.getQueryString()));
     * }</pre>
     */
    public WebhookEvent withSubmissionFrom(String deliveredTo) {
        if (deliveredTo == null) return this;
        int q = deliveredTo.indexOf('?');
        if (q < 0) return this;
        for (String pair : deliveredTo.substring(q + 1).split("&")) {
            if (pair.startsWith(SUBMISSION_PARAMETER + "=")) {
                String value = java.net.URLDecoder.decode(pair.substring(SUBMISSION_PARAMETER.length() + 1),
                        java.nio.charset.StandardCharsets.UTF_8);
                return new WebhookEvent(providerId, nativeJobId, status, videos, cost, value.isBlank() ? null : value);
            }
        }
        return this;
    }

    /** The submission id the webhook URL carried, when it did. */
    public java.util.Optional<String> submissionId() {
        return java.util.Optional.ofNullable(submission);
    }
}
