package dev.videogen4j.http.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Sanity bounds for the values a vendor sends back, so a hostile or broken answer becomes "unknown" (or is
 * refused as unreadable) instead of an exception, a pinned thread or a misleading result.
 *
 * <pre>{@code
 * BigDecimal cost = VendorValues.cost(item.cost);          // null for -0.5 or $1e12: the result then says "estimated"
 * Integer pct = VendorValues.percent(item.progress);       // 0..100, null when unreadable
 * String url = VendorValues.httpUrl(item.videoURL);        // null unless absolute http(s)
 * }</pre>
 */
public final class VendorValues {
    /** No single video job costs this much; a larger "cost" is a broken answer, not a bill. */
    public static final BigDecimal MAX_COST_USD = new BigDecimal("10000");

    private VendorValues() {
    }

    /** A reported cost in USD, or {@code null} when absent, negative or beyond {@link #MAX_COST_USD}. */
    public static BigDecimal cost(BigDecimal usd) {
        if (usd == null || usd.signum() < 0 || usd.compareTo(MAX_COST_USD) > 0) return null;
        return usd;
    }

    /** A progress percentage clamped to 0..100, or {@code null} when absent or not a finite number. */
    public static Integer percent(BigDecimal value) {
        if (value == null) return null;
        if (value.signum() <= 0) return 0;
        return value.compareTo(BigDecimal.valueOf(100)) >= 0 ? 100 : (int) Math.round(value.doubleValue());
    }

    /** A count (queue position, byte size) as an int, or {@code null} when absent, negative, fractional or huge. */
    public static Integer count(BigDecimal value) {
        if (value == null || value.signum() < 0) return null;
        try {
            return value.intValueExact();
        } catch (ArithmeticException notAnInt) {
            return null;
        }
    }

    /** Like {@link #count} for a long (file sizes). */
    public static Long size(BigDecimal value) {
        if (value == null || value.signum() < 0) return null;
        try {
            return value.longValueExact();
        } catch (ArithmeticException notALong) {
            return null;
        }
    }

    /**
     * {@code url} when it is an absolute {@code http} or {@code https} URL with a host, else {@code null}: a video
     * URL of {@code javascript:}, {@code file:} or a relative path must not become a result that an application
     * (or the CLI's {@code --out}) then opens.
     */
    public static String httpUrl(String url) {
        if (url == null || url.isBlank() || url.length() > 8192) return null;
        // Most answers are plain: checked by a scan here instead of a java.net.URI parse per finished job. Any
        // URL the scan is not sure of is parsed as before.
        return PlainUrl.isPlainHttp(url) ? url : parsedHttpUrl(url);
    }

    /** {@link #httpUrl}'s answer by a full {@code java.net.URI} parse (the scan's reference in tests). */
    static String parsedHttpUrl(String url) {
        if (url == null || url.isBlank() || url.length() > 8192) return null;
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            boolean ok = u.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
            return ok ? url.trim() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
