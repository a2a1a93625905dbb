package dev.videogen4j.emulator.internal.fal;

import dev.videogen4j.emulator.internal.IncomingRequest;
import dev.videogen4j.emulator.internal.Json;
import dev.videogen4j.emulator.internal.Reply;
import dev.videogen4j.emulator.internal.WebhookOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * {@code POST /<endpoint id>}: queues any well-formed JSON (the model validates it later, see
 * {@link FalJob}), applies the queue parameters ({@code
 * fal_webhook}, {@code fal_max_queue_length}, {@code X-Fal-Request-Timeout}; {@code
 * X-Fal-Queue-Priority} is accepted and ignored) and answers with the request's URLs.
 */
final class FalSubmitHandler {
    private final FalJobs jobs;
    private final FalResponses responses;
    private final WebhookOutbox outbox;
    private final FalWebhookSigner signer;

    FalSubmitHandler(FalJobs jobs, FalResponses responses, WebhookOutbox outbox,
            FalWebhookSigner signer) {
        this.jobs = jobs;
        this.responses = responses;
        this.outbox = outbox;
        this.signer = signer;
    }

    Reply submit(IncomingRequest request, String endpointId, Instant now) {
        FalModel model = jobs.model(endpointId);
        if (model == null) {
            return Reply.json(404, Map.of("detail", "Application '" + endpointId + "' not found"));
        }
        Object input;
        try {
            input = request.json();
        } catch (Json.ParseException e) {
            return FalEndpoint.validationErrors(List.of(FalInputValidator.error(List.of("body", 0),
                    "JSON decode error", "json_invalid", Map.of("error", String.valueOf(e.getMessage())), null)));
        }
        // Judged now because the validators are pure, but revealed only when the job runs.
        List<Map<String, Object>> errors = model.schema() == null ? FalInputValidator.validate(input, model)
                : FalSchemaValidator.validate(input, model, model.schema());
        Map<String, Object> contentPolicy = errors.isEmpty() ? FalInputValidator.contentPolicy(input) : null;
        if (contentPolicy != null) {
            errors = List.of(contentPolicy);
        }
        String webhook = request.query("fal_webhook");
        if (webhook != null && HttpUrl.parse(webhook) == null) {
            return badRequest("fal_webhook must be an http(s) URL");
        }
        Duration startTimeout;
        try {
            startTimeout = startTimeout(request.header("X-Fal-Request-Timeout"));
        } catch (NumberFormatException e) {
            return badRequest("X-Fal-Request-Timeout must be a positive number of seconds");
        }
        Integer maxQueue = maxQueueLength(request.query("fal_max_queue_length"));
        if (maxQueue != null && jobs.waiting(model, now) >= maxQueue) {
            return Reply.json(429, Map.of("detail", "Maximum queue length exceeded"));
        }
        FalJob job = jobs.submit(model, request.body(), input, errors, now, startTimeout);
        if (webhook != null) {
            outbox.schedule(job.completesAt(), jobs.webhook(job, webhook, responses, signer),
                    FalJobs.WEBHOOK_RETRY);
        }
        // Shape of real answers captured by third parties (e.g. "status": "IN_QUEUE" and app-only
        // URLs https://queue.fal.run/fal-ai/nano-banana-pro/requests/<id>[/status|/cancel]) and of
        // fal-js's InQueueQueueStatus type (libs/client/src/types/common.ts @381105e).
        String url = responses.responseUrl(job);
        int position = job.phase(now) == FalJob.Phase.QUEUED ? jobs.queuePosition(job, now) : 0;
        return Reply.json(200, Json.object("status", "IN_QUEUE", "request_id", job.requestId(),
                "response_url", url, "status_url", url + "/status", "cancel_url", url + "/cancel",
                "queue_position", position,
                "gateway_request_id", webhook != null ? job.requestId() : null))
                .header("x-fal-request-id", job.requestId());
    }

    private static Duration startTimeout(String header) {
        if (header == null) {
            return null;
        }
        double seconds = Double.parseDouble(header.trim());
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new NumberFormatException(header);
        }
        return Duration.ofNanos((long) (seconds * 1_000_000_000L));
    }

    private static Integer maxQueueLength(String value) {
        try {
            return value == null ? null : Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return null; // fal documents no error for a malformed limit; ignore it
        }
    }

    private static Reply badRequest(String detail) {
        return Reply.json(400, Map.of("detail", detail, "error_type", "bad_request"))
                .header("X-Fal-Error-Type", "bad_request");
    }
}
