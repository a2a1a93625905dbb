package dev.videogen4j.cli;

import dev.videogen4j.ProviderDirectory;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoClientBuilder;
import dev.videogen4j.spi.VideoProviderFactory;
import dev.videogen4j.emulator.FaultPlan;
import dev.videogen4j.emulator.ProviderEmulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One command's connection to the vendors: the real ones when API keys are set, otherwise (or with
 * {@code --emulator}) the built-in emulator, started in-process with every emulated provider pointed at it.
 * Says on stderr which one it is, because a real run is billed and an emulated one is not.
 *
 * <pre>{@code
 * try (Session s = Session.open(runtime, common.emulator, err)) {
 *     VideoClient client = s.client(b -> b.routing(s.defaultRouting()));
 *     ...
 * }
 * }</pre>
 */
final class Session implements AutoCloseable {
    // Polls often on the emulator, whose jobs take seconds: queue and run times are accurate to one poll.
    static final Duration EMULATOR_POLL = Duration.ofMillis(250);

    private final CliRuntime runtime;
    private final ProviderDirectory directory;
    /** The user's catalog file, read by the client and, on the emulator, served by it too. */
    static final String MODELS_FILE = "VIDEOGEN4J_MODELS_FILE";
    private final ProviderEmulator emulator;
    private final List<String> providers;
    private final List<VideoClient> clients = new ArrayList<>();

    private Session(CliRuntime runtime, ProviderDirectory directory, ProviderEmulator emulator, List<String> providers) {
        this.runtime = runtime;
        this.directory = directory;
        this.emulator = emulator;
        this.providers = providers;
    }

    /** Decides real or emulated, starts the emulator when needed, and says which on {@code err}. */
    static Session open(CliRuntime runtime, boolean forceEmulator, PrintWriter err) {
        ProviderDirectory directory = ProviderDirectory.discover();
        List<String> keyed = keyed(directory, runtime);
        if (!forceEmulator && !keyed.isEmpty()) {
            err.println("Using the real vendors: " + keyed.stream().map(id -> id + " (key set" + runtime
                            .setting(ProviderDirectory.settingPrefix(id) + "BASE_URL").map(url -> ", at " + url).orElse("") + ")")
                            .collect(Collectors.joining(", "))
                    + ". Jobs are billed by the vendor." + missing(directory, runtime));
            err.flush();
            return new Session(runtime, directory, null, keyed);
        }
        // The client reads the user's catalog file; the emulator serves the same models, or they could not run here.
        ExtraModels extra = runtime.setting(MODELS_FILE).map(java.nio.file.Path::of).map(ExtraModels::read).orElse(null);
        ProviderEmulator emu = DemoEmulator.start(runtime.clock(), 0, DemoEmulator.SEED, FaultPlan.none(), extra);
        err.println("Using the built-in emulator at " + emu.baseUrl() + " for " + String.join(", ", DemoEmulator.VENDORS)
                + (forceEmulator ? " (--emulator)" : " (no API keys set)") + ": nothing is sent to the vendors or billed."
                + (forceEmulator ? "" : " Set RUNWARE_API_KEY or FAL_KEY to use the real vendors.")
                + (extra == null ? "" : " It also serves " + extra.describe() + "."));
        err.flush();
        return new Session(runtime, directory, emu, DemoEmulator.VENDORS);
    }

    /** Providers that need a key and have one: what "real vendors" means (a key-less test provider does not count). */
    static List<String> keyed(ProviderDirectory directory, CliRuntime runtime) {
        return directory.factories().stream().filter(f -> f.requiresApiKey() && keyVariable(f, runtime) != null)
                .map(VideoProviderFactory::id).collect(Collectors.toList());
    }

    /** The first of the provider's key variables that is set, as a client reads them; null when none is. */
    static String keyVariable(VideoProviderFactory f, CliRuntime runtime) {
        return ProviderDirectory.apiKeyVariables(f).stream().filter(v -> runtime.setting(v).isPresent()).findFirst()
                .orElse(null);
    }

    private static String missing(ProviderDirectory directory, CliRuntime runtime) {
        List<String> without = directory.factories().stream().filter(f -> f.requiresApiKey() && keyVariable(f, runtime) == null)
                .map(f -> f.id() + " (" + String.join(" or ", ProviderDirectory.apiKeyVariables(f)) + ")")
                .collect(Collectors.toList());
        return without.isEmpty() ? "" : " No key for " + String.join(", ", without) + ": not used.";
    }

    boolean emulated() {
        return emulator != null;
    }

    ProviderEmulator emulator() {
        return emulator;
    }

    /** The providers this session uses: the keyed ones, or the emulated ones. */
    List<String> providers() {
        return providers;
    }

    /** The providers found on the class path, used or not. */
    ProviderDirectory directory() {
        return directory;
    }

    /**
     * The routing when the command line names none: {@code VIDEOGEN4J_ROUTING}, else {@code VIDEOGEN4J_PROVIDER},
     * else a fallback chain over this session's providers.
     */
    String defaultRouting() {
        return runtime.setting("VIDEOGEN4J_ROUTING")
                .or(() -> runtime.setting("VIDEOGEN4J_PROVIDER").map(p -> "single:" + p))
                .orElse("fallback:" + String.join(",", providers));
    }

    /** A client for this session; {@code routing} is {@link #defaultRouting()} unless the command chose one. */
    VideoClient client(String routing, java.util.function.Consumer<VideoClientBuilder> customize) {
        VideoClientBuilder b = VideoClient.builder().environment(runtime.env()).routing(routing)
                .clock(runtime.clock()).scheduler(runtime.scheduler());
        if (runtime.callExecutor() != null) b.callExecutor(runtime.callExecutor());
        if (emulator != null) {
            b.apiKey("runware", emulator.runwareApiKey()).baseUrl("runware", emulator.runwareBaseUrl())
                    .apiKey("fal", emulator.falApiKey()).baseUrl("fal", emulator.falQueueBaseUrl())
                    .pollInterval(EMULATOR_POLL, 1.0, EMULATOR_POLL);
        }
        customize.accept(b);
        VideoClient c = b.build();
        clients.add(c);
        return c;
    }

    @Override
    public void close() {
        clients.forEach(VideoClient::close);
        if (emulator != null) emulator.close();
    }
}
