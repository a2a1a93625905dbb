package dev.videogen4j.spi;

import dev.videogen4j.TextToVideoRequest;

/**
 * A provider that can generate video from text. Implemented next to {@link VideoProvider}.
 *
 * <pre>{@code
 * public SubmitReceipt submit(TextToVideoRequest request, SubmitContext context) {
 *     String id = api.create(context.model().id(), request.prompt(), context.submissionId());
 *     return new SubmitReceipt(JobId.of(id(), context.model().id(), id), null);
 * }
 * }</pre>
 */
public interface TextToVideo {
    /**
     * Sends one submit. The request was already validated against {@code context.model()}.
     *
     * @return the accepted job
     */
    SubmitReceipt submit(TextToVideoRequest request, SubmitContext context);
}
