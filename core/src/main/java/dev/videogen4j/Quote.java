package dev.videogen4j;

import dev.videogen4j.spi.Pricing;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The price of a request on every provider/model that can serve it, before anything is paid.
 *
 * <pre>{@code
 * Quote quote = client.quote(request);
 * for (Quote.Line line : quote.lines()) {
 *     System.out.println(line.providerId() + " " + line.model() + " " + line.price().map(p -> "$" + p).orElse("unknown"));
 * }
 * quote.cheapest().ifPresent(l -> System.out.println("cheapest: " + l.providerId()));
 * }</pre>
 *
 * @param lines one line per eligible provider/model, in discovery order
 */
public record Quote(List<Line> lines) {
    public Quote {
        lines = List.copyOf(lines);
    }

    /** The line with the lowest known price, if any price is known. */
    public Optional<Line> cheapest() {
        return lines.stream().filter(l -> l.price().isPresent())
                .min(Comparator.comparing(l -> l.price().orElseThrow()));
    }

    /**
     * The price of one provider/model for the request.
     *
     * @param providerId     the provider id
     * @param model          the native model id
     * @param family         the logical family id
     * @param pricePerSecond the documented USD price per second of video, or {@code null} if undocumented
     * @param seconds        the billed seconds (duration × number of results)
     * @param source         where the price comes from (a documentation URL) or why it is unknown
     * @param total          the price of the whole request, or {@code null} if undocumented
     * @param priceAsOf      the day the price was read from its source, or {@code null} when undated
     */
    public record Line(String providerId, String model, String family, BigDecimal pricePerSecond, int seconds,
                       String source, BigDecimal total, LocalDate priceAsOf) {
        /** A line priced per second: the total is price per second × seconds. */
        public Line(String providerId, String model, String family, BigDecimal pricePerSecond, int seconds, String source) {
            this(providerId, model, family, pricePerSecond, seconds, source,
                    pricePerSecond == null ? null : pricePerSecond.multiply(BigDecimal.valueOf(seconds)), null);
        }

        /** A line for a known total (per second or per video), with the average price per second. */
        public static Line of(String providerId, String model, String family, BigDecimal total, int seconds, String source,
                              LocalDate priceAsOf) {
            BigDecimal perSecond = total == null || seconds <= 0 ? null
                    : total.divide(BigDecimal.valueOf(seconds), MathContext.DECIMAL64).stripTrailingZeros();
            return new Line(providerId, model, family, perSecond, seconds, source, total, priceAsOf);
        }

        /** The price of the request, or empty when the provider documents no price for it. */
        public Optional<BigDecimal> price() {
            return Optional.ofNullable(total);
        }

        /**
         * True when the price is known but was read from its source more than {@value Pricing#FRESH_DAYS} days
         * before {@code today} (or never dated): it may have changed since.
         */
        public boolean possiblyStale(LocalDate today) {
            return total != null && (priceAsOf == null || priceAsOf.plusDays(Pricing.FRESH_DAYS).isBefore(today));
        }

        /** {@code runware klingai:6@0: $0.21 (5 s x $0.042/s)}, or {@code ...: price unknown (why)}. */
        @Override
        public String toString() {
            return providerId + " " + model + ": " + (pricePerSecond == null ? "price unknown (" + source + ")"
                    : "$" + price().orElseThrow().stripTrailingZeros().toPlainString() + " (" + seconds + " s x $"
                    + pricePerSecond.stripTrailingZeros().toPlainString() + "/s)");
        }
    }
}
