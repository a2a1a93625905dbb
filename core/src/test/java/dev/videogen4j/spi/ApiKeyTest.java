package dev.videogen4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
    private final String secret = "key-" + UUID.randomUUID();

    @Test
    void aKeyPrintsRedactedAndRevealsItselfOnlyOnRequest() {
        ApiKey k = ApiKey.of("  " + secret + " ");
        assertEquals("ApiKey[redacted]", k.toString());
        assertEquals(secret, k.reveal());
        assertEquals(ApiKey.of(secret), k);
    }

    @Test
    void blankKeysAreRefused() {
        assertEquals("API key is blank", assertThrows(dev.videogen4j.error.ConfigurationException.class, () -> ApiKey.of(" ")).getMessage());
        assertEquals("api key == null", assertThrows(NullPointerException.class, () -> ApiKey.of(null)).getMessage());
    }

    @Test
    void theOwnersKeyIsRedactedFromText() {
        Redactor r = Redactor.of(ApiKey.of(secret));
        assertEquals("auth failed for ****, twice: ****", r.redact("auth failed for " + secret + ", twice: " + secret));
        assertEquals(null, r.redact((String) null));
    }

    @Test
    void aThrowableWithoutTheKeyIsKeptAsIs() {
        IOException e = new IOException("reset");
        assertSame(e, Redactor.of(ApiKey.of(secret)).redact(e));
    }

    @Test
    void aThrowableChainEchoingTheKeyIsReplacedByOneThatPrintsTheSameWithoutIt() {
        IOException root = new IOException("proxy saw " + secret);
        Throwable r = Redactor.of(ApiKey.of(secret)).redact(new IllegalStateException("wrapped", root));

        assertEquals("java.lang.IllegalStateException: wrapped", r.toString());
        assertEquals("java.io.IOException: proxy saw ****", r.getCause().toString());
        assertEquals(root.getStackTrace().length, r.getCause().getStackTrace().length);
    }

    @Test
    void aCyclicCauseChainIsRedactedWithoutLoopingForever() {
        IllegalStateException a = new IllegalStateException("a " + secret);
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);

        Throwable r = Redactor.of(ApiKey.of(secret)).redact(b);

        for (Throwable c = r; c != null; c = c.getCause()) {
            assertEquals(-1, c.toString().indexOf(secret), c.toString());
        }
    }
}
