package dev.videogen4j.fal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.error.UnparseableResponseException;
import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.JobUpdate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The server-sent events format as fal's status stream uses it, and what is not a status. */
class FalEventStreamTest {
    private final List<JobStatus> seen = new ArrayList<>();

    private Optional<JobUpdate> read(String wire) throws IOException {
        return FalEventStream.read(new Buffer().writeUtf8(wire), "req-1", s -> seen.add(s));
    }

    @Test
    void eachStatusUntilCompletedWhichEndsTheStream() throws IOException {
        Optional<JobUpdate> end = read("data: {\"status\": \"IN_QUEUE\", \"queue_position\": 2}\n\n"
                + "data: {\"status\": \"IN_PROGRESS\"}\n\n"
                + "data: {\"status\": \"COMPLETED\", \"metrics\": {\"inference_time\": 9.8}}\n\n"
                + "data: {\"status\": \"IN_PROGRESS\"}\n\n");
        assertEquals(JobState.SUCCEEDED, end.orElseThrow().status().state());
        assertEquals(List.of(JobState.QUEUED, JobState.RUNNING), seen.stream().map(JobStatus::state).toList());
        assertEquals(2, seen.get(0).queuePosition().getAsInt());
    }

    @Test
    void commentsOtherFieldsCrLfAndMultiLineDataFollowTheFormat() throws IOException {
        Optional<JobUpdate> end = read(": keep-alive\r\n\r\n"
                + "event: status\r\nid: 7\r\nretry: 1000\r\ndata: {\"status\":\r\ndata:\"IN_PROGRESS\"}\r\n\r\n"
                + "data:{\"status\": \"COMPLETED\"}");     // the last event may lack its blank line
        assertEquals(JobState.SUCCEEDED, end.orElseThrow().status().state());
        assertEquals(1, seen.size());
    }

    @Test
    void aCompletedStatusWithFalsErrorIsTheJobsFailure() throws IOException {
        JobUpdate end = read("data: {\"status\": \"COMPLETED\", \"error\": \"Request timed out\","
                + " \"error_type\": \"request_timeout\"}\n\n").orElseThrow();
        assertEquals(JobState.FAILED, end.status().state());
        assertEquals(Optional.of("request_timeout"), end.status().code());
        assertEquals(Optional.of(ErrorKind.TIMEOUT), end.status().errorKind());
    }

    @Test
    void aStreamThatEndsBeforeTheJobDoesOrIsStoppedEndsEmpty() throws IOException {
        assertEquals(Optional.empty(), read("data: {\"status\": \"IN_PROGRESS\"}\n\n"));
        assertEquals(Optional.empty(), read(""));
        Optional<JobUpdate> stopped = FalEventStream.read(new Buffer().writeUtf8(
                "data: {\"status\": \"IN_PROGRESS\"}\n\ndata: {\"status\": \"COMPLETED\"}\n\n"), "req-1", s -> false);
        assertEquals(Optional.empty(), stopped);
    }

    @Test
    void anEventThatIsNotAStatusIsAnUnreadableResponse() {
        UnparseableResponseException e = assertThrows(UnparseableResponseException.class,
                () -> read("data: {\"status\": \"IN_PROGRESS\"\n\n"));
        assertEquals("fal", e.providerId());
        assertTrue(e.retryable());
        assertThrows(UnparseableResponseException.class, () -> read("data: {\"queue_position\": 1}\n\n"));
        assertThrows(UnparseableResponseException.class, () -> read("data: <html>502 Bad Gateway</html>\n\n"));
    }

    @Test
    void aLineLongerThanAMegabyteIsRefusedNotBuffered() {
        String huge = "data: " + "x".repeat((int) FalEventStream.MAX_LINE + 10);
        UnparseableResponseException e = assertThrows(UnparseableResponseException.class, () -> read(huge));
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }
}
