package dev.videogen4j.jobs.jdbc.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobId;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.jobs.RecordState;
import dev.videogen4j.jobs.jdbc.JdbcJobStore;
import dev.videogen4j.jobs.jdbc.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's proofs, on PostgreSQL, with application instances in JVMs of their own against the emulator on the real
 * clock: an instance killed with SIGKILL in the middle of a burst of submits, both instances killed and restarted,
 * and {@code close()} in the middle of submits. What is counted is what a paying user would count: the jobs the
 * vendor billed against the records in the store. Each test prints its figures.
 */
class KillNineTest {
    private static final Duration LATENCY = Duration.ofMillis(50);
    private static final Duration SETTLE = Duration.ofMinutes(3);

    private ProviderEmulator emulator;
    private String url;
    private JdbcJobStore store;

    @BeforeEach
    void start() {
        url = TestDatabases.newPostgresSchema();
        emulator = ProviderEmulator.builder().seed(14L).timing(Duration.ZERO, Duration.ofSeconds(3))
                .latency(LATENCY).start();
        store = JdbcJobStore.builder(url, null, null).instanceId("test-reader").build();
    }

    @AfterEach
    void stop() { // null when the server is missing and the test was skipped
        if (store != null) store.close();
        if (emulator != null) emulator.close();
    }

    @Test
    void anInstanceKilledMidBurstLosesNoPaidJobAndTheOtherFinishesThemAll() throws Exception {
        try (Instance b = Instance.start("B", url, emulator.baseUrl(), List.of("worker"))) {
            String falHook = hookUrl(b);
            Instance a = Instance.start("A", url, emulator.baseUrl(), List.of("submit", "1000", falHook));
            a.await("ACCEPTED ", 300, Duration.ofMinutes(2));
            a.kill();
            Instant killed = Instant.now();
            List<String> handlesOfA = a.lines("ACCEPTED ");
            long inFlight = store.findByState(Set.of(RecordState.INTENDED, RecordState.SUBMITTING), 10_000).size();

            Reconciliation r = settle();
            System.out.println("[kill -9] A accepted " + handlesOfA.size() + " of 1000 submits before SIGKILL, "
                    + inFlight + " more were in flight; settled " + Duration.between(killed, Instant.now()).toMillis()
                    + " ms after; " + r.summary());

            assertEquals(Map.of("runware", List.of(), "fal", List.of()), r.billedNoHandle(), r.summary());
            assertTrue(r.billed().get("runware").size() > 0 && r.billed().get("fal").size() > 0, r.summary());
            assertEquals(0, r.duplicateSubmissions(), r.summary());
            assertEquals(0, r.overlappingPolls(), r.summary());
            assertEquals(0, r.unsettled(), "records left in flight: " + r.summary());
            Set<String> succeeded = handles(r, s -> s == RecordState.SUCCEEDED);
            for (String line : handlesOfA) {
                String handle = line.substring(line.indexOf(' ') + 1);
                assertTrue(succeeded.contains(JobId.parse(handle).toString()), handle + " did not succeed: " + r.summary());
            }
        }
    }

    @Test
    void aWebhookForAJobSubmittedOnAIsDeliveredToBAndCompletesIt() throws Exception {
        // Webhooks replace polling here (a safety poll only after 5 minutes): a job that ends was ended by its webhook.
        Map<String, String> webhooksOnly = Map.of("VIDEOGEN4J_WEBHOOK_SAFETY_POLL", "5m");
        try (Instance b = Instance.start("B", url, emulator.baseUrl(), List.of("worker"), webhooksOnly)) {
            Instance a = Instance.start("A", url, emulator.baseUrl(), List.of("submit-fal", "20", hookUrl(b)),
                    webhooksOnly);
            List<String> accepted = a.await("ACCEPTED ", 20, Duration.ofMinutes(1));
            a.kill(); // A is gone before any job ends: only B, through the webhooks, can complete them
            Reconciliation r = settle();
            long polls = emulator.jobRequests().stream().filter(x -> x.kind().equals("fal.status")).count();
            System.out.println("[webhook] " + accepted.size() + " fal jobs accepted on A, A killed; on B: " + r.summary()
                    + "; fal status polls " + polls + "; webhooks delivered " + emulator.stats().webhooksDelivered("fal"));
            assertEquals(Map.of(RecordState.SUCCEEDED, 20L), r.byState(), r.summary());
            assertEquals(0, polls, "completed by polling, not by the webhooks");
            assertEquals(20, emulator.stats().webhooksDelivered("fal"));
        }
    }

