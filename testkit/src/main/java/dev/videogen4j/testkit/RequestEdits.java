package dev.videogen4j.testkit;

import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import java.util.function.Consumer;

/**
 * A changed copy of a request of either workflow, for a {@link VendorScenario} whose test server reacts to what
 * a request says (a magic prompt that fails the job) and for contract tests that bend a valid request.
 *
 * <pre>{@code
 * public VideoRequest failingJob(VideoRequest valid) {
 *     return RequestEdits.edit(valid, b -> b.prompt(valid.prompt() + " [acme:fail]"));
 * }
 * }</pre>
 */
public final class RequestEdits {
    private RequestEdits() {
    }

    /** {@code request} with {@code change} applied to a builder holding its values. */
    public static VideoRequest edit(VideoRequest request, Consumer<VideoRequest.Builder<?>> change) {
        if (request instanceof TextToVideoRequest t) {
            TextToVideoRequest.Builder b = t.toBuilder();
            change.accept(b);
            return b.build();
        }
        ImageToVideoRequest.Builder b = ((ImageToVideoRequest) request).toBuilder();
        change.accept(b);
        return b.build();
    }
}
