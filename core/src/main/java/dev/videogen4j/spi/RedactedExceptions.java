package dev.videogen4j.spi;

import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.error.ContentPolicyException;
import dev.videogen4j.error.InsufficientCreditsException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.JobStoreException;
import dev.videogen4j.error.JobTimeoutException;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.RateLimitedException;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.error.UnparseableResponseException;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.error.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rebuilds a videogen4j exception without a key, as the same type with the same fields: a caller's
 * {@code catch (RateLimitedException e)} and {@code e.retryAfter()} must work the same on a scrubbed exception.
 */
final class RedactedExceptions {
    private RedactedExceptions() {
    }

    /** The scrubbed twin of {@code t} with {@code cause}, or null when {@code t} is not a videogen4j exception. */
    static Throwable rebuild(Redactor r, Throwable t, Throwable cause) {
        if (!(t instanceof VideoGenException)) return null;
        Class<?> c = t.getClass();
        if (t instanceof ProviderException) {
            ProviderException p = (ProviderException) t;
            ProviderException.Details d = new ProviderException.Details(p.providerId(), p.operation(), p.httpStatus(),
                    r.redact(p.getMessage()), r.redact(p.providerRequestId().orElse(null)), r.redact(p.errorCode().orElse(null)),
                    p.retryable(), p.submitOutcome(), cause);
            if (c == ProviderException.class) return new ProviderException(d);
            if (c == AuthenticationException.class) return new AuthenticationException(d);
            if (c == ContentPolicyException.class) return new ContentPolicyException(d);
            if (c == InsufficientCreditsException.class) return new InsufficientCreditsException(d);
            if (c == UnparseableResponseException.class) return new UnparseableResponseException(d);
            if (c == RateLimitedException.class) {
                return new RateLimitedException(d, ((RateLimitedException) t).retryAfter().orElse(null));
            }
            if (c == ProviderUnavailableException.class) {
                ProviderUnavailableException u = (ProviderUnavailableException) t;
                return new ProviderUnavailableException(d, u.circuitOpen(), u.retryAfter().orElse(null));
            }
            return new ProviderException(d);   // an adapter's own subclass stays a ProviderException
        }
        if (c == InvalidRequestException.class) {
            InvalidRequestException e = (InvalidRequestException) t;
            return new InvalidRequestException(e.providerId(), e.model(), e.violations().stream()
                    .map(v -> new Violation(r.redact(v.field()), r.redact(v.value()), r.redact(v.allowed())))
                    .collect(Collectors.toList()));
        }
        if (c == JobFailedException.class) {
            JobFailedException e = (JobFailedException) t;
            return new JobFailedException(e.jobId(), r.redact(e.status()), e.attempts());
        }
        if (c == SubmissionUncertainException.class && cause instanceof ProviderException) {
            SubmissionUncertainException e = (SubmissionUncertainException) t;
            return new SubmissionUncertainException(e.providerId(), e.model(), e.sentAt(),
                    r.redact(e.providerRequestId().orElse(null)), e.recordId().orElse(null),
                    e.submissionId().orElse(null), (ProviderException) cause);
        }
        // A timeout's message is made of the job's own handle, which the caller already holds.
        if (c == JobTimeoutException.class) return t;
        if (c == ConfigurationException.class) return new ConfigurationException(r.redact(t.getMessage()), cause);
        if (c == JobStoreException.class) return new JobStoreException(r.redact(t.getMessage()), cause);
        // Another type (an adapter's own subclass) stays a typed VideoGenException, without the key.
        return new VideoGenException(r.redact(t.getMessage()), cause);
    }

    /** Whether a field the message does not show (an error code, a violation, a status) holds a key. */
    static boolean leaksInFields(Redactor r, Throwable t) {
        if (t instanceof ProviderException) {
            ProviderException p = (ProviderException) t;
            return r.leaks(p.providerRequestId().orElse(null)) || r.leaks(p.errorCode().orElse(null));
        }
        if (t instanceof InvalidRequestException) {
            List<Violation> v = ((InvalidRequestException) t).violations();
            return v != null && v.stream().anyMatch(x -> r.leaks(x.field() + x.value() + x.allowed()));
        }
        if (t instanceof JobFailedException && ((JobFailedException) t).status() != null) {
            JobFailedException e = (JobFailedException) t;
            return r.leaks(e.status().toString()) || r.leaks(e.status().raw());
        }
        if (t instanceof SubmissionUncertainException) {
            return r.leaks(((SubmissionUncertainException) t).providerRequestId().orElse(null));
        }
        return false;
    }
}
