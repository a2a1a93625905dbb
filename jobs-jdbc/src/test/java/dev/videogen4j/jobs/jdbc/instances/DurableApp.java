package dev.videogen4j.jobs.jdbc.instances;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.emulator.ProviderEmulator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small application, run in its own JVM by the multi-instance tests: one {@link VideoClient} on the job store
 * named by {@code VIDEOGEN4J_JOB_STORE} (its environment), both vendors pointed at the emulator, and webhook
 * endpoints. It reports on standard output, one line per event, and runs until its standard input closes or it is
 * killed.
 *
 * <pre>
 * DurableApp EMULATOR_BASE_URL worker                          READY port
 * DurableApp EMULATOR_BASE_URL submit|submit-fal JOBS FAL_HOOK [CLOSE_AFTER]  READY port, then per job one of
 *     ACCEPTED provider handle | UNCERTAIN provider message | ERROR provider exception; then SUBMITTED n
 * </pre>
 *
 * Jobs alternate between Runware (klingai:6@0) and fal (Kling 2.5 Turbo image-to-video); fal jobs carry the webhook
 * URL given, Runware jobs are polled. With CLOSE_AFTER the client is closed once that many submits were accepted,
 * while the others are still in flight.
 */
public final class DurableApp {
    static final String FAL_MODEL = "fal-ai/kling-video/v2.5-turbo/standard/image-to-video";
    static final String RUNWARE_MODEL = "klingai:6@0";

    private DurableApp() {
    }

    public static void main(String[] args) throws Exception {
        String emulator = args[0];
        VideoClient client = VideoClient.builder().fromEnvironment()
                .apiKey("runware", ProviderEmulator.DEFAULT_RUNWARE_KEY).baseUrl("runware", emulator + "/v1")
                .apiKey("fal", ProviderEmulator.DEFAULT_FAL_KEY).baseUrl("fal", emulator)
                .routing("fallback:runware,fal")
                .pollInterval(Duration.ofMillis(500), 1.5, Duration.ofSeconds(2))
                .defaultTimeout(Duration.ofMinutes(5))
                .build();
        try (HookServer hooks = new HookServer(client, emulator)) {
            System.out.println("READY " + hooks.port());
            if (args[1].startsWith("submit")) {
                submit(client, Integer.parseInt(args[2]), args[3], args.length > 4 ? Integer.parseInt(args[4]) : -1,
                        args[1].equals("submit-fal"));
            }
            while (System.in.read() >= 0) {
                // runs (polls, webhooks) until the test closes our input
            }
        }
        client.close();
        System.out.println("STOPPED");
    }

    private static void submit(VideoClient client, int jobs, String falHook, int closeAfter, boolean falOnly) {
        AtomicInteger accepted = new AtomicInteger();
        CompletableFuture<?>[] submits = new CompletableFuture<?>[jobs];
        // Submitted from 16 threads, as a busy application would: many submits are in flight at any moment.
        ExecutorService callers = Executors.newFixedThreadPool(16);
        for (int i = 0; i < jobs; i++) {
            boolean fal = falOnly || i % 2 == 1;
            String provider = fal ? "fal" : "runware";
            int n = i;
            submits[i] = CompletableFuture.supplyAsync(() -> client.submitAsync(request(fal, n, falHook)), callers)
                    .thenCompose(f -> f).whenComplete((job, error) -> {
                if (error == null) {
                    System.out.println("ACCEPTED " + provider + " " + job.jobId());
                    if (accepted.incrementAndGet() == closeAfter) {
                        System.out.println("CLOSING");
                        client.close();
                    }
                } else {
                    Throwable cause = error.getCause() != null ? error.getCause() : error;
                    String kind = cause.getClass().getSimpleName().equals("SubmissionUncertainException")
                            ? "UNCERTAIN " : "ERROR ";
                    System.out.println(kind + provider + " " + cause.getClass().getSimpleName() + ": "
                            + String.valueOf(cause.getMessage()).replace('\n', ' '));
                }
            });
        }
        CompletableFuture.allOf(submits).exceptionally(e -> null).join();
        callers.shutdown();
        System.out.println("SUBMITTED " + jobs);
    }

    static ImageToVideoRequest request(boolean fal, int n, String falHook) {
        return ImageToVideoRequest.builder().model(fal ? FAL_MODEL : RUNWARE_MODEL)
                .prompt("A slow cinematic glide through an ancient clocktower chamber, take " + n)
                .image(ImageInput.url("https://example.com/first-" + n + ".jpg"))
                .durationSeconds(5).webhookUrl(fal ? falHook : null).build();
    }
}
