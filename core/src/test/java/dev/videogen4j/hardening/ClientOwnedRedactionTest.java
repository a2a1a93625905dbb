package dev.videogen4j.hardening;

import static dev.videogen4j.testing.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoClient;
import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.testing.Failures;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 defect 9, last sentence: redaction belongs to the client that owns the key. Before, a JVM-wide table of
 * every key in use scrubbed every client's texts of every other client's keys, and held the keys while any client
 * lived; now each client scrubs its own keys and nothing static ever holds one.
 */
class ClientOwnedRedactionTest {
    private static final String KEY_A = "rw-alpha-7c1e5a90d2b84f36";
    private static final String KEY_B = "rw-bravo-0f9d3c2b1a8e7d65";

    private final VirtualScheduler scheduler = new VirtualScheduler(MutableClock.start());

    private VideoGenException submitFails(VideoClient client) {
        CompletableFuture<?> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(5));
        scheduler.runUntilDone(f, Duration.ofMinutes(5));
        return failure(f, VideoGenException.class);
    }

    private VideoClient client(String key, RuntimeException submitError) {
        ScriptedProvider acme = ScriptedProvider.of("acme", scheduler.clock());
        acme.failSubmit(submitError);
        return TestClients.virtual(scheduler, acme).apiKey("acme", key).build();
    }

    /** Every message and {@code Caused by} line of the chain: what a log or the CLI prints of it. */
    private static String printed(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null && b.length() < 100_000; c = c.getCause()) b.append(c).append('\n');
        if (t instanceof JobFailedException) b.append(((JobFailedException) t).status()).append('\n');
        return b.toString();
    }

    @Test
    void twoClientsWithDifferentKeysEachScrubTheirOwn() {
        String echo = "vendor saw " + KEY_A + " and " + KEY_B;
        VideoClient a = client(KEY_A, Failures.http("acme", Operation.SUBMIT, 401, "invalidApiKey", echo));
        VideoClient b = client(KEY_B, Failures.http("acme", Operation.SUBMIT, 401, "invalidApiKey", echo));

        VideoGenException fromA = submitFails(a);
        VideoGenException fromB = submitFails(b);
        a.close();
        b.close();

        assertTrue(fromA instanceof AuthenticationException, fromA.getClass().getName());
        assertEquals("acme submit failed: HTTP 401 invalidApiKey: vendor saw **** and " + KEY_B, fromA.getMessage());
        // Client A does not know B's key (it is not A's secret): there is no list of every client's keys.
        assertEquals("acme submit failed: HTTP 401 invalidApiKey: vendor saw " + KEY_A + " and ****", fromB.getMessage());
    }

    @Test
    void noStaticFieldHoldsAKeyWhileTheClientLivesNorAfterItCloses() {
        String echo = "upstream rejected " + KEY_A;
        VideoClient client = client(KEY_A, ProviderErrors.unparseable("acme", Operation.SUBMIT, 502, null,
                new IOException(echo)));
        VideoGenException e = submitFails(client);
        assertFalse(printed(e).contains(KEY_A), printed(e));

        List<String> whileOpen = StaticFields.holding(KEY_A, VideoClient.class);
        client.close();
        List<String> afterClose = StaticFields.holding(KEY_A, VideoClient.class);

        assertEquals(List.of(), whileOpen);
        assertEquals(List.of(), afterClose);
    }

    @Test
    void aKeyInAnyEncodingNeverLeavesItsClient() {
        Random random = new Random(12);
        for (int i = 0; i < 60; i++) {
            String key = Encodings.randomKey(random);
            String echo = String.join(" | ", Encodings.of(key, random));
            List<String> printed = new ArrayList<>();

            VideoClient uncertain = client(key, ProviderErrors.unparseable("acme", Operation.SUBMIT, 502, echo,
                    new IOException("reset after " + echo)));
            VideoGenException e1 = submitFails(uncertain);
            uncertain.close();
            assertTrue(e1 instanceof SubmissionUncertainException, e1.getClass().getName());
            printed.add(printed(e1));

            ScriptedProvider acme = ScriptedProvider.of("acme", scheduler.clock());
            acme.acceptSubmit("job-" + i).answerPoll(JobStatus.failed(ErrorKind.OTHER, "bad " + echo, echo));
            VideoClient failing = TestClients.virtual(scheduler, acme).apiKey("acme", key).build();
            VideoGenException e2 = submitFails(failing);
            failing.close();
            assertTrue(e2 instanceof JobFailedException, e2.getClass().getName());
            printed.add(printed(e2));

            for (String text : printed) {
                for (String form : Encodings.forms(key)) {
                    assertFalse(text.contains(form), "key " + i + " leaked as '" + form + "' in:\n" + text);
                }
            }
        }
    }
}
