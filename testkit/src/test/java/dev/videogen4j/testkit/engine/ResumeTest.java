package dev.videogen4j.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.JobId;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.spi.Operation;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A stored job id outlives its client and resumes in a new one through faulty polls, never resubmitting. */
class ResumeTest extends EngineOnAFake {

    @Test
    void aStoredJobIdResumesInANewClientThroughFaultyPollsWithoutResubmitting() {
        FlakyFake fake = fake(Duration.ZERO, Duration.ofSeconds(40), false, true);
        VideoClient before = build(client(fake));
        String stored = complete(before.submitAsync(request(0))).jobId().toString();
        CompletableFuture<VideoResult> cutShort = before.awaitAsync(JobId.parse(stored), Duration.ofMinutes(5));
        before.close();
        VideoGenException closed = assertThrows(VideoGenException.class, () -> complete(cutShort));
        assertEquals("The VideoClient was closed while waiting for job " + stored + "; the job goes on at fake:"
                + " resume it with await(JobId.parse(\"" + stored + "\")) in an open client", closed.getMessage());
        long polls = fake.calls(Operation.POLL);
        scheduler.advanceBy(Duration.ofSeconds(15));   // the process is down for a while; the job runs on
        assertEquals(polls, fake.calls(Operation.POLL), "a closed client polls no more");
        fake.next(FlakyFake.Trouble.HTTP_503, Operation.POLL);
        fake.next(FlakyFake.Trouble.RESET_AFTER_REQUEST, Operation.POLL);
        fake.next(FlakyFake.Trouble.TRUNCATED_JSON, Operation.POLL);

        VideoClient after = build(client(fake));
        VideoResult r = complete(after.awaitAsync(JobId.parse(stored), Duration.ofMinutes(5)));

        assertEquals(stored, r.jobId().toString());
        assertEquals(1, r.videos().size());
        assertEquals(3, fake.injected());
        assertEquals(1, fake.calls(Operation.SUBMIT), "resuming never resubmits");
        assertEquals(1, fake.billed());

        long pollsBefore = fake.calls(Operation.POLL);
        VideoResult again = complete(after.awaitAsync(JobId.parse(stored), Duration.ofMinutes(5)));
        assertEquals(r.video().url(), again.video().url());
        assertEquals(pollsBefore, fake.calls(Operation.POLL),
                "a job this client saw finish is answered from memory, without another poll");
        assertEquals(1, fake.calls(Operation.SUBMIT));
    }

    @Test
    void serverErrorsAndMalformedAnswersWhilePollingDoNotLoseTheJob() {
        FlakyFake fake = fake(Duration.ofSeconds(4), Duration.ofSeconds(6), false, true);
        fake.next(FlakyFake.Trouble.HTTP_503, Operation.POLL);
        fake.next(FlakyFake.Trouble.HTTP_500, Operation.POLL);
        fake.next(FlakyFake.Trouble.MALFORMED_JSON, Operation.POLL);
        fake.next(FlakyFake.Trouble.HTML_ERROR_PAGE, Operation.POLL);
        VideoResult r = complete(build(client(fake)).generateAsync(request(0), Duration.ofMinutes(20)));
        assertEquals(1, r.videos().size());
        assertEquals(4, fake.injected());
        assertEquals(1, fake.billed());
    }
}
