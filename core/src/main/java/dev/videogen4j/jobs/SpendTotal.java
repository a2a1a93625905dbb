package dev.videogen4j.jobs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one provider/model cost over a period: the sum of the quotes and of the actual costs of the jobs that may
 * be billed ({@link JobRecord#mayBeBilled()}), and how many of them had no quote or no actual cost yet, so a
 * total is never silently partial.
 *
 * <pre>{@code
 * for (SpendTotal t : client.spend(Instant.parse("2026-12-01T00:00:00Z"), Instant.now())) {
 *     System.out.println(t.providerId() + " " + t.model() + " " + t.jobs() + " jobs, quoted $" + t.quoted()
 *             + ", actual $" + t.actual() + " (" + t.withoutActual() + " not known yet)");
 * }
 * }</pre>
 *
 * @param providerId     the provider id
 * @param model          the native model id
 * @param jobs           the records counted
 * @param quoted         the sum of known quotes (USD)
 * @param actual         the sum of known actual costs, reported or estimated (USD)
 * @param withoutQuote   records counted whose price was undocumented
 * @param withoutActual  records counted whose actual cost is unknown (unfinished, or never reported)
 */
public record SpendTotal(String providerId, String model, int jobs, BigDecimal quoted, BigDecimal actual,
                         int withoutQuote, int withoutActual) {
    public SpendTotal {
        Objects.requireNonNull(providerId, "providerId == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(quoted, "quoted == null");
        Objects.requireNonNull(actual, "actual == null");
        if (jobs < 0 || withoutQuote < 0 || withoutActual < 0) throw new IllegalArgumentException("negative count");
    }

    /** The totals over {@code records} created in {@code [from, to)}: the rule every store implements. */
    public static List<SpendTotal> of(Collection<JobRecord> records, Instant from, Instant to) {
        Map<String, SpendTotal> byKey = new TreeMap<>();
        for (JobRecord r : records) {
            if (!r.mayBeBilled() || r.createdAt().isBefore(from) || !r.createdAt().isBefore(to)) continue;
            SpendTotal one = new SpendTotal(r.providerId(), r.model(), 1,
                    r.quotedCost() == null ? BigDecimal.ZERO : r.quotedCost(),
                    r.actualCost().amount().orElse(BigDecimal.ZERO),
                    r.quotedCost() == null ? 1 : 0, r.actualCost().amount().isPresent() ? 0 : 1);
            byKey.merge(r.providerId() + '\n' + r.model(), one, SpendTotal::plus);
        }
        return new ArrayList<>(byKey.values());
    }

    /** The two totals added (of the same provider and model). */
    public SpendTotal plus(SpendTotal o) {
        return new SpendTotal(providerId, model, jobs + o.jobs, quoted.add(o.quoted), actual.add(o.actual),
                withoutQuote + o.withoutQuote, withoutActual + o.withoutActual);
    }
}
