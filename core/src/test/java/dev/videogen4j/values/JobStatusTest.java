package dev.videogen4j.values;

import dev.videogen4j.spi.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.Workflow;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobStatusTest {
    @Test
    void factoriesCarryWhatTheProviderSaid() {
        assertEquals(OptionalInt.of(3), JobStatus.queued(3).queuePosition());
        assertEquals(OptionalInt.empty(), JobStatus.queued(null).queuePosition());
        assertEquals(OptionalInt.of(40), JobStatus.running(40).progressPercent());
        JobStatus failed = JobStatus.failed(ErrorKind.TIMEOUT, "timeoutProvider", "the provider timed out");
        assertEquals(JobState.FAILED, failed.state());
        assertEquals(Optional.of("timeoutProvider"), failed.code());
        assertEquals(Optional.of("the provider timed out"), failed.reason());
        assertEquals(JobState.CANCELLED, JobStatus.cancelled().state());
        assertEquals(JobState.SUCCEEDED, JobStatus.succeeded().state());
    }

    @Test
    void toStringReadsLikeALogLine() {
        assertEquals("QUEUED (position 3)", JobStatus.queued(3).toString());
        assertEquals("QUEUED", JobStatus.queued(null).toString());
        assertEquals("RUNNING (40%)", JobStatus.running(40).toString());
        assertEquals("SUCCEEDED", JobStatus.succeeded().toString());
        assertEquals("FAILED: oom out of memory", JobStatus.failed(ErrorKind.OTHER, "oom", "out of memory").toString());
        assertEquals("FAILED: out of memory", JobStatus.failed(ErrorKind.OTHER, null, "out of memory").toString());
        assertEquals("FAILED: oom", JobStatus.failed(ErrorKind.OTHER, "oom", null).toString());
        assertEquals("CANCELLED", JobStatus.cancelled().toString());
        assertEquals("UNKNOWN (provider said 'WARMING_UP')", JobStatus.unknown("WARMING_UP").toString());
    }

    @Test
    void anUnknownProviderStatusMapsToUnknownAndKeepsItsText() {
        JobStatus s = JobStatus.unknown("PROVISIONING");
        assertEquals(JobState.UNKNOWN, s.state());
        assertEquals("PROVISIONING", s.raw());
        assertFalse(s.state().isTerminal());
    }

    @Test
    void theProvidersWordForAKnownStateDoesNotChangeEquality() {
        assertEquals(JobStatus.queued(1), JobStatus.queued(1).withRaw("IN_QUEUE"));
        assertEquals(JobStatus.queued(1).hashCode(), JobStatus.queued(1).withRaw("IN_QUEUE").hashCode());
        assertEquals("IN_QUEUE", JobStatus.queued(1).withRaw("IN_QUEUE").raw());
        assertNotEquals(JobStatus.queued(1), JobStatus.queued(2));
        assertNotEquals(JobStatus.running(1), JobStatus.running(2));
        assertNotEquals(JobStatus.failed(ErrorKind.OTHER, "a", "x"), JobStatus.failed(ErrorKind.OTHER, "b", "x"));
    }

    @Test
    void twoDifferentUnknownStatusesAreDifferent() {
        // the raw text is all an UNKNOWN status says; a change from one to another is a change
        assertNotEquals(JobStatus.unknown("WARMING_UP"), JobStatus.unknown("PROVISIONING"));
        assertEquals(JobStatus.unknown("WARMING_UP"), JobStatus.unknown("WARMING_UP"));
        assertEquals(JobStatus.unknown("WARMING_UP").hashCode(), JobStatus.unknown("WARMING_UP").hashCode());
    }

    @Test
    void onlySucceededFailedAndCancelledAreTerminal() {
        assertEquals(Set.of(JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED),
                java.util.Arrays.stream(JobState.values()).filter(JobState::isTerminal).collect(java.util.stream.Collectors.toSet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"t2v", "T2V", " text_to_video ", "text-to-video", "TEXT_TO_VIDEO"})
    void workflowNamesParseInAnyCase(String text) {
        assertEquals(Workflow.TEXT_TO_VIDEO, Workflow.parse(text));
    }

    @Test
    void anUnknownWorkflowSaysWhatToUse() {
        assertEquals("Unknown workflow 'v2v': use t2v or i2v",
                assertThrows(IllegalArgumentException.class, () -> Workflow.parse("v2v")).getMessage());
        assertTrue(Workflow.IMAGE_TO_VIDEO.shortName().equals("i2v"));
    }
}
