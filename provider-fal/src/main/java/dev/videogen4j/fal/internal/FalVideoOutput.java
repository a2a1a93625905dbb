package dev.videogen4j.fal.internal;

/** The output of fal's Kling endpoints: {@code {"video": File}} (a seed only where an endpoint reports one). */
public final class FalVideoOutput {
    public FalFile video;
    public Long seed;
}
