package dev.videogen4j.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which {@link Fault faults} the emulator injects, how often, and where. Immutable; install it with
 * {@link ProviderEmulatorBuilder#faults(FaultPlan)} or swap it at runtime with
 * {@link ProviderEmulator#faults(FaultPlan)}.
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.builder()
 *     .rate(Fault.HTTP_429, 0.05)                             // 5 % of all vendor API calls
 *     .rate(Fault.HTTP_503, 0.10, "fal.status")               // 10 % of fal status polls
 *     .next(Fault.RESET_AFTER_REQUEST, "runware.videoInference") // exactly the next Runware submit
 *     .retryAfter(Duration.ofSeconds(2))
 *     .build();
 * }</pre>
 *
 * <p><b>Scopes.</b> A rule without a scope applies to every Runware and fal API request (never to
 * video downloads, the JWKS or the stats endpoint). A scope narrows it to a vendor
 * ({@code "runware"}, {@code "fal"}, {@code "video"}) or to one request kind ({@code
 * "runware.videoInference"}, {@code "runware.getResponse"}, {@code "fal.submit"}, {@code
 * "fal.status"}, {@code "fal.stream"}, {@code "fal.result"}, {@code "fal.cancel"}, {@code
 * "video.download"}). A Runware request's kind is {@code runware.videoInference} when its task
 * array contains a submit, otherwise the type of its first non-authentication task.
 *
 * <p><b>Draws.</b> Scripted faults ({@link Builder#next}) are used up first, in the order they were
 * added. Otherwise one number is drawn from the emulator's seeded random per request that at least
 * one rate rule matches, and the matching rules share the unit interval in the order they were
 * added, so each fault fires with exactly its rate as long as the matching rates sum to at most 1.
 */
public final class FaultPlan {
    /** Every scope a rule may name; anything else is a typo and rejected. */
    public static final Set<String> SCOPES = Set.of(
            "runware", "fal", "video",
            "runware.videoInference", "runware.getResponse",
            "fal.submit", "fal.status", "fal.stream", "fal.result", "fal.cancel",
            "video.download");

    private static final FaultPlan NONE = builder().build();

    /**
     * A fault that fires with {@code probability} on requests in {@code scope} (null = all API);
     * made by {@code FaultPlan.builder().rate(Fault.HTTP_503, 0.1, "fal.status")}.
     */
    public record Rate(Fault fault, double probability, String scope) {}

    /**
     * A fault that fires on the next {@code times} requests in {@code scope} (null = all API);
     * made by {@code FaultPlan.builder().next(Fault.HTTP_429, 2, "runware")}.
     */
    public record Scripted(Fault fault, int times, String scope) {}

    private final List<Rate> rates;
    private final List<Scripted> scripted;
    private final Duration retryAfter;
    private final Duration slowResponseDelay;

    private FaultPlan(Builder builder) {
        this.rates = List.copyOf(builder.rates);
        this.scripted = List.copyOf(builder.scripted);
        this.retryAfter = builder.retryAfter;
        this.slowResponseDelay = builder.slowResponseDelay;
    }

    /** A plan that injects nothing (the default). */
    public static FaultPlan none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this plan's settings, to derive a modified plan. */
    public Builder newBuilder() {
        Builder builder = new Builder();
        builder.rates.addAll(rates);
        builder.scripted.addAll(scripted);
        builder.retryAfter = retryAfter;
        builder.slowResponseDelay = slowResponseDelay;
        return builder;
    }

    public List<Rate> rates() {
        return rates;
    }

    public List<Scripted> scripted() {
        return scripted;
    }

    /** The value of {@code Retry-After} on injected 429s; whole seconds, rounded up. Default 1 s. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * How long a {@link Fault#SLOW_RESPONSE} holds the response back, in real time (default 30 s).
     * Tests keep this cheap by giving their client a short read timeout: the client gives up early
     * and the emulator's worker thread is released when the emulator closes.
     */
    public Duration slowResponseDelay() {
        return slowResponseDelay;
    }

    @Override
    public String toString() {
        return "FaultPlan[rates=" + rates + ", scripted=" + scripted + "]";
    }

    /**
     * Builds a {@link FaultPlan}.
     *
     * <pre>{@code
     * FaultPlan flaky = FaultPlan.builder()
     *     .rate(Fault.HTTP_503, 0.2, "fal")
     *     .slowResponseDelay(Duration.ofSeconds(2))
     *     .build();
     * FaultPlan worse = flaky.newBuilder().rate(Fault.RESET_AFTER_REQUEST, 0.1).build();
     * }</pre>
     */
    public static final class Builder {
        private final List<Rate> rates = new ArrayList<>();
        private final List<Scripted> scripted = new ArrayList<>();
        private Duration retryAfter = Duration.ofSeconds(1);
        private Duration slowResponseDelay = Duration.ofSeconds(30);

        private Builder() {}

        /** Injects {@code fault} into a share {@code probability} (0–1) of all vendor API requests. */
        public Builder rate(Fault fault, double probability) {
            return rate(fault, probability, null);
        }

        /** Injects {@code fault} into a share {@code probability} of the requests in {@code scope}. */
        public Builder rate(Fault fault, double probability, String scope) {
            Objects.requireNonNull(fault, "fault == null");
            if (!(probability >= 0.0 && probability <= 1.0)) {
                throw new IllegalArgumentException("probability must be within [0, 1]: " + probability);
            }
            rates.add(new Rate(fault, probability, checkScope(scope)));
            return this;
        }

        /** Injects {@code fault} into the very next request in {@code scope} (null = any API call). */
        public Builder next(Fault fault, String scope) {
            return next(fault, 1, scope);
        }

        /** Injects {@code fault} into the next {@code times} requests in {@code scope}. */
        public Builder next(Fault fault, int times, String scope) {
            Objects.requireNonNull(fault, "fault == null");
            if (times < 1) {
                throw new IllegalArgumentException("times < 1: " + times);
            }
            scripted.add(new Scripted(fault, times, checkScope(scope)));
            return this;
        }

        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = nonNegative(retryAfter, "retryAfter");
            return this;
        }

        public Builder slowResponseDelay(Duration slowResponseDelay) {
            this.slowResponseDelay = nonNegative(slowResponseDelay, "slowResponseDelay");
            return this;
        }

        public FaultPlan build() {
            return new FaultPlan(this);
        }

        private static String checkScope(String scope) {
            if (scope != null && !SCOPES.contains(scope)) {
                throw new IllegalArgumentException("unknown scope '" + scope + "', expected one of " + SCOPES);
            }
            return scope;
        }

        private static Duration nonNegative(Duration value, String name) {
            Objects.requireNonNull(value, name + " == null");
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " < 0: " + value);
            }
            return value;
        }
    }
}
