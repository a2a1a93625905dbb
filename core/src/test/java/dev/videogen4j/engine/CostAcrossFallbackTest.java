package dev.videogen4j.engine;

import dev.videogen4j.spi.ErrorKind;
import static dev.videogen4j.testing.Futures.failure;
import static dev.videogen4j.testing.Futures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.Attempt;
import dev.videogen4j.Cost;
import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.testing.Failures;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What a request cost when it went to more than one provider, and how a failure after several names them all. */
class CostAcrossFallbackTest {
    private static final String ACME_MODEL = "acme-kling-2.5";
    private static final String ZETA_MODEL = "zeta-kling-v2.5-turbo";

    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final ScriptedProvider acme = ScriptedProvider.of("acme", clock);
    private final ScriptedProvider zeta = ScriptedProvider.of("zeta", clock);
    private final VideoClient client = TestClients.virtual(scheduler, acme, zeta).build();   // fallback:acme,zeta

    private CompletableFuture<VideoResult> generate() {
        CompletableFuture<VideoResult> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        scheduler.runUntilDone(f, Duration.ofMinutes(5));
        return f;
    }

    @Test
    void aRefusedSubmitCostsNothingAndTheTotalIsTheServingJobsReportedCost() {
        acme.failSubmit(Failures.http("acme", Operation.SUBMIT, 503));
        zeta.answerPoll(ScriptedProvider.succeededWith("https://cdn.example/z.mp4", new BigDecimal("0.21")));

        VideoResult r = value(generate());

        assertEquals(List.of(Cost.notBilled(), Cost.reported(new BigDecimal("0.21"))),
                r.attempts().stream().map(Attempt::cost).toList());
        assertEquals(List.of(Attempt.Outcome.REJECTED, Attempt.Outcome.SUCCEEDED),
                r.attempts().stream().map(Attempt::outcome).toList());
        assertEquals("$0.21 (reported)", r.totalCost().toString());
    }

    @Test
    void aFailedJobBeforeTheServingOneLeavesTheTotalUnknownNotSilentlyLow() {
        acme.answerPoll(JobStatus.failed(ErrorKind.OTHER, "gpu_error", "the GPU fell over"));
        zeta.answerPoll(ScriptedProvider.succeededWith("https://cdn.example/z.mp4", new BigDecimal("0.21")));

        VideoResult r = value(generate());

        assertEquals(Cost.reported(new BigDecimal("0.21")), r.cost(), "the serving job's own cost");
        assertEquals(List.of(Cost.unknown(), Cost.reported(new BigDecimal("0.21"))),
                r.attempts().stream().map(Attempt::cost).toList());
        assertEquals(Cost.unknown(), r.totalCost());
    }

    @Test
    void aJobFailedExceptionAfterAFallbackNamesEveryAttempt() {
        acme.answerPoll(JobStatus.failed(ErrorKind.OTHER, "gpu_error", "the GPU fell over"));
        zeta.answerPoll(JobStatus.failed(ErrorKind.TIMEOUT, "timeout", "took too long"));

        JobFailedException e = failure(generate(), JobFailedException.class);

        assertEquals(List.of("acme", "zeta"), e.attempts().stream().map(Attempt::providerId).toList());
        assertEquals(List.of(Attempt.Outcome.JOB_FAILED, Attempt.Outcome.JOB_FAILED),
                e.attempts().stream().map(Attempt::outcome).toList());
        assertEquals("Job vg1:zeta:" + ZETA_MODEL + ":job-1 on zeta ended FAILED: timeout took too long (after 2 attempts: "
                + "acme " + ACME_MODEL + " job failed, cost unknown; zeta " + ZETA_MODEL + " job failed, cost unknown)",
                e.getMessage());
    }

    @Test
    void costsAddUpWithTheWeakestSourceAndARejectedAttemptCannotBeBilled() {
        Cost reported = Cost.reported(new BigDecimal("0.20"));
        assertEquals(Cost.reported(new BigDecimal("0.40")), reported.plus(reported));
        assertEquals(Cost.estimated(new BigDecimal("0.45")), reported.plus(Cost.estimated(new BigDecimal("0.25"))));
        assertEquals(reported, Cost.notBilled().plus(reported));
        assertEquals(Cost.unknown(), reported.plus(Cost.unknown()));
        assertEquals("$0 (not billed)", Cost.notBilled().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Attempt("acme", ACME_MODEL, Attempt.Outcome.REJECTED, "503", reported));
        assertEquals("a rejected submit created no job, so it cannot cost $0.2 (reported)", e.getMessage());
    }
}
