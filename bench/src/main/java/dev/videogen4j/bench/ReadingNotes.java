package dev.videogen4j.bench;

/**
 * The closing notes of BENCHMARKS.md: what the figures do and do not say.
 *
 * <pre>{@code
 * md.append(ReadingNotes.TEXT);
 * }</pre>
 */
final class ReadingNotes {
    static final String TEXT = "## Reading these figures\n\n"
            + "- The machine is a shared 2-core VM (the load average is in the header): absolute microseconds in B1 "
            + "move by tens of percent from run to run; the ratios, taken block by block, move much less, and bytes "
            + "per job hardly at all.\n"
            + "- The emulator answers in microseconds plus the configured latency; real vendors take longer per "
            + "request, which makes every per-request cost in B1 smaller in proportion and every request saved in "
            + "B2/B3 worth more.\n"
            + "- The emulator is MockWebServer underneath, which serves each connection on a thread of its own and "
            + "sleeps that thread for the simulated latency; a fal status stream holds its connection, and so its "
            + "thread, until the job ends. On a real clock a stream's thread sleeps until its job's next change "
            + "rather than looking every 10 ms, and the emulator listens with a backlog of 4096 rather than "
            + "MockWebServer's 50, so thousands of open streams cost it sleeping threads, not CPU (its peak threads "
            + "and CPU are in B2 and B4).\n"
            + "- Thread counts are the JVM's count of live platform threads, including its own (Reference Handler, "
            + "Finalizer, Signal Dispatcher, Common-Cleaner, Notification Thread) and the harness's main thread.\n"
            + "- The suite never asserts on these numbers: `BenchSmokeTest` runs each harness on a few jobs to keep it "
            + "working, and nothing more.\n";

    private ReadingNotes() {
    }
}
