package dev.videogen4j.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one reader of an HTTP {@code Retry-After} header (RFC 9110 section 10.2.3: delta-seconds or an HTTP-date)
 * and the one place a wait taken from a vendor is bounded. Adapters parse with it; core's retry timing clamps
 * with it, so a hostile value ({@code 99999999999999999}, {@code 2147483648}, {@code -1}, a date in year 9999)
 * can neither overflow an arithmetic nor stall a caller for longer than {@link #MAX}.
 *
 * <pre>{@code
 * Duration wait = RetryAfter.parse(response.header("Retry-After"), clock);   // null when absent or unreadable
 * long millis = RetryAfter.clampMillis(wait, Duration.ofSeconds(60));        // 0 (use own back-off) .. 60 s
 * }</pre>
 */
public final class RetryAfter {
    /** The longest wait a vendor header can ask for; anything above is read as this. */
    public static final Duration MAX = Duration.ofHours(1);
    // Digits beyond this cannot fit the cap anyway; reading them as a long could overflow.
    private static final int MAX_DIGITS = 9;

    private RetryAfter() {
    }

    /**
     * The wait the header asks for, between {@link Duration#ZERO} and {@link #MAX}; {@code null} when the header is
     * absent, blank or neither form. A negative number and a date in the past mean "now" (zero): the caller's own
     * back-off then applies, see {@link #clampMillis}.
     */
    public static Duration parse(String header, Clock clock) {
        if (header == null) return null;
        String h = header.trim();
        if (h.isEmpty() || h.length() > 64) return null;
        if (isInteger(h)) {
            if (h.startsWith("-")) return Duration.ZERO;
            String digits = h.startsWith("+") ? h.substring(1) : h;
            digits = digits.replaceFirst("^0+(?=.)", "");
            if (digits.length() > MAX_DIGITS) return MAX;
            return clamp(Duration.ofSeconds(Long.parseLong(digits)));
        }
        try {
            Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Instant now = clock.instant();
            if (!at.isAfter(now)) return Duration.ZERO;
            if (at.isAfter(now.plus(MAX))) return MAX;
            return Duration.between(now, at);
        } catch (DateTimeParseException | ArithmeticException notADate) {
            return null;
        }
    }

    /** {@code d} brought into {@code [0, MAX]}; {@code null} stays {@code null}. */
    public static Duration clamp(Duration d) {
        if (d == null) return null;
        if (d.isNegative()) return Duration.ZERO;
        return d.compareTo(MAX) > 0 ? MAX : d;
    }

    /**
     * Milliseconds to wait for {@code requested}, at most {@code ceiling}, without the {@code ArithmeticException}
     * that {@code Duration.toMillis()} throws for huge values; {@code 0} when {@code requested} is absent, zero or
     * negative, which is no usable hint: the caller then applies its own back-off rather than retrying at once.
     */
    public static long clampMillis(Duration requested, Duration ceiling) {
        long cap = Math.max(1, ceiling.compareTo(MAX) > 0 ? MAX.toMillis() : ceiling.toMillis());
        if (requested == null || requested.isNegative() || requested.isZero()) return 0;
        if (requested.compareTo(Duration.ofMillis(cap)) >= 0) return cap;
        return Math.max(1, requested.toMillis());
    }

    private static boolean isInteger(String h) {
        int start = h.charAt(0) == '-' || h.charAt(0) == '+' ? 1 : 0;
        if (start == h.length()) return false;
        for (int i = start; i < h.length(); i++) {
            if (h.charAt(i) < '0' || h.charAt(i) > '9') return false;
        }
        return true;
    }
}
