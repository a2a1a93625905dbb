package dev.videogen4j.spi;

import java.util.Objects;

/**
 * What core tells an adapter about a submit beyond the request itself.
 *
 * <pre>{@code
 * task.put("taskUUID", context.submissionId());     // the same on every retry of this submit
 * task.put("model", context.model().id());
 * }</pre>
 *
 * @param model        the resolved model (native id, capabilities)
 * @param submissionId a UUID v4 made once per job and reused on every retry of its submit; providers that
 *                     de-duplicate submits use it as their idempotency key
 */
public record SubmitContext(ModelCapabilities model, String submissionId) {
    public SubmitContext {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(submissionId, "submissionId == null");
    }
}
