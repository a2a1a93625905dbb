package dev.videogen4j.emulator.internal.fal;

import dev.videogen4j.emulator.internal.Json;
import dev.videogen4j.emulator.internal.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bodies fal's queue returns for a job: status (fal-api.md §1 "Status responses"), result,
 * and the error forms of failed, timed-out and cancelled jobs.
 */
final class FalResponses {
    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String baseUrl;

    FalResponses(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The app-only URL of a job, e.g. {@code .../fal-ai/kling-video/requests/<id>}. */
    String responseUrl(FalJob job) {
        return baseUrl + "/" + job.model().app() + "/requests/" + job.requestId();
    }

    /** The status object; {@code queuePosition} is used only while queued. */
    Map<String, Object> status(FalJob job, Instant now, boolean withLogs, int queuePosition) {
        FalJob.Phase phase = job.phase(now);
        String url = responseUrl(job);
        boolean completed = phase != FalJob.Phase.QUEUED && phase != FalJob.Phase.RUNNING;
        Map<String, Object> status = Json.object(
                "status", phase == FalJob.Phase.QUEUED ? "IN_QUEUE" : completed ? "COMPLETED" : "IN_PROGRESS",
                "request_id", job.requestId(), "response_url", url, "status_url", url + "/status",
                "cancel_url", url + "/cancel");
        if (phase == FalJob.Phase.QUEUED) {
            status.put("queue_position", queuePosition);
        } else {
            // Always present once out of the queue, null unless asked for: fal_client reads
            // data["logs"] on IN_PROGRESS and COMPLETED and types it "list | None" (fal-ai/fal
            // projects/fal_client/src/fal_client/client.py _parse_status, read 2026-12-01).
            status.put("logs", withLogs ? logs(job, now) : null);
        }
        if (phase == FalJob.Phase.SUCCEEDED || phase == FalJob.Phase.FAILED) {
            status.put("metrics", Map.of("inference_time", job.inferenceSeconds()));
        }
        // A rejected input completes without error fields: its 422 shows only on the result
        // (TanStack/ai PR #396). Failures of fal's own machinery do carry them (fal queue docs).
        if (completed && phase != FalJob.Phase.SUCCEEDED && phase != FalJob.Phase.REJECTED) {
            Failure failure = failure(phase);
            status.put("error", failure.detail());
            status.put("error_type", failure.errorType());
        }
        return status;
    }

    /** What {@code GET .../requests/<id>} answers at {@code now}. */
    Reply result(FalJob job, Instant now) {
        FalJob.Phase phase = job.phase(now);
        if (phase == FalJob.Phase.QUEUED || phase == FalJob.Phase.RUNNING) {
            return Reply.json(400, Map.of("detail", "Request is still in progress"));
        }
        Reply reply = phase == FalJob.Phase.SUCCEEDED ? Reply.json(200, output(job))
                : phase == FalJob.Phase.REJECTED ? FalEndpoint.validationErrors(job.inputErrors())
                : failure(phase).reply();
        return reply.header("x-fal-request-id", job.requestId());
    }

    /** The model output: {@code {"video": File}} (fal-api.md §5). */
    Map<String, Object> output(FalJob job) {
        return Map.of("video", Json.object("url", job.video().url(), "content_type",
                job.video().contentType(), "file_name", job.video().fileName(),
                "file_size", job.video().size()));
    }

    /** How a job that did not succeed reports it: result status, flat body, error type. */
    record Failure(int httpStatus, String detail, String errorType) {
        Reply reply() {
            Reply reply = Reply.json(httpStatus, Json.object("detail", detail, "error_type", errorType))
                    .header("X-Fal-Error-Type", errorType);
            return errorType.equals("request_timeout")
                    ? reply.header("X-Fal-Request-Timeout-Type", "user") : reply;
        }
    }

    static Failure failure(FalJob.Phase phase) {
        switch (phase) {
            case TIMED_OUT:
                return new Failure(504, "Request timed out", "request_timeout");
            case CANCELLED:
                return new Failure(499, "Request was cancelled", "client_cancelled");
            default:
                return new Failure(500, "Internal server error", "internal_server_error");
        }
    }

    /** Deterministic runner logs: start, every quarter of the run, and the end, up to {@code now}. */
    private static List<Map<String, Object>> logs(FalJob job, Instant now) {
        Instant horizon = job.cancelledAt() != null && job.cancelledAt().isBefore(now)
                ? job.cancelledAt() : now;
        Duration run = Duration.between(job.startAt(), job.endAt());
        List<Map<String, Object>> logs = new ArrayList<>();
        if (job.rejected()) {
            addLog(logs, job.startAt(), horizon, "Input validation failed.");
            return logs;
        }
        addLog(logs, job.startAt(), horizon, "Starting video generation on " + job.model().endpointId());
        for (int quarter = 1; quarter <= 3; quarter++) {
            addLog(logs, job.startAt().plus(run.multipliedBy(quarter).dividedBy(4)), horizon,
                    "Generating video: " + quarter * 25 + "%");
        }
        addLog(logs, job.endAt(), horizon, job.fails() ? "Video generation failed." : "Done.");
        return logs;
    }

    private static void addLog(List<Map<String, Object>> logs, Instant at, Instant horizon,
            String message) {
        if (!at.isAfter(horizon)) {
            logs.add(Json.object("message", message, "level", "INFO", "source", "USER",
                    "timestamp", LOG_TIME.format(at)));
        }
    }
}
