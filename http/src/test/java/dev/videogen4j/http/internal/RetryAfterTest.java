package dev.videogen4j.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.videogen4j.spi.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The one Retry-After parser, at the edges a hostile vendor sends (lives here to sit with the transport tests). */
class RetryAfterTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void secondsAndDatesAreReadAndClamped() {
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse(" 7 ", NOW));
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Thu, 01 Jan 2026 00:01:30 GMT", NOW));
        assertEquals(RetryAfter.MAX, RetryAfter.parse("99999999999999999", NOW));
        assertEquals(RetryAfter.MAX, RetryAfter.parse("2147483648", NOW));
        assertEquals(RetryAfter.MAX, RetryAfter.parse("9".repeat(60), NOW));
        assertEquals(RetryAfter.MAX, RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("0", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("-5", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 31 Dec 2025 00:00:00 GMT", NOW));
        assertNull(RetryAfter.parse("soon", NOW));
        assertNull(RetryAfter.parse("", NOW));
        assertNull(RetryAfter.parse("1.5", NOW));
        assertNull(RetryAfter.parse(null, NOW));
    }

    @Test
    void clampMillisNeverOverflowsAndZeroMeansUseYourOwnBackoff() {
        assertEquals(60_000, RetryAfter.clampMillis(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(60)));
        assertEquals(0, RetryAfter.clampMillis(Duration.ZERO, Duration.ofSeconds(60)));
        assertEquals(0, RetryAfter.clampMillis(Duration.ofSeconds(-3), Duration.ofSeconds(60)));
        assertEquals(0, RetryAfter.clampMillis(null, Duration.ofSeconds(60)));
        assertEquals(2_000, RetryAfter.clampMillis(Duration.ofSeconds(2), Duration.ofSeconds(60)));
    }
}
