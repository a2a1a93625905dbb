package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.testkit.EmulatorHarness;
import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code dev.videogen4j.http} at DEBUG (this class runs in its own surefire execution that sets it), every
 * HTTP exchange with Runware leaves one line — operation, method, path, status or failure, time, task — and job
 * transitions one DEBUG line each; neither the API key nor the image's bytes ever appear.
 */
class RunwareHttpLoggingTest {
    private final EmulatorHarness h = EmulatorHarness.runware(Duration.ZERO, Duration.ofSeconds(6));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void everyExchangeIsOneDebugLineWithoutKeyOrImage() {
        // Only the http-logging execution sets the level (slf4j-simple reads it once per logger, so it must be set
        // before any test in the JVM logs); where it is set, DEBUG lines are required below.
        assumeTrue(System.getProperty("org.slf4j.simpleLogger.log.dev.videogen4j.http") != null,
                "runs in the http-logging surefire execution");
        // A PNG header (640x480, so the model's image limits let it through) and filler to spot in the log.
        byte[] png = new byte[600];
        Arrays.fill(png, (byte) 0x5a);
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 2, (byte) 0x80, 0, 0, 1, (byte) 0xe0};
        System.arraycopy(head, 0, png, 0, head.length);
        String imageBase64 = Base64.getEncoder().encodeToString(png);
        ImageToVideoRequest request = EmulatorHarness.request(0).toBuilder()
                .image(ImageInput.bytes(png, "image/png")).build();
        h.emulator().faults(FaultPlan.builder().next(Fault.RESET_AFTER_REQUEST, "runware.getResponse").build());
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        VideoResult r;
        try {
            VideoClient c = h.build(h.client());
            r = h.complete(c.generateAsync(request, Duration.ofMinutes(5)));
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        List<String> http = log.lines().filter(l -> l.contains("dev.videogen4j.http.runware")).collect(Collectors.toList());

        String task = r.jobId().nativeJobId();
        assertEquals(h.emulator().stats().httpRequests("runware"), http.size(), "one line per exchange:\n" + log);
        assertTrue(http.get(0).matches(".*DEBUG dev\\.videogen4j\\.http\\.runware - runware submit POST /v1 -> HTTP 200 in \\d+ ms"
                + " \\(task " + task + "\\)"), http.get(0));
        assertTrue(http.stream().anyMatch(l -> l.matches(".* - runware poll POST /v1 -> no response after \\d+ ms: IOException"
                + " \\(task " + task + "\\)")), "the reset poll is logged:\n" + String.join("\n", http));
        assertTrue(http.get(http.size() - 1).matches(".* - runware poll POST /v1 -> HTTP 200 in \\d+ ms \\(task " + task + "\\)"),
                http.get(http.size() - 1));
        assertTrue(log.contains("DEBUG dev.videogen4j.jobs - job " + r.jobId() + " submitted to runware"), log);
        assertTrue(log.contains("DEBUG dev.videogen4j.jobs - job " + r.jobId() + " succeeded"), log);
        assertTrue(!log.contains("INFO dev.videogen4j.jobs"), "job events are DEBUG, not INFO: " + log);
        assertFalse(log.contains(h.emulator().runwareApiKey()), "the key leaked:\n" + log);
        assertFalse(log.contains(imageBase64.substring(0, 40)), "image bytes leaked:\n" + log);
        assertFalse(log.contains("data:image"), "a data URI leaked:\n" + log);
    }
}
