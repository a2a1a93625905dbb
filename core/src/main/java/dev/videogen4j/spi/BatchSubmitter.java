package dev.videogen4j.spi;

import dev.videogen4j.VideoRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Optional: a provider that can take many submits in one HTTP request (Runware: several {@code videoInference}
 * tasks in one array). Core uses it, when enabled, to send the submits made within a short window together, so
 * 10,000 jobs submitted at once cost about 100 requests instead of 10,000. Only for providers that
 * {@link VideoProvider#deduplicatesSubmits() de-duplicate submits}: a batch whose outcome is unknown is sent
 * again, and the jobs that did land must not be created twice.
 *
 * <pre>{@code
 * Map<String, BatchSubmitter.Outcome> outcomes = ((BatchSubmitter) provider).submitAll(
 *         List.of(new BatchSubmitter.Submission(request, context)));
 * SubmitReceipt receipt = outcomes.get(context.submissionId()).receipt();   // null when it was refused
 * }</pre>
 */
public interface BatchSubmitter {
    /**
     * Submits every job in one call and returns one outcome per submission, keyed by
     * {@link SubmitContext#submissionId()}. A submission the provider said nothing about is absent.
     *
     * @throws RuntimeException the exception a single submit would throw when the call as a whole failed
     *                          (transport, authentication, rate limit, outage)
     */
    Map<String, Outcome> submitAll(List<Submission> submissions);

    /** One job to submit: the request and its context, as {@code submit} would receive them. */
    record Submission(VideoRequest request, SubmitContext context) {
        public Submission {
            Objects.requireNonNull(request, "request == null");
            Objects.requireNonNull(context, "context == null");
        }
    }

    /** A submission the provider accepted (its receipt) or refused (what a single submit would have thrown). */
    record Outcome(SubmitReceipt receipt, RuntimeException failure) {
        public Outcome {
            if ((receipt == null) == (failure == null)) {
                throw new IllegalArgumentException("an outcome is either a receipt or a failure");
            }
        }

        public static Outcome accepted(SubmitReceipt receipt) {
            return new Outcome(Objects.requireNonNull(receipt, "receipt == null"), null);
        }

        public static Outcome refused(RuntimeException failure) {
            return new Outcome(null, Objects.requireNonNull(failure, "failure == null"));
        }
    }
}
