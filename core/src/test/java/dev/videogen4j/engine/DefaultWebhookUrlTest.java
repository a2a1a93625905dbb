package dev.videogen4j.engine;

import static dev.videogen4j.testing.Futures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.VideoClient;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request that names no webhook URL gets the one configured for the provider it is sent to. */
class DefaultWebhookUrlTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final ScriptedProvider acme = ScriptedProvider.of("acme", clock);
    private final ScriptedProvider zeta = ScriptedProvider.of("zeta", clock);

    private String sentWebhook(ScriptedProvider p) {
        return p.calls(Operation.SUBMIT).get(0).request().webhookUrl();
    }

    // A provider that assigns its own job ids gets the submission id in the URL too, so that the webhook of a
    // submit whose answer was lost still names its job record.
    private static String named(String url, ScriptedProvider p, int call) {
        return url + (url.contains("?") ? "&" : "?") + "vg_submission="
                + p.calls(Operation.SUBMIT).get(call).context().submissionId();
    }

    @Test
    void eachProviderGetsItsOwnUrlAndARequestsOwnUrlWins() {
        acme.failSubmit(dev.videogen4j.testing.Failures.http("acme", Operation.SUBMIT, 401));
        VideoClient client = TestClients.virtual(scheduler, Map.of("VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "1"), acme, zeta)
                .webhookUrl("acme", "https://app.example/hooks/acme")
                .webhookUrl("zeta", "https://app.example/hooks/zeta")
                .webhookUrl("elsewhere", "https://app.example/hooks/unused")
                .build();

        value(client.submitAsync(Requests.t2v()));               // acme refuses it; zeta takes it
        value(client.submitAsync(Requests.t2v().toBuilder().webhookUrl("https://mine.example/h").build()));

        assertEquals(named("https://app.example/hooks/acme", acme, 0), sentWebhook(acme));
        assertEquals(named("https://app.example/hooks/zeta", zeta, 0), sentWebhook(zeta));
        assertEquals(named("https://mine.example/h", zeta, 1), zeta.calls(Operation.SUBMIT).get(1).request().webhookUrl());
    }

    @Test
    void theUrlCanComeFromTheEnvironment() {
        VideoClient client = TestClients.virtual(scheduler,
                Map.of("VIDEOGEN4J_ACME_WEBHOOK_URL", "https://app.example/hooks/acme"), acme).build();

        value(client.submitAsync(Requests.t2v()));

        assertEquals(named("https://app.example/hooks/acme", acme, 0), sentWebhook(acme));
    }
}