    @Test
    void bothInstancesKilledAndRestartedLoseNothingAndResubmitNothing() throws Exception {
        Instance b = Instance.start("B", url, emulator.baseUrl(), List.of("worker"));
        String falHook = hookUrl(b);
        Instance a = Instance.start("A", url, emulator.baseUrl(), List.of("submit", "200", falHook));
        a.await("SUBMITTED ", 1, Duration.ofMinutes(2));
        long submitsBefore = submits();
        a.kill();
        b.kill();
        try (Instance b2 = Instance.start("B2", url, emulator.baseUrl(), List.of("worker"));
             Instance a2 = Instance.start("A2", url, emulator.baseUrl(), List.of("worker"))) {
            hookUrl(b2);
            Reconciliation r = settle();
            System.out.println("[restart] " + submitsBefore + " submits before both instances were killed, "
                    + submits() + " after the restart; " + r.summary());
            assertEquals(submitsBefore, submits(), "a restarted instance sent a submit again");
            assertEquals(0, r.billedWithoutHandle(), r.summary());
            assertEquals(0, r.duplicateSubmissions(), r.summary());
            assertEquals(200, r.records().size(), r.summary());
            assertEquals(0, r.unsettled(), "records left in flight: " + r.summary());
        }
    }

    @Test
    void closeDuringSubmitsLeavesEveryBilledJobWithARecord() throws Exception {
        try (Instance b = Instance.start("B", url, emulator.baseUrl(), List.of("worker"))) {
            String falHook = hookUrl(b);
            Instance a = Instance.start("A", url, emulator.baseUrl(), List.of("submit", "300", falHook, "60"));
            a.await("SUBMITTED ", 1, Duration.ofMinutes(2));
            a.close();
            Reconciliation r = settle();
            System.out.println("[close()] A closed its client after " + a.lines("ACCEPTED ").size()
                    + " accepted submits (" + a.lines("UNCERTAIN ").size() + " uncertain, " + a.lines("ERROR ").size()
                    + " refused); " + r.summary());
            assertEquals(0, r.billedWithoutHandle(), r.summary());
            assertEquals(0, r.duplicateSubmissions(), r.summary());
            // A waits for the answers of its polls still out before B may take them over
            assertEquals(0, r.overlappingPolls(), r.summary());
            assertEquals(0, r.unsettled(), "records left in flight: " + r.summary());
        }
    }

    private static String hookUrl(Instance worker) throws InterruptedException {
        return "http://127.0.0.1:" + worker.await("READY ", 1, Duration.ofMinutes(1)).get(0) + "/hooks/fal";
    }

    private long submits() {
        return emulator.stats().requests("runware.videoInference") + emulator.stats().requests("fal.submit");
    }

    private static Set<String> handles(Reconciliation r, Predicate<RecordState> state) {
        return r.records().stream().filter(x -> state.test(x.state()) && x.jobId().isPresent())
                .map(x -> x.jobId().get().toString()).collect(Collectors.toSet());
    }

    /**
     * Waits (bounded) until every billed job has a record with its handle and every record has ended, or is an
     * UNCERTAIN fal submit without a handle (only its webhook could settle it): the surviving instances have done all
     * they can.
     */
    private Reconciliation settle() throws InterruptedException {
        Instant deadline = Instant.now().plus(SETTLE);
        while (true) {
            Reconciliation r = Reconciliation.of(store, emulator, LATENCY.toNanos());
            if ((r.billedWithoutHandle() == 0 && r.unsettled() == 0) || Instant.now().isAfter(deadline)) {
                return r;
            }
            Thread.sleep(500); // the instances work on the real clock
        }
    }
}
