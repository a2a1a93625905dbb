package dev.videogen4j.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.spi.ApiKey;
import dev.videogen4j.spi.Redactor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 defect 9: a key echoed in any other form than the exact string leaked; malformed keys failed late with a
 * raw IllegalArgumentException; the JVM-wide set of every key ever created never forgot one (now each owner has
 * its own {@link Redactor}: see {@link ClientOwnedRedactionTest}).
 */
class KeyRedactionTest {
    private static final String FAL = "3f2a9c1e-77aa-4e0b-9d1c-5b6a7e8f9a0b:9f86d081884c7d659a2feaa0c55ad015";

    private static void assertScrubbed(String key, String echo) {
        String out = Redactor.of(ApiKey.of(key)).redact("vendor said: " + echo + " (end)");
        assertFalse(out.contains(echo), out);
        assertTrue(out.contains("****"), out);
    }

    @Test
    void everyEncodingOfAKeyInUseIsScrubbed() {
        Redactor redactor = Redactor.of(ApiKey.of(FAL));
        String secret = FAL.substring(FAL.indexOf(':') + 1);
        assertScrubbed(FAL, FAL);
        assertScrubbed(FAL, FAL.toUpperCase(Locale.ROOT));
        assertScrubbed(FAL, URLEncoder.encode(FAL, StandardCharsets.UTF_8));
        assertScrubbed(FAL, secret);
        for (String prefix : new String[] {"", "K", "Ke", "Key "}) {
            String b64 = Base64.getEncoder().encodeToString((prefix + FAL).getBytes(StandardCharsets.UTF_8));
            String out = redactor.redact(b64);
            assertFalse(out.contains(Base64.getEncoder().encodeToString(FAL.getBytes(StandardCharsets.UTF_8))
                    .substring(4, 20)), prefix + " -> " + out);
        }
    }

    @Test
    void jsonEscapedAndShortKeysAreScrubbedToo() {
        assertScrubbed("ab/cd\\\"ef", "ab\\/cd\\\\\\\"ef");
        assertScrubbed("k9z", "k9z");
    }

    @Test
    void aRedactorKnowsOnlyTheKeysItWasMadeFrom() {
        Redactor mine = Redactor.of(ApiKey.of("rw-mine-key-0123456789"));
        ApiKey.of("rw-other-key-0123456789");
        assertEquals("rw-other-key-0123456789 ****", mine.redact("rw-other-key-0123456789 rw-mine-key-0123456789"));
    }

    @Test
    void malformedKeysFailAtBuildWithoutPrintingTheKey() {
        for (String bad : new String[] {"good-start\nsecret-tail", "sécret-key-value", "two words here"}) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> ApiKey.of(bad));
            assertFalse(e.getMessage().contains("secret") || e.getMessage().contains("words"), e.getMessage());
        }
    }
}
