package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobId;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.jobs.RecordState;
import dev.videogen4j.jobs.jdbc.JdbcJobStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code submit}, {@code jobs}, {@code jobs show}, {@code await} and {@code worker} across separate runs of the
 * command, on an embedded H2 file (the CLI's default kind of store), against the emulator on the real clock (1 s jobs).
 */
class DurableJobCommandsTest {
    private static final String IMAGE = "https://example.com/first.jpg";

    @TempDir
    Path home;
    private ProviderEmulator emulator;
    private RealTimeCli cli;

    @BeforeEach
    void start() {
        emulator = ProviderEmulator.builder().seed(7L).timing(Duration.ZERO, Duration.ofSeconds(1)).start();
        cli = new RealTimeCli();
        cli.env.put("RUNWARE_API_KEY", ProviderEmulator.DEFAULT_RUNWARE_KEY);
        cli.env.put("VIDEOGEN4J_RUNWARE_BASE_URL", emulator.runwareBaseUrl());
        cli.env.put("FAL_KEY", ProviderEmulator.DEFAULT_FAL_KEY);
        cli.env.put("VIDEOGEN4J_FAL_BASE_URL", emulator.falQueueBaseUrl());
        cli.env.put("VIDEOGEN4J_HOME", home.toString());       // the default store: <home>/jobs, an H2 file
        cli.env.put("VIDEOGEN4J_JOB_STORE_CHECK_INTERVAL", "100ms");
    }

    @AfterEach
    void stop() {
        cli.close();
        emulator.close();
    }

    @Test
    void submitThenJobsThenAwaitInLaterRunsOfTheCommand() {
        submitJobsAwait("jdbc:h2:file:" + home.resolve("jobs").toAbsolutePath());
    }

    @Test
    void theSameOnPostgreSql() throws Exception {
        String server = System.getenv("VIDEOGEN4J_TEST_POSTGRES_URL");
        String why = "VIDEOGEN4J_TEST_POSTGRES_URL is not set: `bash .ci/run` starts a throwaway PostgreSQL";
        if (server == null) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError(why);
            org.junit.jupiter.api.Assumptions.abort(why);
        }
        String schema = "cli_" + java.util.UUID.randomUUID().toString().replace("-", "");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(server);
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        cli.env.put("VIDEOGEN4J_JOB_STORE", url + "&password=not-shown");   // the test cluster trusts loopback
        submitJobsAwait(url + "&password=***");
    }

    private void submitJobsAwait(String location) {
        assertEquals(0, cli.run("submit", "--provider", "runware", "--prompt", "A lighthouse at dusk", "--image", IMAGE),
                cli.err());
        String id = cli.value("job");
        JobId handle = JobId.parse(cli.value("handle"));
        assertEquals(List.of("runware", "klingai:6@0"), List.of(handle.providerId(), handle.model()));
        assertEquals("$0.21", cli.value("quoted"));

        assertEquals(0, cli.run("jobs"), cli.err());
        assertTrue(cli.out().contains(id) && cli.out().contains("runware") && cli.out().contains("$0.21"), cli.out());
        assertTrue(cli.out().endsWith("1 job in " + location + "\n"), cli.out());

        assertEquals(0, cli.run("await", id, "--timeout", "60s"), cli.err());
        assertEquals(id, cli.value("job"));
        assertTrue(cli.value("video").startsWith(emulator.baseUrl() + "/videos/"), cli.out());
        assertEquals("$0.21 reported", cli.value("cost"));

        assertEquals(0, cli.run("jobs", "show", id), cli.err());
        assertEquals("SUCCEEDED", cli.value("state"));
        assertEquals(0, cli.run("jobs", "--state", "SUCCEEDED", "--json"), cli.err());
        assertTrue(cli.out().startsWith("[{\"id\":\"" + id + "\""), cli.out());
        assertEquals(0, cli.run("jobs", "--state", "UNCERTAIN"), cli.err());
        assertTrue(cli.out().contains("0 jobs in"), cli.out());
    }

    @Test
    void aWorkerServesAVerifiedFalWebhookThatCompletesAJobSubmittedByAnotherRun() {
        // webhooks replace polling: without a safety interval the job would also be polled at 2 s, and on a loaded
        // machine a webhook later than that would let a poll end it
        cli.env.put("VIDEOGEN4J_WEBHOOK_SAFETY_POLL", "5m");
        cli.whileWorking = worker -> {
            Matcher port = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/hooks/fal").matcher(worker.out());
            assertTrue(port.find(), worker.out());
            String hook = "http://127.0.0.1:" + port.group(1) + "/hooks/fal";
            RealTimeCli submitter = new RealTimeCli();
            submitter.env.putAll(worker.env);
            assertEquals(0, submitter.run("submit", "--provider", "fal", "--prompt", "A lighthouse at dusk",
                    "--image", IMAGE, "--webhook-url", hook), submitter.err());
            String id = submitter.value("job");
            submitter.close();
            assertEquals(RecordState.SUCCEEDED, awaitEnd(id, Duration.ofSeconds(60)).state());
            // the record ends inside the webhook's handler: let its answer go out before the worker stops
            Instant deadline = Instant.now().plusSeconds(10);
            while (emulator.stats().webhooksDelivered("fal") == 0 && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }
        };
        assertEquals(0, cli.run("worker", "--webhook-port", "0", "--fal-jwks-url", emulator.jwksUrl()), cli.err());
        assertEquals(1, emulator.stats().webhooksDelivered("fal"), emulator.stats().toJson());
        assertEquals(0, emulator.stats().webhookFailedAttempts("fal"));
        assertEquals(0, emulator.stats().requests("fal.status"), "the webhook ended the job, not a poll");
    }

    @Test
    void everyDurableJobCommandHasItsHelp() {
        for (String[] command : new String[][] {{"submit"}, {"jobs"}, {"jobs", "show"}, {"await"}, {"worker"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            assertEquals(0, cli.run(args), String.join(" ", args) + ": " + cli.err());
            assertTrue(cli.out().startsWith("Usage: videogen4j " + String.join(" ", command)), cli.out());
        }
    }

    private JobRecord awaitEnd(String id, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        try (JobStore store = JdbcJobStore.builder("jdbc:h2:file:" + home.resolve("jobs").toAbsolutePath(), null, null)
                .build()) {
            while (true) {
                JobRecord r = store.get(id).orElseThrow();
                if (r.state().isTerminal() || Instant.now().isAfter(deadline)) {
                    return r;
                }
                Thread.sleep(100); // the worker works on the real clock
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
