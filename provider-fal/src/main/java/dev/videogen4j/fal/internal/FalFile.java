package dev.videogen4j.fal.internal;

import com.squareup.moshi.Json;

/**
 * fal's {@code File}: {@code {"url": ..., "content_type": "video/mp4", "file_name": ..., "file_size": 123}}.
 *
 * <pre>{@code
 * FalFile video = FalJson.read(FalVideoOutput.class, body).video;   // video.url, video.fileSize
 * }</pre>
 */
public final class FalFile {
    public String url;
    @Json(name = "content_type") public String contentType;
    @Json(name = "file_name") public String fileName;
    @Json(name = "file_size") public java.math.BigDecimal fileSize;
}
