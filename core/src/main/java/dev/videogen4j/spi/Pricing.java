package dev.videogen4j.spi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * What a model costs, in USD, where that figure comes from and when it was read. A price nobody documented is
 * {@linkplain #unknown(String) unknown}, never invented.
 *
 * <p>Prices per second may depend on the resolution class and on audio: {@code byResolution} keys are
 * {@code "720p"}, {@code "720p+audio"}, or {@code "+audio"} for every resolution. Some vendors price per video
 * instead: {@code perVideo} keys are {@code "6s"} or {@code "1080p/6s"}.
 *
 * <pre>{@code
 * Pricing p = Pricing.perSecond(new BigDecimal("0.042"), "https://runware.ai/docs/models/klingai-2-5-turbo-standard");
 * p.price("720p", false, 5);            // Optional[0.210]
 * p.possiblyStale(LocalDate.now());     // true when read more than 90 days ago (or never dated)
 * }</pre>
 *
 * @param perSecond    the flat price per second, or {@code null}
 * @param byResolution prices per second by resolution class and audio, where they differ from {@code perSecond}
 * @param perVideo     prices per video by duration (and resolution), for vendors that bill per generation
 * @param source       a URL or note saying where the price comes from, or why it is unknown
 * @param asOf         the day the price was read from its source, or {@code null} when undated
 */
public record Pricing(BigDecimal perSecond, Map<String, BigDecimal> byResolution, Map<String, BigDecimal> perVideo,
                      String source, LocalDate asOf) {
    /** How old a price may be before quotes flag it as possibly stale. */
    public static final int FRESH_DAYS = 90;

    public Pricing {
        byResolution = byResolution == null ? Map.of() : Map.copyOf(byResolution);
        perVideo = perVideo == null ? Map.of() : Map.copyOf(perVideo);
    }

    public Pricing(BigDecimal perSecond, Map<String, BigDecimal> byResolution, String source) {
        this(perSecond, byResolution, Map.of(), source, null);
    }

    public static Pricing perSecond(BigDecimal usd, String source) {
        return new Pricing(usd, Map.of(), source);
    }

    public static Pricing unknown(String why) {
        return new Pricing(null, Map.of(), why);
    }

    public boolean isKnown() {
        return perSecond != null || !byResolution.isEmpty() || !perVideo.isEmpty();
    }

    /** True when the price is known and was read more than {@value #FRESH_DAYS} days before {@code today}, or is undated. */
    public boolean possiblyStale(LocalDate today) {
        return isKnown() && (asOf == null || asOf.plusDays(FRESH_DAYS).isBefore(today));
    }

    /** A short human form: {@code 0.042/s}, {@code 720p 0.2/s, 720p+audio 0.4/s}, {@code 6s 0.28}, or {@code unknown}. */
    public String describe() {
        if (!isKnown()) return "unknown";
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (perSecond != null) parts.add(plain(perSecond) + "/s");
        new java.util.TreeMap<>(byResolution).forEach((k, v) -> parts.add(k + " " + plain(v) + "/s"));
        new java.util.TreeMap<>(perVideo).forEach((k, v) -> parts.add(k + " " + plain(v)));
        return String.join(", ", parts);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** The price per second for a resolution class without audio, falling back to the flat price. */
    public Optional<BigDecimal> perSecondFor(String resolution) {
        if (resolution != null && byResolution.containsKey(resolution)) {
            return Optional.of(byResolution.get(resolution));
        }
        return Optional.ofNullable(perSecond);
    }

    /**
     * The price of one video, or empty when it is undocumented for this combination.
     *
     * @param resolution the resolution class, or {@code null} when unknown
     * @param audio      whether the video has (or may be billed for) audio
     */
    public Optional<BigDecimal> price(String resolution, boolean audio, int seconds) {
        // Most models price per second: no keys to build when there is no per-video table (quotes run per job).
        if (!perVideo.isEmpty()) {
            BigDecimal video = perVideo.get(resolution + "/" + seconds + "s");
            if (video == null) video = perVideo.get(seconds + "s");
            if (video != null) return Optional.of(video);
        }
        boolean audioPriced = false;
        for (String k : byResolution.keySet()) audioPriced |= k.endsWith("+audio");
        BigDecimal rate;
        if (audio && audioPriced) {
            rate = byResolution.get(resolution + "+audio");
            if (rate == null) rate = byResolution.get("+audio");
        } else {
            rate = resolution == null ? null : byResolution.get(resolution);
            if (rate == null) rate = perSecond;
        }
        return Optional.ofNullable(rate).map(r -> r.multiply(BigDecimal.valueOf(seconds)));
    }
}
