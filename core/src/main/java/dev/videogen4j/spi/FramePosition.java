package dev.videogen4j.spi;

/**
 * Where in the video a frame image may be pinned.
 *
 * <pre>{@code
 * boolean endFrames = model.frameImages().contains(FramePosition.LAST);
 * }</pre>
 */
public enum FramePosition { FIRST, LAST }
