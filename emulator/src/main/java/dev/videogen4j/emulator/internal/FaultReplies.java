package dev.videogen4j.emulator.internal;

import dev.videogen4j.emulator.Fault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The answers injected faults and outages give, each in the vendor's own error shape. */
public final class FaultReplies {
    private static final String NGINX_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
            + "<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
            + "</body>\r\n</html>\r\n";

    private FaultReplies() {}

    /** The reply for a fault that stops the request before the emulator acts on it. */
    public static Reply rejecting(Fault fault, String vendor, Duration retryAfter) {
        switch (fault) {
            case RESET_BEFORE_REQUEST:
                return Reply.dropConnection();
            case HTML_ERROR_PAGE:
                // No x-fal-request-id and an nginx body: what fal's Python client treats as an ingress error.
                return Reply.text(502, "text/html", NGINX_502);
            case HTTP_429:
                long seconds = (retryAfter.toMillis() + 999) / 1000;
                return vendorError(vendor, 429).header("Retry-After", Long.toString(seconds));
            default:
                return vendorError(vendor, fault.httpStatus());
        }
    }

    /** What a processed request's reply becomes under a fault that hides or spoils it. */
    public static Reply spoiling(Fault fault, Reply processed, Duration slowDelay) {
        switch (fault) {
            case RESET_AFTER_REQUEST:
                return processed.droppingConnection();
            case SLOW_RESPONSE:
                return processed.delayedBy(slowDelay);
            case MALFORMED_JSON:
                return processed.withBody(malformed(processed.body()));
            case TRUNCATED_JSON:
                return processed.withBody(Arrays.copyOf(processed.body(), processed.body().length / 2));
            default:
                throw new IllegalArgumentException(fault + " does not process the request");
        }
    }

    /** 503 for a vendor inside a {@code providerDown} window. */
    public static Reply providerDown(String vendor) {
        return vendorError(vendor, 503);
    }

    /** Valid-looking text that no JSON parser accepts: every ':' becomes '=' and a brace is lost. */
    private static byte[] malformed(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replace(':', '=');
        return ("{" + text + ",").getBytes(StandardCharsets.UTF_8);
    }

    private static Reply vendorError(String vendor, int status) {
        if (!vendor.equals("runware") && !vendor.equals("fal")) { // the video CDN: no JSON API
            return Reply.text(status, "text/plain", "HTTP " + status);
        }
        if (vendor.equals("runware")) {
            return Reply.json(status, Map.of("errors", List.of(runwareError(status))));
        }
        String errorType = falErrorType(status);
        Reply reply = Reply.json(status, Json.object("detail", falDetail(status), "error_type", errorType));
        return errorType == null ? reply : reply.header("X-Fal-Error-Type", errorType);
    }

    private static Map<String, Object> runwareError(int status) {
        switch (status) {
            case 429:
                return Json.object("code", "rateLimitExceeded", "message",
                        "Queue capacity exceeded. Retry with exponential backoff.");
            case 500:
                return Json.object("code", "internalServerError", "message", "Internal server error.");
            case 502:
                return Json.object("code", "serverUnavailable", "message", "Bad gateway.");
            case 504:
                return Json.object("code", "requestTimeout", "message",
                        "The request exceeded the maximum queue wait time.");
            default:
                return Json.object("code", "serviceUnavailable", "message",
                        "Temporary capacity shortage. Retry with exponential backoff.");
        }
    }

    /**
     * fal's documented request-error types for each status (fal-api.md §2). An injected 500 is a
     * passing glitch of one call, so it carries no type: fal's typed 500s ({@code internal_error},
     * {@code runner_server_error}) say the request itself is over (issue 13), which a fault is not.
     */
    private static String falErrorType(int status) {
        switch (status) {
            case 429: return "concurrent_requests_limit";
            case 500: return null;
            case 502: return "runner_incomplete_response";
            case 504: return "request_timeout";
            default: return "runner_scheduling_failure";
        }
    }

    private static String falDetail(int status) {
        switch (status) {
            case 429: return "Too many requests";
            case 500: return "Internal Server Error";
            case 502: return "Runner returned an incomplete response";
            case 504: return "Request timed out";
            default: return "Service temporarily unavailable";
        }
    }
}
