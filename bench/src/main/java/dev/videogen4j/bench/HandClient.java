package dev.videogen4j.bench;

import java.io.IOException;
import java.time.Duration;

/**
 * A hand-written vendor client in three steps — submit, poll, result — so the benchmark can run them on the
 * calling thread ({@link #generate}) or with videogen4j's thread hand-offs in between ({@link Handoffs}).
 *
 * <pre>{@code
 * try (HandClient c = new HandRunware(url, key)) {
 *     String videoUrl = c.generate(1, Duration.ZERO);
 * }
 * }</pre>
 */
interface HandClient extends AutoCloseable {
    /** Submits job {@code n}; returns the vendor's handle for it. */
    String submit(long n) throws IOException;

    /** Asks for the job's status once: the video URL when it is done and the answer carried it, else null. */
    Poll poll(String handle) throws IOException;

    /** Fetches the finished job's video URL (fal: the result call; Runware had it in the poll). */
    String result(String handle) throws IOException;

    /** Whether the video URL needs a call of its own after the last poll. */
    boolean resultIsACall();

    @Override
    void close();

    /** One answer to a poll. */
    record Poll(boolean done, String videoUrl) {
    }

    /** Submit, poll every {@code pollDelay} until done, and return the video URL, all on this thread. */
    default String generate(long n, Duration pollDelay) throws IOException, InterruptedException {
        String handle = submit(n);
        Poll p;
        while (!(p = poll(handle)).done()) {
            if (!pollDelay.isZero()) Thread.sleep(pollDelay.toMillis());
        }
        return resultIsACall() ? result(handle) : p.videoUrl();
    }
}
