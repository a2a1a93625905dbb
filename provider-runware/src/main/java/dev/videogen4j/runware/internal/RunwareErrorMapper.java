package dev.videogen4j.runware.internal;

import dev.videogen4j.error.Violation;
import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderFailure;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns Runware's error codes and statuses into a {@link ProviderFailure}. Runware's codes are many and not
 * stable ("vary between models and providers"), so they are classified by family, following the official
 * Python SDK ({@code runware/errors.py}): credits before rate limits before safety before auth, and so on.
 *
 * <pre>{@code
 * throw ProviderErrors.fromHttp(RunwareErrorMapper.failure("runware", Operation.SUBMIT, 400, errors, task, null));
 * }</pre>
 */
public final class RunwareErrorMapper {
    private static final Set<String> SAFETY = Set.of("contentPolicyViolation", "providerContentPolicyViolation",
            "sensitiveContentDetected", "unsafeContentDetected", "nsfwContentDetected", "promptBlocked", "imageBlocked",
            "moderationFailed");
    private static final Set<String> AUTH = Set.of("unauthorized", "forbidden", "permissionDenied",
            "insufficientPermissions", "authenticationFailed", "authFailed", "invalidAuthentication", "invalidCredentials",
            "missingAuthentication", "tokenExpired", "tokenInvalid", "tokenMissing", "tokenRevoked", "accountSuspended",
            "accountDisabled", "organizationSuspended", "organizationDisabled", "workspaceSuspended", "workspaceDisabled");
    private static final Set<String> SERVER = Set.of("internalServerError", "serviceUnavailable", "serverUnavailable",
            "standardError", "unknownError", "undefinedError", "defaultError", "unrecognizedResponse", "inferenceError",
            "processingFailed", "taskFailed", "downloadFailed", "uploadFailed", "noAvailableServer", "modelUnavailable",
            "modelDisabled", "modelNotReady");
    private static final int MAX_VALUE_CHARS = 80;

    private RunwareErrorMapper() {
    }

    /** The kind a Runware error code means, or {@code null} when the code says nothing beyond the status. */
    public static ErrorKind kindOf(String code) {
        if (code == null || code.isBlank()) return null;
        if (code.contains("Credits") || code.contains("Quota") || code.contains("Balance")
                || code.equals("quotaExceeded") || code.equals("paymentRequired")) return ErrorKind.INSUFFICIENT_CREDITS;
        if (code.contains("RateLimit") || code.equals("rateLimitExceeded")) return ErrorKind.RATE_LIMITED;
        if (SAFETY.contains(code)) return ErrorKind.CONTENT_POLICY;
        if (AUTH.contains(code) || code.contains("ApiKey")) return ErrorKind.AUTHENTICATION;
        if (code.contains("Timeout") || code.startsWith("timeout")) return ErrorKind.TIMEOUT;
        if (code.equals("taskCancelled") || code.equals("taskFailedOrNotFound") || code.equals("unknownModel")
                || code.endsWith("NotFound") || code.endsWith("Expired")) return ErrorKind.NOT_FOUND;
        if (SERVER.contains(code) || code.startsWith("provider")) return ErrorKind.UNAVAILABLE;
        if (code.startsWith("invalid") || code.startsWith("missing") || code.startsWith("unsupported")
                || code.startsWith("conflict") || code.startsWith("duplicate") || code.equals("unknownParameter")
                || code.equals("incompatibleParameters") || code.equals("validationFailed")) return ErrorKind.INVALID_REQUEST;
        return null;
    }

    /** The kind for a response: HTTP 402 always means credits; otherwise the first error's code, else the status. */
    public static ErrorKind kindOf(int httpStatus, List<RunwareError> errors) {
        if (httpStatus == 402) return ErrorKind.INSUFFICIENT_CREDITS;
        for (RunwareError e : errors) {
            ErrorKind k = kindOf(e.code);
            if (k != null) return k;
        }
        return ErrorKind.ofStatus(httpStatus);
    }

    /**
     * A failure from a response's errors (possibly none, for a bare error status).
     *
     * @param sentTask the task as sent, to show the rejected value next to each violation; may be null
     */
    public static ProviderFailure failure(String providerId, Operation op, int httpStatus, List<RunwareError> errors,
                                          Map<String, Object> sentTask, Duration retryAfter) {
        ErrorKind kind = kindOf(httpStatus, errors);
        ProviderFailure.Builder b = ProviderFailure.builder(providerId, op, httpStatus).kind(kind).retryAfter(retryAfter);
        if (!errors.isEmpty()) {
            RunwareError first = errors.get(0);
            b.code(first.code).requestId(first.taskUUID != null ? first.taskUUID : taskUUIDOf(sentTask))
                    .message(errors.stream().map(RunwareError::toString).collect(Collectors.joining("; ")));
        } else {
            b.requestId(taskUUIDOf(sentTask)).message("HTTP " + httpStatus + " without a readable Runware error");
        }
        if (kind == ErrorKind.INVALID_REQUEST) {
            errors.forEach(e -> b.violation(violation(e, sentTask)));
        }
        return b.build();
    }

    /** One violation per error object: the parameter, the value we sent for it, Runware's words and allowed values. */
    static Violation violation(RunwareError e, Map<String, Object> sentTask) {
        String parameter = e.parameterName();
        Object sent = parameter == null || sentTask == null ? null : lookup(sentTask, parameter);
        String allowed = (e.message == null ? e.code : e.message)
                + (e.allowedValues == null || e.allowedValues.isEmpty() ? ""
                : " (allowed values: " + e.allowedValues.stream().map(RunwareErrorMapper::render)
                        .collect(Collectors.joining(", ")) + ")");
        return new Violation(parameter != null ? parameter : e.code != null ? e.code : "request",
                sent == null ? "(as sent)" : render(sent), allowed == null ? "see the provider's message" : allowed);
    }

    private static Object lookup(Map<String, Object> task, String dottedPath) {
        Object cur = task;
        for (String part : dottedPath.split("\\.")) {
            if (!(cur instanceof Map)) return null;
            cur = ((Map<?, ?>) cur).get(part);
        }
        return cur;
    }

    private static String taskUUIDOf(Map<String, Object> task) {
        return task == null ? null : (String) task.get("taskUUID");
    }

    // Whole numbers from untyped JSON arrive as doubles (6.0); show them as written. Long values (a data URI)
    // are cut: an exception message is no place for a megabyte of base64.
    static String render(Object v) {
        String s = v instanceof Double && (Double) v == Math.rint((Double) v) && !((Double) v).isInfinite()
                ? BigDecimal.valueOf((Double) v).toBigInteger().toString() : String.valueOf(v);
        return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS) + "...(" + s.length() + " chars)";
    }
}
