package dev.videogen4j.emulator.internal.runware;

import dev.videogen4j.emulator.internal.EmulatorConfig;
import dev.videogen4j.emulator.internal.IncomingRequest;
import dev.videogen4j.emulator.internal.Json;
import dev.videogen4j.emulator.internal.Reply;
import dev.videogen4j.emulator.internal.SeededRandom;
import dev.videogen4j.emulator.internal.StatsSink;
import dev.videogen4j.emulator.internal.VideoFiles;
import dev.videogen4j.emulator.internal.WebhookOutbox;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1}: a JSON array of tasks, each answered and matched by {@code taskUUID}
 * (runware-api.md §1–2). Successes go to {@code data}, failures to {@code errors}; both may be
 * present. HTTP status: 401 for authentication, 400 when nothing succeeded and at least one error
 * is the caller's fault (invalid task, conflict, bad body), otherwise 200 — so a poll of a failed
 * or unknown task is a 200 with {@code errors}, which clients must check even on 2xx.
 */
public final class RunwareEndpoint {
    private final RunwareAuth auth;
    private final RunwareJobs jobs;
    private final java.time.Clock clock;

    public RunwareEndpoint(EmulatorConfig config, SeededRandom ids, SeededRandom failures,
            VideoFiles videos, WebhookOutbox outbox, StatsSink stats) {
        this.auth = new RunwareAuth(config.runwareApiKey());
        this.jobs = new RunwareJobs(config, ids, failures, videos, outbox, stats);
        this.clock = config.clock();
    }

    /** The kind of every task in the request ({@code runware.<taskType>}), for counting. */
    public static List<String> taskKinds(IncomingRequest request) {
        List<String> kinds = new ArrayList<>();
        try {
            if (request.json() instanceof List<?> tasks) {
                for (Object task : tasks) {
                    Object type = task instanceof Map<?, ?> map ? map.get("taskType") : null;
                    kinds.add("runware." + (type instanceof String name ? name : "invalid"));
                }
            }
        } catch (Json.ParseException e) {
            // counted as invalid below
        }
        return kinds.isEmpty() ? List.of("runware.invalid") : kinds;
    }

    /** The request's kind for fault scoping: a submit anywhere in the array makes it a submit. */
    public static String requestKind(List<String> taskKinds) {
        if (taskKinds.contains("runware.videoInference")) {
            return "runware.videoInference";
        }
        return taskKinds.stream().filter(k -> !k.equals("runware.authentication")).findFirst()
                .orElse(taskKinds.get(0));
    }

    public Reply handle(IncomingRequest request) {
        if (!request.method().equals("POST")) {
            return errors(405, List.of(badBody("Use POST with a JSON array of tasks.")));
        }
        Object body;
        try {
            body = request.json();
        } catch (Json.ParseException e) {
            return errors(400, List.of(badBody("The request body is not valid JSON: " + e.getMessage())));
        }
        if (!(body instanceof List<?> tasks) || tasks.isEmpty()) {
            return errors(400, List.of(badBody("The request body must be a non-empty JSON array of tasks.")));
        }
        RunwareError authError = auth.check(request.header("Authorization"), tasks);
        if (authError != null) {
            return errors(401, List.of(authError));
        }
        return answer(tasks);
    }

    private Reply answer(List<?> tasks) {
        java.time.Instant now = clock.instant();
        List<Object> data = new ArrayList<>();
        List<RunwareError> errors = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Object task = tasks.get(i);
            if (!(task instanceof Map<?, ?>)) {
                errors.add(badBody("Task " + i + " is not a JSON object."));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) task;
            Object type = fields.get("taskType");
            if ("authentication".equals(type)) {
                continue; // checked above; REST answers nothing for it
            }
            Object outcome = "videoInference".equals(type) ? jobs.submit(fields, now)
                    : "getResponse".equals(type) ? jobs.poll(fields.get("taskUUID"), now)
                    : "getTaskDetails".equals(type) ? jobs.details(fields.get("taskUUID"), now)
                    : unsupported(type, fields.get("taskUUID"));
            collect(outcome, data, errors);
        }
        boolean callerFault = errors.stream().anyMatch(RunwareError::clientError);
        Map<String, Object> body = Json.object("data", data.isEmpty() && !errors.isEmpty() ? null : data,
                "errors", errors.isEmpty() ? null : errors.stream().map(RunwareError::json).toList());
        return Reply.json(data.isEmpty() && callerFault ? 400 : 200, body);
    }

    private static void collect(Object outcome, List<Object> data, List<RunwareError> errors) {
        if (outcome instanceof RunwareError error) {
            errors.add(error);
        } else if (outcome instanceof Collection<?> many) {
            for (Object one : many) {
                collect(one, data, errors);
            }
        } else {
            data.add(outcome);
        }
    }

    private static RunwareError unsupported(Object type, Object taskUUID) {
        return RunwareError.invalid("unsupportedTaskType", "The emulator supports the task types "
                + "videoInference, getResponse, getTaskDetails and authentication, not " + type + ".", "taskType",
                type instanceof String name ? name : null, taskUUID instanceof String id ? id : null);
    }

    private static RunwareError badBody(String message) {
        return RunwareError.invalid("invalidRequestBody", message, null, null, null);
    }

    private static Reply errors(int status, List<RunwareError> errors) {
        return Reply.json(status, Map.of("errors", errors.stream().map(RunwareError::json).toList()));
    }
}
