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

    private static ProviderFailure failure(Operation op, FalResponse response, Object json) {
        int status = response.code();
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
        ErrorKind kind = types.contains(CONTENT_POLICY) || CONTENT_POLICY.equals(code) ? ErrorKind.CONTENT_POLICY
                : status == 504 || status == 408 || (code != null && TIMEOUT_TYPES.contains(code)) ? ErrorKind.TIMEOUT
                : ErrorKind.ofStatus(status);
        Boolean retryable = bool(response.headers().get("X-Fal-Retryable"));
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
        if (userTimeout) {
            b.notProcessed();   // no runner ever started, so nothing ran and nothing was billed
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
