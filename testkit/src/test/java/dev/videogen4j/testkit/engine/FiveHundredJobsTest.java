package dev.videogen4j.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.testkit.engine.FlakyFake.Trouble;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * 500 jobs under 30 % transient faults are billed exactly as the provider's de-duplication allows. A provider that
 * de-duplicates has every submit a fault hid resent and bills exactly 500 jobs, its refused resends matching the
 * processed faults; one that does not has only provably rejected submits resent, so the rest end uncertain and it
 * bills the successes plus the uncertain submits it did accept. Never a second job. The adapters' half — a resend
 * under the same submission id is one job, a lost answer is UNKNOWN — is in the provider contract each passes.
 */
class FiveHundredJobsTest extends EngineOnAFake {
    private static final int JOBS = 500;
    private static final List<Trouble> MIXED = List.of(Trouble.HTTP_429, Trouble.HTTP_500, Trouble.HTTP_502,
            Trouble.HTTP_503, Trouble.HTTP_504, Trouble.RESET_BEFORE_REQUEST, Trouble.RESET_AFTER_REQUEST,
            Trouble.MALFORMED_JSON, Trouble.TRUNCATED_JSON, Trouble.HTML_ERROR_PAGE);
    /** What proves a submit was not processed (429 and 503, by {@code ProviderErrors}' rule for every adapter). */
    private static final Set<Trouble> PROVABLY_REJECTED = EnumSet.of(Trouble.HTTP_429, Trouble.HTTP_503);

    @Test
    void withDeduplicatedSubmitsEveryJobIsBilledExactlyOnce() {
        run(true);
    }

    @Test
    void withoutDeduplicationUnknownSubmitsEndUncertainAndNothingIsBilledTwice() {
        run(false);
    }

    private void run(boolean deduplicates) {
        FlakyFake fake = fake(Duration.ofSeconds(5), Duration.ofSeconds(30), deduplicates, true);
        VideoClient client = build(client(fake)
                .retry(10, Duration.ofMillis(200), Duration.ofSeconds(5))
                .circuitBreaker(50, 100, 50, Duration.ofSeconds(30)));
        // Submits first, faults on submits only, so the fault counters are the submits' own.
        fake.rate(MIXED, 0.03, EnumSet.of(Operation.SUBMIT));
        List<CompletableFuture<VideoJob>> submits = new ArrayList<>();
        List<CompletableFuture<VideoResult>> results = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            CompletableFuture<VideoJob> s = client.submitAsync(request(i));
            submits.add(s);
            results.add(s.thenCompose(job -> client.awaitAsync(job.jobId(), Duration.ofHours(1))));
        }
        completeAll(submits);
        long processed = MIXED.stream().filter(t -> t.processed).mapToLong(fake::injected).sum();
        long rejected = PROVABLY_REJECTED.stream().mapToLong(fake::injected).sum();
        long unknown = MIXED.stream().filter(t -> !PROVABLY_REJECTED.contains(t)).mapToLong(fake::injected).sum();
        long submitFaults = fake.injected();
        fake.rate(MIXED, 0.03, EnumSet.of(Operation.POLL, Operation.RESULT));   // then polls and result reads
        completeAll(results);

        long succeeded = results.stream().filter(f -> !f.isCompletedExceptionally()).count();
        List<SubmissionUncertainException> uncertain = new ArrayList<>();
        for (CompletableFuture<VideoResult> r : results) {
            if (!r.isCompletedExceptionally()) continue;
            if (deduplicates) complete(r);   // nothing may fail: throw the first failure as it is
            Throwable e = r.handle((v, t) -> t instanceof CompletionException ? t.getCause() : t).join();
            uncertain.add(assertInstanceOf(SubmissionUncertainException.class, e, "only unknown submits may fail"));
        }
        System.out.printf("dedup=%s: %d succeeded, %d uncertain, %d billed, %d jobs, %d refused resends, %d submit"
                        + " faults (%d processed, %d provably rejected), %d submits, %d faults in all%n", deduplicates,
                succeeded, uncertain.size(), fake.billed(), fake.jobsCreated(), fake.refusedResends(), submitFaults,
                processed, rejected, fake.calls(Operation.SUBMIT), fake.injected());
        assertEquals(0, fake.duplicates(), "no request became a second job");
        if (deduplicates) {
            assertEquals(JOBS, succeeded);
            assertEquals(JOBS, fake.billed());
            assertEquals(JOBS, fake.jobsCreated());
            // Every resend after a processed-but-unanswered submit carried the same id and was refused as such.
            assertEquals(processed, fake.refusedResends());
            return;
        }
        assertEquals(JOBS, succeeded + uncertain.size());
        assertEquals(unknown, uncertain.size(), "every submit a non-rejecting fault hit is uncertain, no other");
        assertEquals(succeeded + processed, fake.billed());
        assertEquals(succeeded + processed, fake.jobsCreated());
        assertEquals(JOBS + rejected, fake.calls(Operation.SUBMIT), "only provably rejected submits were sent again");
        String model = submits.stream().filter(f -> !f.isCompletedExceptionally()).findFirst().orElseThrow()
                .join().jobId().model();
        for (SubmissionUncertainException e : uncertain) {
            assertEquals("fake", e.providerId());
            assertEquals(model, e.model(), "the native model every accepted job of the same request got");
        }
    }
}
