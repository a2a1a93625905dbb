package dev.videogen4j;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The same request run on several provider/models side by side: what each was quoted, what it reported, how
 * long it queued and ran, and how it ended.
 *
 * <pre>{@code
 * Comparison c = client.compare(request);
 * for (Comparison.Row row : c.rows()) {
 *     System.out.printf("%-8s %-50s %8s %6ds %s%n", row.providerId(), row.model(),
 *             row.quotedPrice().map(BigDecimal::toPlainString).orElse("unknown"), row.total().toSeconds(), row.outcome());
 * }
 * c.fastest().ifPresent(r -> System.out.println("fastest: " + r.providerId()));
 * }</pre>
 *
 * @param rows one row per provider/model, in matrix order
 */
public record Comparison(List<Row> rows) {
    public Comparison {
        rows = List.copyOf(rows);
    }

    /** The successful row with the shortest total latency. */
    public Optional<Row> fastest() {
        return rows.stream().filter(Row::succeeded).min(Comparator.comparing(Row::total));
    }

    /** The successful row with the lowest known cost (reported, else quoted). */
    public Optional<Row> cheapest() {
        return rows.stream().filter(Row::succeeded).filter(r -> r.effectiveCost().isPresent())
                .min(Comparator.comparing(r -> r.effectiveCost().orElseThrow()));
    }

    /**
     * One provider/model's run.
     *
     * @param providerId   the provider id
     * @param model        the native model id
     * @param family       the logical family id
     * @param quotedPrice  the price from the matrix, when documented
     * @param cost         the cost of the finished job (reported, estimated or unknown)
     * @param queue        time waiting in the provider's queue
     * @param run          time generating
     * @param total        submit to result
     * @param outcome      {@code succeeded}, or what went wrong
     * @param videoUrl     the first video's URL, when it succeeded
     * @param jobId        the job's handle, when the provider accepted it
     */
    public record Row(String providerId, String model, String family, BigDecimal quotedPrice, Cost cost,
                      Duration queue, Duration run, Duration total, String outcome, String videoUrl, JobId jobId) {
        public boolean succeeded() {
            return "succeeded".equals(outcome);
        }

        public Optional<BigDecimal> quoted() {
            return Optional.ofNullable(quotedPrice);
        }

        /** The reported or estimated cost, else the quote. */
        public Optional<BigDecimal> effectiveCost() {
            return cost != null && cost.amount().isPresent() ? cost.amount() : quoted();
        }
    }
}
