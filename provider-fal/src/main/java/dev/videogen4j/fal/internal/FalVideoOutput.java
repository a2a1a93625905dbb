package dev.videogen4j.fal.internal;

/**
 * The output of fal's Kling endpoints: {@code {"video": File}} (a seed only where an endpoint reports one).
 *
 * <pre>{@code
 * String url = FalJson.read(FalVideoOutput.class, body).video.url;
 * }</pre>
 */
public final class FalVideoOutput {
    public FalFile video;
    public java.math.BigDecimal seed;
}
