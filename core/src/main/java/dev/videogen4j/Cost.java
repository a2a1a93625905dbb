package dev.videogen4j;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a job cost, and how we know: {@link Source#REPORTED} by the provider, {@link Source#ESTIMATED} from the
 * documented price table, {@link Source#NOT_BILLED} for a submit the provider refused before creating a job, or
 * {@link Source#UNKNOWN} when none of these is known. Amounts are in USD.
 *
 * <pre>{@code
 * Cost cost = result.cost();
 * cost.amount().ifPresent(usd -> System.out.println("$" + usd + " (" + cost.source() + ")"));
 * }</pre>
 */
public final class Cost {
    /** Where an amount came from. */
    public enum Source { REPORTED, ESTIMATED, NOT_BILLED, UNKNOWN }

    private static final Cost UNKNOWN = new Cost(null, Source.UNKNOWN);
    private static final Cost NOT_BILLED = new Cost(BigDecimal.ZERO, Source.NOT_BILLED);

    private final BigDecimal amount;
    private final Source source;

    private Cost(BigDecimal amount, Source source) {
        this.amount = amount;
        this.source = source;
    }

    public static Cost reported(BigDecimal usd) {
        return new Cost(Objects.requireNonNull(usd, "usd == null"), Source.REPORTED);
    }

    public static Cost estimated(BigDecimal usd) {
        return new Cost(Objects.requireNonNull(usd, "usd == null"), Source.ESTIMATED);
    }

    public static Cost unknown() {
        return UNKNOWN;
    }

    /** Zero, known for certain: no job was created (the provider refused the submit before processing it). */
    public static Cost notBilled() {
        return NOT_BILLED;
    }

    /**
     * The sum of two costs. Unknown when either is (a total with an unknown part is not a total), estimated when
     * either is, reported when both are (or one was not billed).
     */
    public Cost plus(Cost other) {
        Objects.requireNonNull(other, "other == null");
        if (source == Source.UNKNOWN || other.source == Source.UNKNOWN) return UNKNOWN;
        if (source == Source.NOT_BILLED) return other;
        if (other.source == Source.NOT_BILLED) return this;
        Source sum = source == Source.REPORTED && other.source == Source.REPORTED ? Source.REPORTED : Source.ESTIMATED;
        return new Cost(amount.add(other.amount), sum);
    }

    /** The amount in USD; empty when {@link #source()} is {@link Source#UNKNOWN}. */
    public Optional<BigDecimal> amount() {
        return Optional.ofNullable(amount);
    }

    public Source source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cost && ((Cost) o).source == source
                && (amount == null ? ((Cost) o).amount == null
                : ((Cost) o).amount != null && amount.compareTo(((Cost) o).amount) == 0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, amount == null ? null : amount.stripTrailingZeros());
    }

    /** {@code $0.21 (reported)}, {@code $0 (not billed)} or {@code unknown}. */
    @Override
    public String toString() {
        return amount == null ? "unknown" : "$" + amount.stripTrailingZeros().toPlainString()
                + " (" + source.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
    }
}
