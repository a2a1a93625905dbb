package dev.videogen4j.config;

import dev.videogen4j.spi.ErrorKind;
import static dev.videogen4j.testing.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoClient;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.spi.ApiKey;
import dev.videogen4j.spi.Redactor;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.ProviderFailure;
import dev.videogen4j.testing.Failures;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.RecordingListener;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The API key never appears in a toString(), an exception message or a log line — even when a provider echoes it. */
class SecretsTest {
    private final String key = "sk-live-" + UUID.randomUUID();

    private void assertNoKey(String where, String text) {
        assertFalse(text != null && text.contains(key), where + " leaks the key: " + text);
    }

    /** Every message in the exception's cause chain. */
    private void assertNoKey(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertNoKey(c.getClass().getSimpleName() + " message", c.getMessage());
            assertNoKey(c.getClass().getSimpleName() + " toString", c.toString());
        }
    }

    @Test
    void configAndKeyPrintRedacted() {
        ProviderConfig c = ProviderConfig.of("acme", key, "http://localhost:1").withSetting("batch.polling", "true");
        assertEquals("ProviderConfig[acme, apiKey=redacted, baseUrl=http://localhost:1, connectTimeout=PT10S, "
                + "readTimeout=PT1M, settings=[batch.polling]]", c.toString());
        assertEquals("ApiKey[redacted]", c.apiKey().toString());
        assertEquals(key, c.apiKey().reveal());
    }

    @Test
    void aProviderErrorThatEchoesTheKeyIsRedactedByTheKeysOwner() {
        Redactor owner = Redactor.of(ApiKey.of(key));
        String echo = "invalid api key '" + key + "'";

        RuntimeException http = owner.redact(Failures.http("acme", Operation.SUBMIT, 401, "invalidApiKey", echo));
        assertEquals("acme submit failed: HTTP 401 invalidApiKey: invalid api key '****'", http.getMessage());
        assertTrue(http instanceof AuthenticationException, http.getClass().getName());
        assertNoKey(owner.redact(Failures.http("acme", Operation.POLL, 503, null, echo)));
        assertNoKey(owner.redact(Failures.io("acme", Operation.SUBMIT, new IOException("reset by proxy for " + key), true)));
        assertNoKey(owner.redact(ProviderErrors.unparseable("acme", Operation.RESULT, 502, null, new IllegalStateException(echo))));
        assertNoKey(owner.redact(Failures.http("acme", Operation.SUBMIT, 422, null, echo)));
    }

    @Test
    void aValidationErrorThatEchoesTheKeyInItsViolationsIsRedacted() {
        InvalidRequestException e = (InvalidRequestException) Redactor.of(ApiKey.of(key)).redact(ProviderErrors.fromHttp(
                ProviderFailure.builder("acme", Operation.SUBMIT, 422)
                        .violation(new Violation("apiKey", key, "a key of 40 characters, not " + key)).build()));

        assertNoKey(e);
        assertEquals(List.of(new Violation("apiKey", "****", "a key of 40 characters, not ****")), e.violations());
    }

    @Test
    void aFailedJobReasonThatEchoesTheKeyIsRedacted() {
        JobStatus s = Redactor.of(ApiKey.of(key)).redact(JobStatus.failed(ErrorKind.OTHER, "auth", "key " + key + " was revoked mid-job"));
        assertEquals("FAILED: auth key **** was revoked mid-job", s.toString());
    }

    @Test
    void noLogLineListenerEventOrExceptionOfAFullRunContainsTheKey() {
        VirtualScheduler scheduler = new VirtualScheduler(MutableClock.start());
        RecordingListener events = new RecordingListener(scheduler.clock());
        ScriptedProvider acme = ScriptedProvider.of("acme", scheduler.clock());
        List<Throwable> errors = new ArrayList<>();
        PrintStream realErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            VideoClient client = TestClients.virtual(scheduler, acme).apiKey("acme", key).listener(events).build();
            // scripted after build, as a real adapter builds its errors once it has its config
            String echo = "upstream rejected key " + key;
            acme.failSubmit(Failures.http("acme", Operation.SUBMIT, 503, "overloaded", echo))    // retried: debug log
                    .acceptSubmit("job-1").acceptSubmit("job-2")
                    .answerPoll(JobStatus.failed(ErrorKind.OTHER, "auth", echo))                                     // job-1 fails
                    .failPoll(new IllegalStateException("adapter bug while using " + key));          // job-2 breaks
            for (int i = 0; i < 2; i++) {
                CompletableFuture<?> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(5));
                scheduler.runUntilDone(f, Duration.ofMinutes(5));
                errors.add(failure(f, VideoGenException.class));
            }
            client.close();
        } finally {
            System.setErr(realErr);
        }

        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("retrying in") && logged.contains("job vg1:acme:acme-kling-2.5:job-2 failed"),
                "the capture sees videogen4j's log lines:\n" + logged);
        assertNoKey("the log", logged);
        assertTrue(errors.get(0) instanceof JobFailedException, errors.get(0).toString());
        errors.forEach(this::assertNoKey);
        events.events().forEach(e -> assertNoKey("listener event", e));
        assertEquals("ProviderConfig[acme, apiKey=redacted, baseUrl=null, connectTimeout=PT10S, readTimeout=PT1M, "
                + "settings=[]]", acme.config().toString());
        StringWriter trace = new StringWriter();
        errors.get(1).printStackTrace(new PrintWriter(trace));
        assertNoKey("a logged stack trace", trace.toString());
        assertTrue(trace.toString().contains("Caused by: java.lang.IllegalStateException: adapter bug while using ****"),
                trace.toString());
    }
}
