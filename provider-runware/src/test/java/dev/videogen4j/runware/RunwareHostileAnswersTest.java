package dev.videogen4j.runware;

import static dev.videogen4j.runware.Fixtures.TASK;
import static dev.videogen4j.runware.Fixtures.context;
import static dev.videogen4j.runware.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.error.UnparseableResponseException;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.spi.JobUpdate;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 defects 2 and 5: a Runware that answers with nulls, absurd numbers and duplicates. Every answer must
 * become a value or a typed {@link VideoGenException}; a paid job must not be dropped over a garbled number.
 */
class RunwareHostileAnswersTest {
    private static final JobId JOB = JobId.of("runware", "klingai:6@0", TASK);
    private static final String VIDEO = "{\"taskType\":\"videoInference\",\"taskUUID\":\"" + TASK + "\",\"status\":\"success\","
            + "\"videoUUID\":\"b7db282d-2943-4f12-992f-77df3ad3ec71\",\"videoURL\":\"https://vm.runware.ai/video/a.mp4\"";

    private final MockWebServer server = new MockWebServer();
    private RunwareProvider provider;

    @BeforeEach
    void start() throws Exception {
        server.start();
        provider = Fixtures.provider(server);
    }

    @AfterEach
    void stop() {
        provider.close();
        server.close();
    }

    private JobUpdate poll(String body) {
        server.enqueue(ok(body));
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> provider.poll(JOB));
    }

    @Test
    void nullItemsAnywhereAreIgnoredNotANullPointerException() {
        assertEquals(JobState.UNKNOWN, poll("{\"data\":[null]}").status().state());
        assertEquals(JobState.UNKNOWN, poll("{\"data\":[null],\"errors\":[null]}").status().state());
        assertEquals(JobState.SUCCEEDED, poll("{\"data\":[null," + VIDEO + "}]}").status().state());
        assertEquals(JobState.FAILED, poll("{\"data\":[{\"taskUUID\":\"" + TASK + "\",\"status\":\"error\",\"error\":null}]}")
                .status().state());
        assertEquals(0, provider.pollAll(List.of()).size());
        server.enqueue(ok("{\"data\":[null]}"));
        assertEquals(0, provider.pollAll(List.of(JOB, JobId.of("runware", "klingai:6@0", "00000000-0000-4000-8000-000000000000"))).size());
        server.enqueue(ok("{\"data\":[null]}"));
        assertThrows(UnparseableResponseException.class,
                () -> provider.submit(TextToVideoRequest.builder().model("klingai:6@0").prompt("p").build(), context(provider, "klingai:6@0", TASK)));
    }

    @Test
    void webhookBodiesWithNullsOrGarbageAreTypedErrorsOrEmpty() {
        assertEquals(List.of(), RunwareWebhooks.parse("{\"data\":[null]}"));
        assertThrows(VideoGenException.class, () -> RunwareWebhooks.parse("null"));
        assertThrows(VideoGenException.class, () -> RunwareWebhooks.parse("<html>"));
        assertThrows(VideoGenException.class, () -> RunwareWebhooks.parse("{\"taskUUID\":\"" + TASK + "\",\"status\":\"success\"}"));
    }

    @Test
    void anAbsurdCostIsUnknownAndTheJobStillSucceeds() {
        // One task per value: the adapter remembers a task's first success item, so a second one would not be read.
        for (String cost : new String[] {"1e999999999", "1e99999999", "-0.5", "\"NaN\"", "1e-999999999", "99999999999"}) {
            JobId job = JobId.of("runware", "klingai:6@0", java.util.UUID.randomUUID().toString());
            server.enqueue(ok("{\"data\":[" + VIDEO.replace(TASK, job.nativeJobId()) + ",\"cost\":" + cost + "}]}"));
            JobUpdate u = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> provider.poll(job));
            assertEquals(JobState.SUCCEEDED, u.status().state(), cost);
            assertNull(u.output().reportedCost(), "cost " + cost + " reported as " + u.output().reportedCost());
        }
        String another = VIDEO.replace("b7db282d-2943-4f12-992f-77df3ad3ec71", "3d4d1a8e-4006-45b3-9aef-a4ff25151d9e");
        JobId other = JobId.of("runware", "klingai:6@0", "ce353fca-37ac-45c8-b518-2e4749aa48da");
        server.enqueue(ok("{\"data\":[" + another.replace(TASK, other.nativeJobId()) + ",\"cost\":0.21}]}"));
        assertEquals(new BigDecimal("0.21"), provider.poll(other).output().reportedCost());
    }

    @Test
    void absurdProgressAndSeedAreDroppedNotFatal() {
        assertEquals(JobState.RUNNING, poll("{\"data\":[{\"taskUUID\":\"" + TASK + "\",\"status\":\"processing\",\"progress\":1e999}]}")
                .status().state());
        assertEquals(100, poll("{\"data\":[{\"taskUUID\":\"" + TASK + "\",\"status\":\"processing\",\"progress\":5000}]}")
                .status().progressPercent().getAsInt());
        JobUpdate u = poll("{\"data\":[" + VIDEO + ",\"seed\":1e999999999}]}");
        assertEquals(JobState.SUCCEEDED, u.status().state());
        assertNull(u.output().videos().get(0).seed());
    }

    @Test
    void aDuplicatedSuccessItemIsOneVideoAndOneCost() {
        JobUpdate u = poll("{\"data\":[" + VIDEO + ",\"cost\":0.21}," + VIDEO + ",\"cost\":0.21}]}");
        assertEquals(1, u.output().videos().size());
        assertEquals(new BigDecimal("0.21"), u.output().reportedCost());
    }

    @Test
    void anEmptyExpectedTokenMatchesNothing() {
        org.junit.jupiter.api.Assertions.assertFalse(RunwareWebhooks.tokenMatches("", ""));
        org.junit.jupiter.api.Assertions.assertTrue(RunwareWebhooks.tokenMatches("s3cret", "s3cret"));
    }

    @Test
    void aWebhookRepeatingItsSuccessItemIsOneVideo() {
        var events = RunwareWebhooks.parse("{\"data\":[" + VIDEO + ",\"cost\":0.21}," + VIDEO + ",\"cost\":0.21}]}");
        assertEquals(1, events.size());
        assertEquals(1, events.get(0).videos().size());
        assertEquals(new BigDecimal("0.21"), events.get(0).cost().amount().orElseThrow());
    }

    @Test
    void aVideoUrlThatIsNotAbsoluteHttpIsRefused() {
        for (String url : new String[] {"javascript:alert(1)", "file:///etc/passwd", "/relative/a.mp4", "ftp://x/a.mp4"}) {
            server.enqueue(ok("{\"data\":[" + VIDEO.replace("https://vm.runware.ai/video/a.mp4", url) + "}]}"));
            assertThrows(UnparseableResponseException.class, () -> provider.poll(JOB), url);
        }
    }
}
