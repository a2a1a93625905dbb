package dev.videogen4j.fal.internal;

import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.http.internal.HttpClients;
import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.ProviderFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads fal's error responses into a {@link ProviderFailure}; {@link ProviderErrors} turns that into the
 * exception. fal has two error shapes: model errors {@code {"detail": [{loc, msg, type, url?, ctx?, input?}]}}
 * (also {@code detail} as a plain string) and request errors {@code {"detail": "...", "error_type": "..."}} with
 * an {@code X-Fal-Error-Type} header. Headers add {@code X-Fal-Retryable}, {@code X-Fal-Request-Timeout-Type}
 * and {@code x-fal-request-id}.
 *
 * <pre>{@code
 * if (!response.isSuccessful()) throw FalErrors.toException(Operation.SUBMIT, response);
 * }</pre>
 */
public final class FalErrors {
    public static final String PROVIDER = "fal";
    private static final String CONTENT_POLICY = "content_policy_violation";
    private static final Set<String> TIMEOUT_TYPES = Set.of("request_timeout", "startup_timeout", "generation_timeout");
    /**
     * Error types that, on the result of a COMPLETED request, end it for good (see {@link FalResults}; on other
     * calls they describe that call, e.g. a status read that fal failed to answer, and stay retryable): the runner or fal itself failed the request, and fal's own
     * clients do not retry them (fal_client retries only 408/409/429 and ingress errors; fal-js retries
     * 429/502/503/504 on result). Request-error and model-error catalogues:
     * https://fal.ai/docs/documentation/model-apis/request-errors and .../errors (read 2026-12-01).
     */
    static final Set<String> FINAL_TYPES = Set.of("runner_server_error", "internal_error", "internal_server_error",
            "generation_timeout", "downstream_service_error", "downstream_service_unavailable", "client_cancelled",
            "bad_request");
    // 4xx model-error types that are not about the input (fal's errors page): another provider might succeed.
    private static final Set<String> NOT_INPUT_TYPES = Set.of("no_media_generated", "downstream_service_error",
            "downstream_service_unavailable", "generation_timeout", "internal_server_error");
    private static final int MAX_VALUE_CHARS = 200;

    private FalErrors() {
    }

    /** The exception for a non-2xx answer, or for a body that is not JSON at all. */
    public static VideoGenException toException(Operation op, FalResponse response) {
        Object json = null;
        if (!response.body().isBlank()) {
            try {
                json = FalJson.readAny(response.body());
            } catch (FalJson.FalParseException e) {
                if (!HttpClients.statusSpeaksForItself(response.code())) {
                    return ProviderErrors.unparseable(PROVIDER, op, response.code(), response.requestId(), e);
                }
                json = null;   // an HTML 403 from a proxy is still a refused key, not a retryable garble
            }
        }
        return ProviderErrors.fromHttp(failure(op, response, json));
    }

    /** fal's error type for an answer: {@code X-Fal-Error-Type}, body {@code error_type}, or the first detail type. */
    public static String errorType(FalResponse response) {
        return parse(response, readQuietly(response)).code;
    }

    /**
     * The FAILED status of a request whose result answered with this error: fal's error type as the code and
     * fal's own words as the reason.
     */
    public static dev.videogen4j.JobStatus failedStatus(FalResponse response) {
        Parsed p = parse(response, readQuietly(response));
        String reason = p.message != null && !p.message.isBlank() ? p.message : "fal answered HTTP " + response.code();
        String code = p.code != null ? p.code : "http_" + response.code();
        ErrorKind kind = kindOfFailure(p.code);
        if (kind == ErrorKind.OTHER && response.code() < 500 && !p.violations.isEmpty() && !NOT_INPUT_TYPES.contains(code)) {
            kind = ErrorKind.INVALID_REQUEST;   // a detail[] entry about a field: the model refused the input itself
        }
        return dev.videogen4j.JobStatus.failed(kind, code, reason).withRaw("COMPLETED");
    }

    /**
     * fal's ingress (its nginx in front of the queue) failed: 502/503/504 without {@code x-fal-request-id} and
     * with "nginx" in the body — the heuristic of fal_client {@code _is_ingress_error} (fal-ai/fal
     * projects/fal_client/src/fal_client/client.py, read 2026-12-01). The request never reached fal.
     */
    static boolean ingressError(FalResponse response) {
        int code = response.code();
        return (code == 502 || code == 503 || code == 504) && response.requestId() == null
                && response.body().contains("nginx");
    }

    private static Object readQuietly(FalResponse response) {
        try {
            return response.body().isBlank() ? null : FalJson.readAny(response.body());
        } catch (FalJson.FalParseException e) {
            return response.body();
        }
    }

    private record Parsed(String code, String message, List<Violation> violations, List<String> types) {
    }

    private static Parsed parse(FalResponse response, Object json) {
        String code = response.headers().get("X-Fal-Error-Type");
        String message = null;
        List<Violation> violations = new ArrayList<>();
        List<String> types = new ArrayList<>();
        if (json instanceof Map) {
            Map<?, ?> body = (Map<?, ?>) json;
            code = body.get("error_type") instanceof String ? (String) body.get("error_type") : code;
            Object detail = body.get("detail");
            if (detail instanceof List) {
                message = details((List<?>) detail, violations, types);
            } else if (detail instanceof String) {
                message = (String) detail;
            } else if (body.get("message") instanceof String) {
                message = (String) body.get("message");
            } else if (body.get("error") instanceof String) {
                message = (String) body.get("error");
            }
        } else if (json instanceof String) {
            message = (String) json;
        }
        if (code == null && !types.isEmpty()) {
            code = types.get(0);
        }
        return new Parsed(code, message, violations, types);
    }

