package dev.videogen4j.spi;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * What a model costs per second of output video, in USD, and where that figure comes from. A price nobody
 * documented is {@linkplain #unknown(String) unknown}, never invented.
 *
 * <pre>{@code
 * Pricing p = Pricing.perSecond(new BigDecimal("0.042"), "https://runware.ai/docs/models/klingai-2-5-turbo-standard");
 * p.perSecondFor("720p");   // Optional[0.042]
 * }</pre>
 *
 * @param perSecond    the price per second, or {@code null} when undocumented
 * @param byResolution prices per resolution class ({@code "1080p"}) where they differ from {@code perSecond}
 * @param source       a URL or note saying where the price comes from, or why it is unknown
 */
public record Pricing(BigDecimal perSecond, Map<String, BigDecimal> byResolution, String source) {
    public Pricing {
        byResolution = byResolution == null ? Map.of() : Map.copyOf(byResolution);
    }

    public static Pricing perSecond(BigDecimal usd, String source) {
        return new Pricing(usd, Map.of(), source);
    }

    public static Pricing unknown(String why) {
        return new Pricing(null, Map.of(), why);
    }

    public boolean isKnown() {
        return perSecond != null || !byResolution.isEmpty();
    }

    /** The price per second for a resolution class, falling back to the flat price. */
    public Optional<BigDecimal> perSecondFor(String resolution) {
        if (resolution != null && byResolution.containsKey(resolution)) {
            return Optional.of(byResolution.get(resolution));
        }
        return Optional.ofNullable(perSecond);
    }
}
