package dev.videogen4j.cli;

import static dev.videogen4j.cli.TwoVendors.FAL_21;
import static dev.videogen4j.cli.TwoVendors.FAL_STD;
import static dev.videogen4j.cli.TwoVendors.RUNWARE_21;
import static dev.videogen4j.cli.TwoVendors.RUNWARE_STD;
import static dev.videogen4j.cli.TwoVendors.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.Attempt;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.emulator.EmulatorStats;
import dev.videogen4j.spi.ErrorKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Routing across Runware and fal, both real adapters against one emulator: what makes a request move to the
 * next provider (a provider that refused it before processing) and what never does (an uncertain submit, a
 * validation or content-policy refusal), with the emulator's counters as proof of what was sent and billed.
 */
class CrossVendorRoutingTest {
    private static final Duration WAIT = Duration.ofMinutes(10);
    private TwoVendors rig = new TwoVendors(b -> b);

    @AfterEach
    void close() {
        rig.close();
    }

    private VideoResult generate(VideoClient client, VideoRequest r) {
        return rig.complete(client.generateAsync(r, WAIT));
    }

    @Test
    void fallbackMovesToFalWhileRunwareIsDown() {
        rig.emulator.providerDown("runware", Duration.ofHours(1));
        VideoResult r = generate(rig.client("fallback:runware,fal"), request("kling-2.5-turbo-standard"));

        assertEquals("fal", r.providerId());
        assertEquals(FAL_STD, r.model());
        assertEquals(2, r.attempts().size(), "attempts: " + r.attempts());
        Attempt first = r.attempts().get(0);
        assertEquals(List.of("runware", RUNWARE_STD), List.of(first.providerId(), first.model()));
        assertTrue(first.describe().startsWith("rejected: runware submit failed: HTTP 503"), first.describe());
        assertEquals(new Attempt("fal", FAL_STD, Attempt.Outcome.SUCCEEDED, "", r.cost()), r.attempts().get(1));
        assertEquals(r.cost(), r.totalCost(), "Runware refused every submit: only fal's job is paid");
        EmulatorStats s = rig.emulator.stats();
        assertEquals(4, s.providerDownRejections("runware"), "every retry of the submit was refused, none processed");
        assertEquals(0, s.billableJobs("runware"));
        assertEquals(1, s.billableJobs("fal"));
    }

    @Test
    void fallbackMovesToFalWhenRunwareRateLimitsEveryRetry() {
        rig.emulator.faults(FaultPlan.builder().next(Fault.HTTP_429, 4, "runware.videoInference").build());
        VideoResult r = generate(rig.client("fallback:runware,fal"), request("kling-2.5-turbo-standard"));

        assertEquals("fal", r.providerId());
        assertTrue(r.attempts().get(0).describe().startsWith("rejected: runware submit failed: HTTP 429"), r.attempts().toString());
        assertEquals(4, rig.emulator.stats().faultsInjected(Fault.HTTP_429));
        assertEquals(0, rig.emulator.stats().jobsSubmitted("runware"));
        assertEquals(1, rig.emulator.stats().billableJobs("fal"));
    }

    @Test
    void noFallbackAfterAnUnknownSubmit() {
        rig.emulator.faults(FaultPlan.builder().next(Fault.RESET_AFTER_REQUEST, "fal.submit").build());
        VideoClient client = rig.client("fallback:fal,runware");

        SubmissionUncertainException e = assertThrows(SubmissionUncertainException.class,
                () -> generate(client, request("kling-2.5-turbo-standard")));

        assertEquals("fal", e.providerId());
        assertEquals(FAL_STD, e.model());
        rig.scheduler.advanceBy(Duration.ofMinutes(1));   // let the job fal did accept run, so it bills
        EmulatorStats s = rig.emulator.stats();
        assertEquals(1, s.requests("fal.submit"), "the uncertain submit was not resent");
        assertEquals(1, s.jobsSubmitted("fal"), "fal did accept it");
        assertEquals(1, s.billableJobs("fal"));
        assertEquals(0, s.httpRequests("runware"), "and Runware was never called, so nothing was paid twice");
        assertEquals(0, s.billableJobs("runware"));
    }

