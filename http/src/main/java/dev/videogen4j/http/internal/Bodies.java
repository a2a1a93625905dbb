package dev.videogen4j.http.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads a vendor's answer into a string, up to a limit. A status, a job id or a list of video URLs is a few
 * kilobytes; an answer of 50 MB is hostile or broken, and buffering it whole would cost the heap of every
 * concurrent call.
 *
 * <pre>{@code
 * String text = Bodies.read(response.body(), Bodies.DEFAULT_LIMIT);   // TooLarge past 4 MiB
 * }</pre>
 */
public final class Bodies {
    /** 4 MiB: far above any documented answer of either vendor. */
    public static final long DEFAULT_LIMIT = 4L * 1024 * 1024;

    private Bodies() {
    }

    /** The body as UTF-8 text, {@code ""} for none; closes it. */
    public static String read(ResponseBody body, long limit) throws IOException {
        if (body == null) return "";
        try (body) {
            BufferedSource source = body.source();
            Buffer buffer = new Buffer();
            while (buffer.size() <= limit) {
                if (source.read(buffer, 8192) == -1) return buffer.readString(StandardCharsets.UTF_8);
            }
            throw new TooLarge(limit);
        }
    }

    /** The answer was longer than the limit; the connection is dropped, nothing is parsed. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        public TooLarge(long limit) {
            super("response body is larger than " + limit + " bytes");
        }
    }
}
