package dev.videogen4j.emulator.internal.fal;

import dev.videogen4j.emulator.internal.EmulatorConfig;
import dev.videogen4j.emulator.internal.IncomingRequest;
import dev.videogen4j.emulator.internal.Reply;
import dev.videogen4j.emulator.internal.SeededRandom;
import dev.videogen4j.emulator.internal.StatsSink;
import dev.videogen4j.emulator.internal.VideoFiles;
import dev.videogen4j.emulator.internal.WebhookOutbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * fal's queue API at the root, like {@code https://queue.fal.run} (fal-api.md §1): submit to
 * {@code POST /<endpoint id>}; status, stream, result and cancel under {@code
 * /<owner>/<app>/requests/<id>} — the app only, never the endpoint's sub-path.
 */
public final class FalEndpoint {
    private final String falApiKey;
    private final Clock clock;
    private final FalJobs jobs;
    private final FalResponses responses;
    private final FalSubmitHandler submits;
    private final BooleanSupplier emulatorClosed;
    private final StatsSink stats;

    public FalEndpoint(EmulatorConfig config, SeededRandom ids, SeededRandom failures,
            VideoFiles videos, WebhookOutbox outbox, StatsSink stats, FalWebhookSigner signer,
            String baseUrl, BooleanSupplier emulatorClosed) {
        this.falApiKey = config.falApiKey();
        this.clock = config.clock();
        this.jobs = new FalJobs(config, ids, failures, videos, stats);
        this.responses = new FalResponses(baseUrl);
        this.submits = new FalSubmitHandler(jobs, responses, outbox, signer);
        this.emulatorClosed = emulatorClosed;
        this.stats = stats;
    }

    /** {@code fal.submit|status|stream|result|cancel}, or {@code fal.unknown}. */
    public static String kind(IncomingRequest request) {
        FalPath path = FalPath.parse(request.pathSegments());
        if (path.requestId() == null) {
            return request.method().equals("POST") ? "fal.submit" : "fal.unknown";
        }
        return "fal." + path.operation();
    }

    /** Bills the fal jobs that have started by {@code now} (see {@link FalJobs#settleBilling}). */
    public void settleBilling(Instant now) {
        jobs.settleBilling(now);
    }

    public Reply handle(IncomingRequest request) {
        if (!authenticated(request)) {
            return Reply.json(401, Map.of("detail", "Unauthorized"));
        }
        FalPath path = FalPath.parse(request.pathSegments());
        Instant now = clock.instant();
        if (path.requestId() == null) {
            return request.method().equals("POST") ? submits.submit(request, path.joined(), now)
                    : Reply.json(405, Map.of("detail", "Method Not Allowed"));
        }
        FalJob job = jobs.find(path.app(), path.requestId());
        String operation = path.operation();
        if (!request.method().equals(operation.equals("cancel") ? "PUT" : "GET")
                || operation.equals("unknown")) {
            return Reply.json(operation.equals("unknown") ? 404 : 405, Map.of("detail",
                    operation.equals("unknown") ? "Not Found" : "Method Not Allowed"));
        }
        if (job == null) {
            return operation.equals("cancel") ? Reply.json(404, Map.of("status", "NOT_FOUND"))
                    : Reply.json(404, Map.of("detail", "Request not found"));
        }
        stats.jobRequest("fal", job.requestId(), "fal." + operation);
        switch (operation) {
            case "status":
                Map<String, Object> status = responses.status(job, now, wantsLogs(request), position(job, now));
                return Reply.json("COMPLETED".equals(status.get("status")) ? 200 : 202, status);
            case "stream":
                return Reply.stream("text/event-stream", new FalStatusStream(job, jobs, responses, clock,
                        wantsLogs(request), emulatorClosed)).header("Cache-Control", "no-cache");
            case "cancel":
                return cancel(job, now);
            default:
                return responses.result(job, now);
        }
    }

    /**
     * Statuses from https://fal.ai/docs/inference-api/queue/cancel (read 2026-12-01): OK = "fal
     * removed the request from the queue" (its HTTP code is not shown; 200 assumed), 202
     * CANCELLATION_REQUESTED = signal sent to the runner, 400 ALREADY_COMPLETED, 404 NOT_FOUND.
     */
    private static Reply cancel(FalJob job, Instant now) {
        switch (job.cancel(now)) {
            case REMOVED:
                return Reply.json(200, Map.of("status", "OK"));
            case SIGNALLED:
                return Reply.json(202, Map.of("status", "CANCELLATION_REQUESTED"));
            default:
                return Reply.json(400, Map.of("status", "ALREADY_COMPLETED"));
        }
    }

    private int position(FalJob job, Instant now) {
        return job.phase(now) == FalJob.Phase.QUEUED ? jobs.queuePosition(job, now) : 0;
    }

    /**
     * {@code Authorization: Key <key>}. A request that came through the proxy convention without
     * credentials is accepted: the emulator plays the proxy too, which would add the key itself.
     */
    private boolean authenticated(IncomingRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null) {
            return request.viaFalProxy();
        }
        return authorization.regionMatches(true, 0, "Key ", 0, 4)
                && authorization.substring(4).trim().equals(falApiKey);
    }

    /** JS sends logs=0/1, Python logs=true/false, Java logs=1 or nothing (fal-api.md §1). */
    private static boolean wantsLogs(IncomingRequest request) {
        String logs = request.query("logs");
        return "1".equals(logs) || "true".equalsIgnoreCase(logs);
    }

    /** A fal path split into app and request parts. */
    record FalPath(List<String> segments, int requestsIndex) {
        static FalPath parse(List<String> raw) {
            List<String> segments = raw.isEmpty() || !raw.get(raw.size() - 1).isEmpty()
                    ? raw : raw.subList(0, raw.size() - 1); // tolerate a trailing slash
            return new FalPath(segments, segments.indexOf("requests"));
        }

        String joined() {
            return String.join("/", segments);
        }

        String app() {
            return String.join("/", segments.subList(0, requestsIndex));
        }

        String requestId() {
            return requestsIndex < 0 || requestsIndex + 1 >= segments.size()
                    ? null : segments.get(requestsIndex + 1);
        }

        /** result (also with a trailing /response), status, stream, cancel or unknown. */
        String operation() {
            List<String> rest = segments.subList(requestsIndex + 2, segments.size());
            if (rest.isEmpty() || rest.equals(List.of("response"))) {
                return "result";
            }
            if (rest.equals(List.of("status"))) {
                return "status";
            }
            if (rest.equals(List.of("status", "stream"))) {
                return "stream";
            }
            return rest.equals(List.of("cancel")) ? "cancel" : "unknown";
        }
    }

    static Reply validationErrors(List<Map<String, Object>> errors) {
        return Reply.json(422, Map.of("detail", errors)).header("X-Fal-Retryable", "false");
    }
}
