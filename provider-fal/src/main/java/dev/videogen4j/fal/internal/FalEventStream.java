package dev.videogen4j.fal.internal;

import dev.videogen4j.JobStatus;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderErrors;
import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Predicate;
import okio.BufferedSource;

/**
 * Reads fal's status stream ({@code GET …/requests/{id}/status/stream}, {@code text/event-stream}): each event's
 * {@code data} is one status object, the same JSON a status poll answers (fal-api.md §1), read by
 * {@link FalResponses#status}. Parsed as the server-sent events format says: {@code field: value} lines, several
 * {@code data} lines joined with a newline, a blank line ends an event, lines starting with {@code :} are comments
 * (keep-alives); {@code event}, {@code id} and {@code retry} carry nothing this adapter needs (fal's Java client
 * reads only {@code data} too).
 *
 * <pre>{@code
 * Optional<JobUpdate> end = FalEventStream.read(response.body().source(), requestId, status -> true);
 * }</pre>
 *
 * <p>An event that is not a status, or a line longer than {@value #MAX_LINE} bytes, is an
 * {@link dev.videogen4j.error.UnparseableResponseException}: the engine then polls the job instead.
 */
public final class FalEventStream {
    static final long MAX_LINE = 1024 * 1024;

    private FalEventStream() {
    }

    /**
     * Reads events until the first terminal status (returned), the end of the stream or {@code onStatus} saying
     * stop (both empty).
     */
    public static Optional<JobUpdate> read(BufferedSource source, String requestId, Predicate<JobStatus> onStatus)
            throws IOException {
        StringBuilder data = null;
        while (true) {
            String line = line(source, requestId);
            if (line == null || line.isEmpty()) {
                if (data != null) {
                    JobUpdate u = parse(data.toString(), requestId);
                    data = null;
                    if (u.status().state().isTerminal()) return Optional.of(u);
                    if (!onStatus.test(u.status())) return Optional.empty();
                }
                if (line == null) return Optional.empty();
                continue;
            }
            if (line.startsWith(":")) continue;
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) value = value.substring(1);
            if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
    }

    // One line without its end; the last line of a stream may lack its newline; null at the end.
    private static String line(BufferedSource source, String requestId) throws IOException {
        if (source.exhausted()) return null;
        try {
            return source.readUtf8LineStrict(MAX_LINE);
        } catch (EOFException noNewline) {
            if (source.buffer().size() > MAX_LINE) {
                throw unreadable(requestId, new FalJson.FalParseException("status stream line longer than "
                        + MAX_LINE + " bytes"));
            }
            return source.readUtf8();
        }
    }

    private static JobUpdate parse(String data, String requestId) {
        try {
            return FalResponses.status(data);
        } catch (FalJson.FalParseException e) {
            throw unreadable(requestId, e);
        }
    }

    private static RuntimeException unreadable(String requestId, FalJson.FalParseException e) {
        return ProviderErrors.unparseable(FalErrors.PROVIDER, Operation.POLL, 200, requestId, e);
    }
}
