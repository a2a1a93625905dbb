package dev.videogen4j;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The price of a request on every provider/model that can serve it, before anything is paid.
 *
 * <pre>{@code
 * Quote quote = client.quote(request);
 * for (Quote.Line line : quote.lines()) {
 *     System.out.println(line.provider() + " " + line.model() + " " + line.price().map(p -> "$" + p).orElse("unknown"));
 * }
 * quote.cheapest().ifPresent(l -> System.out.println("cheapest: " + l.provider()));
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
     * @param provider       the provider id
     * @param model          the native model id
     * @param family         the logical family id
     * @param pricePerSecond the documented USD price per second of video, or {@code null} if undocumented
     * @param seconds        the billed seconds (duration × number of results)
     * @param source         where the price comes from (a documentation URL) or why it is unknown
     */
    public record Line(String provider, String model, String family, BigDecimal pricePerSecond, int seconds,
                       String source) {
        /** Price per second × seconds, or empty when the provider documents no price. */
        public Optional<BigDecimal> price() {
            return pricePerSecond == null ? Optional.empty()
                    : Optional.of(pricePerSecond.multiply(BigDecimal.valueOf(seconds)));
        }

        /** {@code runware klingai:6@0: $0.21 (5 s x $0.042/s)}, or {@code ...: price unknown (why)}. */
        @Override
        public String toString() {
            return provider + " " + model + ": " + (pricePerSecond == null ? "price unknown (" + source + ")"
                    : "$" + price().orElseThrow().stripTrailingZeros().toPlainString() + " (" + seconds + " s x $"
                    + pricePerSecond.stripTrailingZeros().toPlainString() + "/s)");
        }
    }
}