    @Test
    void noFallbackOnAContentPolicyRefusal() {
        VideoRequest r = request("kling-2.5-turbo-standard").toBuilder()
                .prompt("A slow glide [emulator:content-policy]").build();
        // fal refuses it when the job runs: the job ends FAILED with fal's content_policy_violation (issue 13)
        JobFailedException e = assertThrows(JobFailedException.class, () -> generate(rig.client("fallback:fal,runware"), r));
        assertEquals(ErrorKind.CONTENT_POLICY, e.status().errorKind().orElseThrow());
        assertEquals("content_policy_violation", e.status().code().orElseThrow());
        assertEquals(1, rig.emulator.stats().requests("fal.submit"));
        assertEquals(0, rig.emulator.stats().httpRequests("runware"));
    }

    @Test
    void noFallbackWhenTheProviderFindsTheRequestInvalid() {
        // cfg_scale is validated against the model, so an option may not set it: refused before anything is sent,
        // and not retried elsewhere either
        VideoRequest r = request("kling-2.5-turbo-standard").toBuilder().providerOption("cfg_scale", 5).build();
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> generate(rig.client("fallback:fal,runware"), r));
        assertTrue(e.getMessage().contains("cfg_scale"), e.getMessage());
        assertEquals(0, rig.emulator.stats().requests("fal.submit"));
        assertEquals(0, rig.emulator.stats().httpRequests("runware"));
    }

    @Test
    void fallbackMovesOnWhenTheFirstJobFailsProviderSide() {
        // a second emulator on the same virtual clock serves fal, so only Runware's jobs fail
        try (TwoVendors failing = new TwoVendors(b -> b.jobFailureRate(1.0));
             ProviderEmulator fal = ProviderEmulator.builder().clock(failing.clock).seed(12L).start();
             VideoClient client = failing.builder("fallback:runware,fal").baseUrl("fal", fal.falQueueBaseUrl()).build()) {
            VideoResult r = failing.complete(client.generateAsync(request("kling-2.5-turbo-standard"), WAIT));

            assertEquals("fal", r.providerId());
            assertEquals(2, r.attempts().size());
            assertTrue(r.attempts().get(0).describe().startsWith("job failed: Job "), r.attempts().toString());
            assertEquals(new Attempt("fal", FAL_STD, Attempt.Outcome.SUCCEEDED, "", r.cost()), r.attempts().get(1));
            assertEquals(1, failing.emulator.stats().billableJobs("runware"), "the failed Runware job was billed");
            assertEquals(1, fal.stats().billableJobs("fal"));
        }
    }

    @Test
    void cheapestPicksTheLowerQuoteWhateverTheListOrder() {
        VideoClient client = rig.client("cheapest:fal,runware");
        VideoRequest r = request("kling-2.1-standard");
        assertEquals(new BigDecimal("0.185"), client.quote(r).cheapest().orElseThrow().price().orElseThrow());

        VideoResult result = generate(client, r);

        assertEquals("runware", result.providerId());
        assertEquals(RUNWARE_21, result.model());
        assertEquals(0, rig.emulator.stats().httpRequests("fal"));
        assertEquals(new BigDecimal("0.185"), rig.emulator.stats().moneyCharged("runware"));
    }

    @Test
    void fastestFollowsObservedLatencyNotListOrder() {
        rig.close();
        rig = new TwoVendors(b -> b.timing(RUNWARE_21, Duration.ofSeconds(20), Duration.ofSeconds(30))
                .timing(FAL_21, Duration.ZERO, Duration.ofSeconds(3)));
        VideoClient client = rig.client("fastest:runware,fal");
        VideoRequest r = request("kling-2.1-standard");

        assertEquals("runware", generate(client, r).providerId(), "with nothing observed, the list order decides");
        rig.complete(client.compareAsync(r, List.of(), WAIT));          // observes both
        assertEquals("fal", generate(client, r).providerId(), "fal was seen to be faster");
        assertEquals("fal", generate(client, r).providerId());
    }

    @Test
    void fastestPicksRunwareWhenRunwareIsTheFastOne() {
        rig.close();
        rig = new TwoVendors(b -> b.timing(FAL_21, Duration.ofSeconds(20), Duration.ofSeconds(30))
                .timing(RUNWARE_21, Duration.ZERO, Duration.ofSeconds(3)));
        VideoClient client = rig.client("fastest:fal,runware");
        VideoRequest r = request("kling-2.1-standard");

        rig.complete(client.compareAsync(r, List.of(), WAIT));
        assertEquals("runware", generate(client, r).providerId());
    }
}
