package dev.videogen4j.cli;

import dev.videogen4j.Cost;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * How the command prints money and time: {@code $0.21}, {@code 3.4s}; unknowns as {@code unknown}.
 *
 * <pre>{@code
 * Format.usd(new BigDecimal("0.210"));   // "$0.21"
 * Format.seconds(Duration.ofMillis(3400));   // "3.4s"
 * }</pre>
 */
final class Format {
    private Format() {
    }

    static String usd(BigDecimal amount) {
        return amount == null ? "unknown" : "$" + amount.stripTrailingZeros().toPlainString();
    }

    /** {@code $0.21 reported}, {@code $0.21 estimated} or {@code unknown}. */
    static String cost(Cost cost) {
        return cost == null || cost.amount().isEmpty() ? "unknown"
                : usd(cost.amount().get()) + " " + cost.source().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String seconds(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    /** A message on one line: the command prints errors as exactly one line. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
