package dev.videogen4j.spi;

import dev.videogen4j.ImageToVideoRequest;

/**
 * A provider that can animate an image. Implemented next to {@link VideoProvider}.
 *
 * <pre>{@code
 * public SubmitReceipt submit(ImageToVideoRequest request, SubmitContext context) {
 *     String image = request.image().toWireValue();   // URL/asset id as is, bytes and files as a data URI
 *     ...
 * }
 * }</pre>
 */
public interface ImageToVideo {
    /**
     * Sends one submit. The request was already validated against {@code context.model()}.
     *
     * @return the accepted job
     */
    SubmitReceipt submit(ImageToVideoRequest request, SubmitContext context);
}
