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
 * @param provider    the provider id
 * @param nativeJobId the provider's job id (Runware taskUUID, fal request_id)
 * @param status      SUCCEEDED, FAILED (with the provider's reason), or RUNNING for a partial result
 * @param videos      the videos delivered with this notice (may be empty)
 * @param cost        the cost reported with this notice
 */
public record WebhookEvent(String provider, String nativeJobId, JobStatus status, List<GeneratedVideo> videos,
                           Cost cost) {
    public WebhookEvent {
        Objects.requireNonNull(provider, "provider == null");
        Objects.requireNonNull(nativeJobId, "nativeJobId == null");
        Objects.requireNonNull(status, "status == null");
        videos = videos == null ? List.of() : List.copyOf(videos);
        cost = cost == null ? Cost.unknown() : cost;
    }
}
