package dev.videogen4j.runware.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * One item of a {@code data} array: an acknowledgement, a {@code processing} status, a finished video, or (a
 * variant the official SDKs handle) a failure with {@code status:"error"} and {@code error{code,message}}.
 *
 * <pre>{@code
 * {"taskType":"videoInference","taskUUID":"24cd5dff-...","status":"success","videoUUID":"b7db282d-...",
 *  "videoURL":"https://vm.runware.ai/video/.../b7db282d-....mp4","seed":716944902,"cost":0.21}
 * }</pre>
 */
public final class RunwareTaskResult {
    public String taskType;
    public String taskUUID;
    public String status;
    /** 0-100, only for tasks that report progress. */
    public BigDecimal progress;
    public String videoUUID;
    public String videoURL;
    /** Exact: Runware seeds go up to 2^63, beyond what a double holds. */
    public BigDecimal seed;
    public BigDecimal cost;
    @Json(name = "NSFWContent")
    public Boolean nsfwContent;
    /** {@code {code, message}} on a failed item; kept open because the shape is not documented. */
    public Object error;
    /** On a {@code getTaskDetails} item: the archived response envelope of the task, {@code data} or {@code errors}. */
    public RunwareResponse response;

    /** The status in lower case, or {@code null} when the item has none (seed examples omit it). */
    public String statusLowerCase() {
        return status == null ? null : status.trim().toLowerCase(Locale.ROOT);
    }

    public boolean isError() {
        return "error".equals(statusLowerCase()) || (status == null && error instanceof Map);
    }

    /** A finished video: {@code status:"success"}, or no status at all but a video (the model pages' examples). */
    public boolean isSuccess() {
        String s = statusLowerCase();
        return "success".equals(s) || (s == null && (videoURL != null || videoUUID != null));
    }

    /** This item's failure as an error object, for {@link #isError()} items. */
    public RunwareError asError() {
        RunwareError e = error instanceof Map ? RunwareError.fromMap((Map<?, ?>) error) : new RunwareError();
        if (e.message == null && error instanceof String) {
            e.message = (String) error;
        }
        e.taskUUID = e.taskUUID == null ? taskUUID : e.taskUUID;
        e.taskType = e.taskType == null ? taskType : e.taskType;
        e.status = "error";
        return e;
    }
}
