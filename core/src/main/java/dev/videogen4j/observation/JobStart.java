package dev.videogen4j.observation;

import dev.videogen4j.JobId;
import dev.videogen4j.Workflow;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A job as it starts being observed: a submit about to be sent, or a job resumed from its id.
 *
 * <pre>{@code
 * job.quotedUsd().ifPresent(usd -> quotedTotal.add(usd));
 * }</pre>
 *
 * @param providerId the provider id
 * @param model     the provider's native model id
 * @param family    the model's logical family ({@code kling-2.5-turbo}), or {@code null} when the catalog does not
 *                  list the model
 * @param workflow  text or image to video; {@code null} for a resumed job, whose request is unknown
 * @param quotedUsd the documented price of this request, or {@code null} when no price is documented or the job
 *                  was resumed
 * @param resumed   the job id, when the job was submitted elsewhere and is only followed here; else {@code null}
 */
public record JobStart(String providerId, String model, String family, Workflow workflow, BigDecimal quotedUsd,
                       JobId resumed) {
    public JobStart {
        Objects.requireNonNull(providerId, "providerId == null");
        Objects.requireNonNull(model, "model == null");
    }

    public Optional<BigDecimal> quoted() {
        return Optional.ofNullable(quotedUsd);
    }
}
