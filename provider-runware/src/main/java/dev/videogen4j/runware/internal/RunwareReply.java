package dev.videogen4j.runware.internal;

import java.time.Duration;

/**
 * One HTTP answer from Runware, read.
 *
 * <pre>{@code
 * RunwareReply reply = http.send(Operation.POLL, List.of(RunwareRequestMapper.getResponse(taskUUID)));
 * }</pre>
 *
 * @param status     the HTTP status
 * @param body       the parsed body, or {@code null} for an error status whose body was not Runware JSON (a
 *                   proxy's HTML 401 or 429): the status alone then says what happened
 * @param retryAfter the {@code Retry-After} header, or {@code null}
 */
public record RunwareReply(int status, RunwareResponse body, Duration retryAfter) {
    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