    private static ProviderFailure failure(Operation op, FalResponse response, Object json) {
        int status = response.code();
        Parsed p = parse(response, json);
        String code = p.code;
        String message = p.message;
        List<Violation> violations = p.violations;
        List<String> types = p.types;
        ErrorKind kind = types.contains(CONTENT_POLICY) || CONTENT_POLICY.equals(code) ? ErrorKind.CONTENT_POLICY
                : status == 504 || status == 408 || (code != null && TIMEOUT_TYPES.contains(code)) ? ErrorKind.TIMEOUT
                : ErrorKind.ofStatus(status);
        Boolean retryable = bool(response.headers().get("X-Fal-Retryable"));
        boolean notProcessed = false;
        // Decided for issue 13: fal_client retries 409 (with 408 and 429) on every call, submit included, so
        // fal answers it before doing anything: retried here too, and a submit so answered did not land. fal
        // does not document what 409 means. Ingress errors (see ingressError) need nothing special: as 502/504
        // they are retried on status/result/cancel, and a submit so answered stays "may have landed" — an nginx
        // 502 can also follow a request the queue accepted, so unlike fal_client we do not resend it.
        if (status == 409) {
            kind = ErrorKind.UNAVAILABLE;
            retryable = true;
            notProcessed = true;
        }
        boolean userTimeout = "user".equalsIgnoreCase(response.headers().get("X-Fal-Request-Timeout-Type"));
        if (userTimeout) {
            // The caller's own start timeout ran out before any runner started: fal will not retry, nor may we.
            kind = ErrorKind.TIMEOUT;
            retryable = false;
            message = message == null ? "the request's start timeout (X-Fal-Request-Timeout) expired" : message;
        }
        ProviderFailure.Builder b = ProviderFailure.builder(PROVIDER, op, status).kind(kind).code(code).message(message)
                .requestId(response.requestId()).retryable(retryable).retryAfter(response.retryAfter());
        if (kind == ErrorKind.INVALID_REQUEST) {
            violations.forEach(b::violation);
        }
        if (userTimeout || notProcessed) {
            b.notProcessed();   // no runner ever started / fal never saw it, so nothing ran and nothing was billed
        }
        return b.build();
    }

    /**
     * How a job that fal accepted and then ended with {@code error_type} failed: refused content, a timeout, input
     * fal's model rejected ({@code value_error.missing}, {@code type_error...}), or otherwise the provider's doing.
     */
    public static ErrorKind kindOfFailure(String errorType) {
        if (errorType == null) return ErrorKind.OTHER;
        String t = errorType.toLowerCase(Locale.ROOT);
        if (t.equals(CONTENT_POLICY)) return ErrorKind.CONTENT_POLICY;
        if (TIMEOUT_TYPES.contains(t)) return ErrorKind.TIMEOUT;
        if (t.startsWith("value_error") || t.startsWith("type_error") || t.equals("missing")
                || t.startsWith("image_") || t.startsWith("file_") || t.startsWith("invalid")) return ErrorKind.INVALID_REQUEST;
        return ErrorKind.OTHER;
    }

    /** One violation per {@code detail[]} entry; returns the joined messages. */
    private static String details(List<?> detail, List<Violation> violations, List<String> types) {
        List<String> messages = new ArrayList<>();
        for (Object o : detail) {
            if (!(o instanceof Map)) {
                messages.add(FalJson.text(o));
                continue;
            }
            Map<?, ?> e = (Map<?, ?>) o;
            String type = e.get("type") == null ? null : FalJson.text(e.get("type"));
            String msg = e.get("msg") == null ? null : FalJson.text(e.get("msg"));
            if (type != null) {
                types.add(type);
            }
            String field = field(e.get("loc"));
            messages.add((field.equals("request") ? "" : field + ": ") + (msg == null ? type : msg));
            String value = e.containsKey("input") ? FalJson.abbreviate(FalJson.text(e.get("input")), MAX_VALUE_CHARS) : null;
            Object expected = e.get("ctx") instanceof Map ? ((Map<?, ?>) e.get("ctx")).get("expected") : null;
            String allowed = expected != null ? FalJson.text(expected) : msg != null ? msg : String.valueOf(type);
            violations.add(new Violation(field, value, allowed));
        }
        return String.join("; ", messages);
    }

    /** {@code ["body", "prompt"]} becomes {@code prompt}; a nested location joins with dots. */
    private static String field(Object loc) {
        if (!(loc instanceof List) || ((List<?>) loc).isEmpty()) {
            return "request";
        }
        List<String> parts = new ArrayList<>();
        for (Object p : (List<?>) loc) {
            parts.add(FalJson.text(p));
        }
        if (parts.get(0).equals("body")) {
            parts.remove(0);
        }
        return parts.isEmpty() ? "request" : String.join(".", parts);
    }

    private static Boolean bool(String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim().toLowerCase(Locale.ROOT);
        return h.equals("true") || h.equals("1") ? Boolean.TRUE : h.equals("false") || h.equals("0") ? Boolean.FALSE : null;
    }
}
