package dev.videogen4j.emulator;

/**
 * A failure the emulator can inject into a vendor API call (see {@link FaultPlan}).
 *
 * <p>Resilience code must know whether the vendor acted on a request that failed, because a
 * processed submit is a billable job. The rule, as {@link #processesRequest()} reports it:
 *
 * <ul>
 *   <li><b>Not processed</b> — nothing happened on the vendor side, a retry is safe:
 *       {@link #HTTP_429}, {@link #HTTP_500}, {@link #HTTP_502}, {@link #HTTP_503},
 *       {@link #HTTP_504}, {@link #RESET_BEFORE_REQUEST}, {@link #HTML_ERROR_PAGE};
 *       so is every request rejected by {@link ProviderEmulator#providerDown}.
 *   <li><b>Processed</b> — the vendor handled the request (a submit is accepted and billed) but
 *       the caller cannot see the answer: {@link #RESET_AFTER_REQUEST}, {@link #SLOW_RESPONSE},
 *       {@link #MALFORMED_JSON}, {@link #TRUNCATED_JSON}.
 * </ul>
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.builder().rate(Fault.RESET_AFTER_REQUEST, 0.05).build();
 * boolean safeToRetry = !Fault.RESET_AFTER_REQUEST.processesRequest();   // false: it was processed
 * }</pre>
 */
public enum Fault {
    /** HTTP 429 in the vendor's error shape, with {@code Retry-After: <seconds>}. Not processed. */
    HTTP_429(429, false),
    /** HTTP 500 in the vendor's error shape. Not processed. */
    HTTP_500(500, false),
    /** HTTP 502 in the vendor's error shape. Not processed. */
    HTTP_502(502, false),
    /** HTTP 503 in the vendor's error shape. Not processed. */
    HTTP_503(503, false),
    /** HTTP 504 in the vendor's error shape. Not processed. */
    HTTP_504(504, false),
    /**
     * The connection is closed without a response and the emulator ignores the request. (The
     * socket layer has read the bytes by then, but no handler sees them; to the client this is
     * indistinguishable from a drop before the request was read.)
     */
    RESET_BEFORE_REQUEST(0, false),
    /** The request is processed (e.g. a submit is accepted and billed), then the connection drops. */
    RESET_AFTER_REQUEST(0, true),
    /** The request is processed; the response is held back for {@link FaultPlan#slowResponseDelay()}. */
    SLOW_RESPONSE(0, true),
    /** The request is processed; the response keeps its status but its JSON body is garbled. */
    MALFORMED_JSON(0, true),
    /** The request is processed; the response body is cut in half (Content-Length matches the cut). */
    TRUNCATED_JSON(0, true),
    /** An nginx-style HTML 502 page from a gateway in front of the vendor. Not processed. */
    HTML_ERROR_PAGE(502, false);

    private final int httpStatus;
    private final boolean processesRequest;

    Fault(int httpStatus, boolean processesRequest) {
        this.httpStatus = httpStatus;
        this.processesRequest = processesRequest;
    }

    /** True when the emulator acted on the request before the fault hid the answer. */
    public boolean processesRequest() {
        return processesRequest;
    }

    /** The HTTP status this fault answers with, or 0 when it keeps the real one or sends none. */
    public int httpStatus() {
        return httpStatus;
    }
}
