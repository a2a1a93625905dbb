package dev.videogen4j.testing;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoClientBuilder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@link VideoClientBuilder} wired to virtual time and scripted providers, so the whole engine runs on the
 * test thread: the {@link VirtualScheduler} is the timer, provider calls run inline, retry jitter is off.
 *
 * <pre>{@code
 * VirtualScheduler scheduler = new VirtualScheduler(MutableClock.start());
 * ScriptedProvider acme = ScriptedProvider.of("acme", scheduler.clock());
 * VideoClient client = TestClients.virtual(scheduler, acme).build();          // single:acme
 * CompletableFuture<VideoResult> f = client.generateAsync(request, Duration.ofMinutes(10));
 * scheduler.runUntilDone(f, Duration.ofMinutes(10));
 * }</pre>
 *
 * <p>Use the {@code ...Async} methods and drive the scheduler: a blocking {@code generate}/{@code await} waits on
 * the test thread, which is the thread that would have to advance virtual time, so it never returns (unless a
 * {@link WaitingCallerClock} moves time on while it waits). Blocking
 * {@code submit}, {@code status} and {@code cancel} are fine as long as no retry wait is involved (provider calls
 * run inline).
 */
public final class TestClients {
    private TestClients() {
    }

    /** Routing {@code single:<id>} for one provider, {@code fallback:<ids in order>} for several. */
    public static VideoClientBuilder virtual(VirtualScheduler scheduler, ScriptedProvider... providers) {
        return virtual(scheduler, Map.of(), providers);
    }

    /** The same, with more configuration variables (on top of {@code VIDEOGEN4J_RETRY_JITTER=0}). */
    public static VideoClientBuilder virtual(VirtualScheduler scheduler, Map<String, String> environment,
                                             ScriptedProvider... providers) {
        Map<String, String> env = new HashMap<>();
        env.put("VIDEOGEN4J_RETRY_JITTER", "0");
        // The default back-off, configured: a model's lone first job then keeps it instead of scouting, which is
        // what the tests' poll timings assume (AdaptivePollingTest covers the scout).
        env.put("VIDEOGEN4J_POLL_INITIAL_DELAY", "2s");
        env.putAll(environment);
        VideoClientBuilder b = VideoClient.builder()
                .environment(env)
                .clock(scheduler.clock())
                .scheduler(scheduler)
                .callExecutor(Runnable::run);
        for (ScriptedProvider p : providers) b.providerFactory(p.factory());
        String ids = Arrays.stream(providers).map(ScriptedProvider::id).collect(Collectors.joining(","));
        return b.routing(providers.length == 1 ? "single:" + ids : "fallback:" + ids);
    }
}
