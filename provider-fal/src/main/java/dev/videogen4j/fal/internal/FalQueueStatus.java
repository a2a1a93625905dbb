package dev.videogen4j.fal.internal;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Map;

/**
 * A queue status: {@code IN_QUEUE} (with {@code queue_position}), {@code IN_PROGRESS} (with {@code logs}) or
 * {@code COMPLETED} (with {@code error}/{@code error_type} when the request failed). fal has no FAILED or
 * CANCELLED status.
 *
 * <pre>{@code
 * FalQueueStatus s = FalJson.read(FalQueueStatus.class, "{\"status\": \"IN_QUEUE\", \"queue_position\": 2}");
 * }</pre>
 */
public final class FalQueueStatus {
    public String status;
    @Json(name = "request_id") public String requestId;
    @Json(name = "queue_position") public java.math.BigDecimal queuePosition;
    public List<FalLogEntry> logs;
    public Map<String, Object> metrics;
    public String error;
    @Json(name = "error_type") public String errorType;

    /** One log line of a running request: {@code {"message": "...", "level": "INFO", "timestamp": "..."}}. */
    public static final class FalLogEntry {
        public String message;
        public String level;
        public String source;
        public String timestamp;
    }
}
