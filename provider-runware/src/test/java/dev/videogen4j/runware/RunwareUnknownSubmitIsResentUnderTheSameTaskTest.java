package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoClientBuilder;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.internal.Router;
import dev.videogen4j.testkit.EmulatorHarness;
import dev.videogen4j.emulator.EmulatorStats;
import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 6 (c), Runware: a submit whose outcome is unknown — no answer after the body was sent, a reset, a 5xx, an
 * unreadable body — is resent under the same taskUUID. If the first one landed Runware refuses the second as
 * {@code conflictTaskUUID}, which the adapter reads as "accepted": one job, billed once, whatever hid the answer.
 */
class RunwareUnknownSubmitIsResentUnderTheSameTaskTest {
    private final EmulatorHarness h = EmulatorHarness.runware(Duration.ZERO, Duration.ofSeconds(10));

    @AfterEach
    void close() {
        h.close();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SLOW_RESPONSE", "RESET_AFTER_REQUEST", "HTTP_500", "HTTP_502",
            "HTTP_504", "MALFORMED_JSON", "TRUNCATED_JSON", "RESET_BEFORE_REQUEST", "HTML_ERROR_PAGE"})
    void anUnknownSubmitOutcomeEndsInOneJobBilledOnce(Fault fault) {
        // Only SLOW_RESPONSE needs a short read timeout: it turns the held answer into "sent, no answer" within a
        // real second. Every other case keeps the default, so a loaded machine's slow but healthy answer (the resend,
        // the polls) is not taken for a fault.
        VideoClientBuilder b = fault != Fault.SLOW_RESPONSE ? h.client()
                : h.client().environment(Map.of("VIDEOGEN4J_RUNWARE_READ_TIMEOUT", "1s"));
        VideoClient client = h.build(b);
        h.emulator().faults(FaultPlan.builder().slowResponseDelay(Duration.ofSeconds(3))
                .next(fault, "runware.videoInference").build());

        VideoResult r = h.complete(client.generateAsync(EmulatorHarness.request(0), Duration.ofMinutes(5)));

        EmulatorStats s = h.emulator().stats();
        assertEquals(1, r.videos().size());
        assertEquals(1, s.faultsInjected(fault));
        assertEquals(2, s.requests("runware.videoInference"), "sent once more after the unknown outcome");
        assertEquals(1, s.jobsSubmitted("runware"));
        assertEquals(1, s.billableJobs("runware"));
        // The resend carried the same taskUUID: where the first had landed, Runware refused it as a conflict.
        assertEquals(fault.processesRequest() ? 1 : 0, s.refusedResubmissions("runware"));
        assertEquals(0, s.duplicateSubmissions("runware"), "no second job");
        assertEquals(1, h.retries().stream().filter(x -> x.startsWith("submit ")).count(), "retries: " + h.retries());
        assertEquals(List.of(), h.circuit());
    }

    @Test
    void retriesThatRunOutAfterAnAttemptThatMayHaveLandedReportTheSubmitAsUncertain() {
        // 4 attempts (the default): the first lands but its answer is lost, the other three meet a 503.
        VideoClient client = h.build(h.client());
        h.emulator().faults(FaultPlan.builder().next(Fault.RESET_AFTER_REQUEST, "runware.videoInference")
                .next(Fault.HTTP_503, 3, "runware.videoInference").build());
        Instant first = h.clock().instant();

        SubmissionUncertainException e = assertThrows(SubmissionUncertainException.class,
                () -> h.complete(client.submitAsync(EmulatorHarness.request(0))));

        assertEquals(1, h.emulator().stats().billableJobs("runware"), "the first attempt did land");
        assertEquals(4, h.emulator().stats().requests("runware.videoInference"));
        assertEquals("runware", e.providerId());
        assertEquals("klingai:6@0", e.model());
        assertEquals(first, e.sentAt(), "the attempt that may have landed");
        ProviderException cause = assertInstanceOf(ProviderException.class, e.getCause());
        assertEquals(SubmitOutcome.UNKNOWN, cause.submitOutcome());
        assertFalse(Router.mayFallBack(e), "another provider must not be tried: that could pay twice");
    }
}
