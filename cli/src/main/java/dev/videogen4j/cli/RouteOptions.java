package dev.videogen4j.cli;

import picocli.CommandLine.Option;

/**
 * {@code --provider} or {@code --routing}: which provider a command that runs one job sends it to. Shared by
 * {@code generate} and {@code submit}, so both read and refuse these options alike.
 *
 * <pre>{@code
 * RouteOptions route = new RouteOptions();   // a picocli mixin of the command
 * route.requireAtMostOne();
 * VideoClient client = session.client(route.policy(session), b -> { });
 * }</pre>
 */
final class RouteOptions {
    @Option(names = "--provider", paramLabel = "ID", description = "The provider to use (runware, fal, ...).")
    String provider;

    @Option(names = "--routing", paramLabel = "POLICY",
            description = "Instead of --provider: single:<id>, fallback:<id>,<id>, cheapest[:<ids>] or fastest[:<ids>].")
    String routing;

    /** Refuses a command line that names both, before anything else is read or opened. */
    void requireAtMostOne() {
        if (provider != null && routing != null) throw new IllegalArgumentException("give --provider or --routing, not both");
    }

    /** The routing policy the options ask for, or the session's default when they name none. */
    String policy(Session session) {
        return provider != null ? "single:" + provider : routing != null ? routing : session.defaultRouting();
    }
}
