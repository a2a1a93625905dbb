package dev.videogen4j.cli;

import dev.videogen4j.ProviderDirectory;
import dev.videogen4j.spi.VideoProviderFactory;
import picocli.CommandLine.Command;

/**
 * {@code videogen4j providers}: every provider found on the class path, whether it has credentials, where it
 * would send requests, and whether this run would use it.
 *
 * <pre>{@code
 * $ videogen4j providers
 * provider  name                         credentials                                       base URL                   this run
 * fal       fal.ai                       missing: set VIDEOGEN4J_FAL_API_KEY or FAL_KEY    https://queue.fal.run      emulated
 * }</pre>
 */
@Command(name = "providers", description = "List the discovered providers and whether each has credentials.")
final class ProvidersCommand extends CliCommand {
    @Override
    protected int run() {
        try (Session session = openSession()) {
            TextTable t = new TextTable("provider", "name", "credentials", "base URL", "this run");
            for (VideoProviderFactory f : session.directory().factories()) {
                t.row(f.id(), f.displayName(), credentials(session, f), baseUrl(session, f), use(session, f));
            }
            out().print(t);
        }
        return 0;
    }

    private String credentials(Session session, VideoProviderFactory f) {
        if (!f.requiresApiKey()) return "none needed";
        String set = Session.keyVariable(f, runtime());
        return set != null ? "set (" + set + ")" : "missing: set " + String.join(" or ", ProviderDirectory.apiKeyVariables(f));
    }

    private String baseUrl(Session session, VideoProviderFactory f) {
        if (session.emulated() && session.providers().contains(f.id())) {
            return f.id().equals("runware") ? session.emulator().runwareBaseUrl() : session.emulator().falQueueBaseUrl();
        }
        String configured = runtime().setting(ProviderDirectory.settingPrefix(f.id()) + "BASE_URL").orElse(null);
        return configured != null ? configured : f.defaultBaseUrl().isEmpty() ? "-" : f.defaultBaseUrl();
    }

    private static String use(Session session, VideoProviderFactory f) {
        if (!session.providers().contains(f.id())) return "not used";
        return session.emulated() ? "emulated" : "real";
    }
}
