package dev.videogen4j.fal.internal;

/**
 * A cancel answer: {@code CANCELLATION_REQUESTED} (202), {@code ALREADY_COMPLETED} (400), {@code NOT_FOUND} (404), {@code OK}.
 *
 * <pre>{@code
 * String status = FalJson.read(FalCancelResponse.class, "{\"status\": \"ALREADY_COMPLETED\"}").status;
 * }</pre>
 */
public final class FalCancelResponse {
    public String status;
}
