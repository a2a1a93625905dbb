package dev.videogen4j.engine;

import static dev.videogen4j.testing.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.testing.Failures;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * close() shuts the client's own timer down, and with it every retry waiting on it. A submit waiting to be resent
 * must then end at once, saying whether its job may exist, instead of leaving {@code submit()} blocked forever
 * (and a job that may be billed unreported).
 */
class CloseEndsSubmitsWaitingToBeResentTest {

    private static VideoClient client(ScriptedProvider acme) {
        // The client's own timer (no scheduler given); the retry waits an hour on it.
        return VideoClient.builder().providerFactory(acme.factory()).routing("single:acme").callExecutor(Runnable::run)
                .retry(4, Duration.ofHours(1), Duration.ofHours(1)).build();
    }

    @Test
    void aSubmitWhoseAnswerWasLostEndsUncertainWhenTheClientCloses() {
        ScriptedProvider acme = ScriptedProvider.of("acme").deduplicatingSubmits(true)
                .failSubmit(Failures.readTimeout("acme", Operation.SUBMIT));
        VideoClient client = client(acme);
        CompletableFuture<VideoJob> submit = client.submitAsync(Requests.t2v());
        assertFalse(submit.isDone(), "waiting for its resend");

        client.close();

        assertTrue(submit.isDone(), "close() must end a submit whose resend it cancelled");
        SubmissionUncertainException e = failure(submit, SubmissionUncertainException.class);
        assertEquals("acme", e.providerId());
        assertEquals(1, acme.count(Operation.SUBMIT));
    }

    @Test
    void aSubmitThatWasRefusedEndsWhenTheClientClosesSayingNothingWasCreated() {
        ScriptedProvider acme = ScriptedProvider.of("acme").failSubmit(Failures.http("acme", Operation.SUBMIT, 503));
        VideoClient client = client(acme);
        CompletableFuture<VideoJob> submit = client.submitAsync(Requests.t2v());
        assertFalse(submit.isDone(), "waiting for its resend");

        client.close();

        assertTrue(submit.isDone(), "close() must end a submit whose resend it cancelled");
        VideoGenException e = failure(submit, VideoGenException.class);
        assertFalse(e instanceof SubmissionUncertainException, "the only attempt was refused: " + e);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
}
