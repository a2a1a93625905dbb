package dev.videogen4j.runware.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Runware response body: {@code {"data":[...]}}, {@code {"errors":[...]}} or both. The other fields are the
 * legacy and SDK-tolerated error shapes: {@code {"error":{...},"taskUUID":...}},
 * {@code {"error":true,"errorId":19,"errorMessage":"Invalid api key"}} and a bare error object.
 *
 * <pre>{@code
 * List<RunwareError> errors = RunwareJson.readResponse(body).allErrors();
 * }</pre>
 */
public final class RunwareResponse {
    // errorId 19 is the legacy WebSocket "Invalid api key" (the legacy Python SDK checks errorId == 19).
    private static final BigDecimal LEGACY_INVALID_KEY = BigDecimal.valueOf(19);

    public List<RunwareTaskResult> data;
    public List<RunwareError> errors;
    /** Legacy: an error object, or {@code true} next to {@code errorMessage}. */
    public Object error;
    public String errorMessage;
    public BigDecimal errorId;
    public String taskUUID;
    public String taskType;
    public String code;
    public String message;
    public Object parameter;

    /** The {@code data} items without the {@code null}s a broken answer may hold; never null. */
    public List<RunwareTaskResult> items() {
        if (data == null) return List.of();
        // Read for every answer: a copy only when the vendor's list holds a null to drop.
        for (RunwareTaskResult item : data) {
            if (item == null) return data.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toList());
        }
        return data;
    }

    /** Every error the body carries, whichever shape it used; failed {@code data} items are not included. */
    public List<RunwareError> allErrors() {
        List<RunwareError> out = new ArrayList<>();
        if (errors != null) {
            errors.stream().filter(java.util.Objects::nonNull).forEach(out::add);
        }
        if (error instanceof Map) {
            RunwareError e = RunwareError.fromMap((Map<?, ?>) error);
            e.taskUUID = e.taskUUID == null ? taskUUID : e.taskUUID;
            e.taskType = e.taskType == null ? taskType : e.taskType;
            out.add(e);
        } else if (Boolean.TRUE.equals(error) || errorMessage != null) {
            RunwareError e = new RunwareError();
            e.code = errorId != null && errorId.compareTo(LEGACY_INVALID_KEY) == 0 ? "invalidApiKey" : code;
            e.message = errorMessage != null ? errorMessage : message;
            e.taskUUID = taskUUID;
            out.add(e);
        } else if (code != null && data == null && errors == null) {
            RunwareError e = new RunwareError();
            e.code = code;
            e.message = message;
            e.parameter = parameter;
            e.taskUUID = taskUUID;
            e.taskType = taskType;
            out.add(e);
        }
        return out;
    }

    /** True when the body is none of the envelope shapes: then it is a flat task item (a webhook body). */
    public boolean isBare() {
        // A flat failed item may carry "error" as a plain string: only the envelope shapes count here.
        return data == null && errors == null && !(error instanceof Map) && !Boolean.TRUE.equals(error)
                && errorMessage == null && code == null;
    }
}
