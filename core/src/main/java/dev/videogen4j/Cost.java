package dev.videogen4j;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a job cost, and how we know: {@link Source#REPORTED} by the provider, {@link Source#ESTIMATED} from the
 * documented price table, or {@link Source#UNKNOWN} when neither is available. Amounts are in USD.
 *
 * <pre>{@code
 * Cost cost = result.cost();
 * cost.amount().ifPresent(usd -> System.out.println("$" + usd + " (" + cost.source() + ")"));
 * }</pre>
 */
public final class Cost {
    /** Where an amount came from. */
    public enum Source { REPORTED, ESTIMATED, UNKNOWN }

    private static final Cost UNKNOWN = new Cost(null, Source.UNKNOWN);

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

    /** {@code $0.21 (reported)} or {@code unknown}. */
    @Override
    public String toString() {
        return amount == null ? "unknown" : "$" + amount.stripTrailingZeros().toPlainString()
                + " (" + source.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
