package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.spi.ApiKey;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runware's {@code getResponse} sees only active tasks; a poll that comes late gets {@code taskFailedOrNotFound}
 * although the video exists. The adapter asks {@code getTaskDetails} before it declares such a job lost (issue 13
 * item 5), here against the emulator's retention.
 */
class RunwareArchivedTaskTest {
    private MutableClock clock;
    private ProviderEmulator emulator;
    private RunwareProvider runware;

    @BeforeEach
    void start() {
        clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
        emulator = ProviderEmulator.builder().clock(clock).seed(5L).timing(Duration.ZERO, Duration.ofSeconds(30))
                .runwareRetention(Duration.ofMinutes(10)).start();
        runware = (RunwareProvider) new RunwareProviderFactory().create(new ProviderConfig("runware",
                ApiKey.of(emulator.runwareApiKey()), emulator.runwareBaseUrl(), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Map.of(), clock));
    }

    @AfterEach
    void stop() {
        runware.close();
        emulator.close();
    }

    private JobId submit(String prompt) {
        ImageToVideoRequest r = ImageToVideoRequest.builder().model("klingai:6@0").prompt(prompt)
                .image(ImageInput.url("https://example.com/first.jpg")).durationSeconds(5).build();
        return runware.submit(r, Fixtures.context(runware, "klingai:6@0", UUID.randomUUID().toString())).jobId();
    }

    @Test
    void aFinishedJobPolledAfterTheRetentionIsReadFromTheArchive() {
        JobId job = submit("A slow glide through a clocktower");
        clock.advance(Duration.ofHours(1));

        JobUpdate u = runware.poll(job);

        assertEquals(JobState.SUCCEEDED, u.status().state(), u.status().toString());
        assertEquals(1, u.output().videos().size());
        assertEquals(1, emulator.stats().requests("runware.getResponse"));
        assertEquals(1, emulator.stats().requests("runware.getTaskDetails"));
    }

    @Test
    void aFailedJobKeepsItsOwnReasonAndAnUnknownOneStaysLost() {
        JobId failed = submit("A glide [emulator:fail]");
        clock.advance(Duration.ofHours(1));
        JobUpdate u = runware.poll(failed);
        assertEquals(JobState.FAILED, u.status().state());
        assertEquals("timeoutProvider", u.status().code().orElseThrow());

        JobUpdate lost = runware.poll(JobId.of("runware", "klingai:6@0", UUID.randomUUID().toString()));
        assertEquals("taskFailedOrNotFound", lost.status().code().orElseThrow());
        assertEquals(2, emulator.stats().requests("runware.getTaskDetails"));
    }
}
