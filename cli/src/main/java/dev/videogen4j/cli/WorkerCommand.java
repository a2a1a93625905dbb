package dev.videogen4j.cli;

import dev.videogen4j.VideoClient;
import dev.videogen4j.fal.FalWebhooks;
import dev.videogen4j.jobs.JobStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code videogen4j worker}: one more instance sharing the job store. It polls the live jobs it is handed by the
 * store's scheduler (exactly one instance polls a job at a time; a dead instance's jobs come back to the others), and
 * with {@code --webhook-port} serves verified webhook endpoints that complete any job, whoever submitted it. Runs until
 * stopped (Ctrl+C, SIGTERM).
 *
 * <pre>{@code
 * $ VIDEOGEN4J_JOB_STORE=jdbc:postgresql://db:5432/app VIDEOGEN4J_WEBHOOK_TOKEN=s3cret \
 *       videogen4j worker --webhook-port 8080 --webhook-host 0.0.0.0
 * }</pre>
 */
@Command(name = "worker", description = "Poll the store's live jobs and serve webhook endpoints, until stopped.")
final class WorkerCommand extends CliCommand {
    @Option(names = "--webhook-port", paramLabel = "N",
            description = "Serve POST /hooks/fal (verified signatures) and /hooks/runware?token=... on this port (0: a free one).")
    Integer webhookPort;

    @Option(names = "--webhook-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address the webhook endpoints listen on. Default: ${DEFAULT-VALUE}.")
    String webhookHost;

    @Option(names = "--fal-jwks-url", paramLabel = "URL",
            description = "Where fal's webhook signing keys are (default: fal's; the emulator's when it is in use).")
    String falJwksUrl;

    @Override
    protected int run() {
        JobStore store = JobStores.open(runtime());
        Session session = openSession();
        VideoClient client = session.client(session.defaultRouting(), b -> b.jobStore(store));
        WebhookServer hooks = null;
        if (webhookPort != null) {
            String jwks = falJwksUrl != null ? falJwksUrl
                    : session.emulated() ? session.emulator().jwksUrl() : FalWebhooks.DEFAULT_JWKS_URL;
            String token = runtime().setting("VIDEOGEN4J_WEBHOOK_TOKEN").orElse(null);
            hooks = WebhookServer.start(client, webhookHost, webhookPort, FalWebhooks.builder().jwksUrl(jwks).build(), token);
            out().println("webhooks  http://" + webhookHost + ":" + hooks.port() + "/hooks/fal (signatures verified with "
                    + jwks + ")");
            out().println("webhooks  http://" + webhookHost + ":" + hooks.port() + "/hooks/runware?token=..."
                    + (token == null ? " (refused: set VIDEOGEN4J_WEBHOOK_TOKEN)" : ""));
        }
        out().println("worker    polling the live jobs of " + JobStores.shown(runtime()) + "; stop with Ctrl+C");
        out().flush();
        WebhookServer served = hooks;
        runtime().runUntilStopped(() -> {
            if (served != null) served.close();
            client.close();
            session.close();
            store.close();
        });
        return 0;
    }
}
