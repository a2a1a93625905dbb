package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.ImageInput;
import dev.videogen4j.VideoClient;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.spi.ImageLimits;
import dev.videogen4j.testkit.EmulatorHarness;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 defect 11, with the bundled catalog: Runware's KlingAI page documents input images of 300-2048 px per side
 * and at most 20MB. An image outside that is refused before any request, naming the field, the value and the limit.
 */
class RunwareImageLimitsTest {
    private static final String BY = " for runware/klingai:6@0 (https://runware.ai/docs/en/providers/klingai (seed 002): "
            + "300-2048 px per side, 20MB)";
    private final EmulatorHarness h = EmulatorHarness.runware(Duration.ZERO, Duration.ofSeconds(10));

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        h.close();
    }

    private static byte[] png(int width, int height) {
        byte[] b = new byte[64];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(head, 0, b, 0, head.length);
        b[18] = (byte) (width >>> 8); b[19] = (byte) width;
        b[22] = (byte) (height >>> 8); b[23] = (byte) height;
        return b;
    }

    private List<Violation> refused(ImageInput image) {
        VideoClient client = h.build(h.client());
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> h.complete(
                client.submitAsync(EmulatorHarness.request(0).toBuilder().image(image).build())));
        assertEquals(0, h.emulator().stats().requests("runware.videoInference"), "nothing was sent");
        return e.violations();
    }

    @Test
    void anImageSmallerThanTheDocumentedMinimumIsRefusedBeforeAnyRequest() throws IOException {
        Path small = Files.write(dir.resolve("thumb.png"), png(200, 200));
        assertEquals(List.of(new Violation("image", small + " (200x200 px)", "300..2048 px wide and 300..2048 px high" + BY)),
                refused(ImageInput.file(small)));
    }

    @Test
    void aFileOverTwentyMegabytesIsRefusedWithoutBeingRead() throws IOException {
        Path big = Files.write(dir.resolve("big.png"), png(1280, 720));
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ImageLimits.DEFAULT_MAX_BYTES * 5);
        }
        assertEquals(List.of(new Violation("image", big + " (104857600 bytes)", "1 to 20971520 bytes (20 MiB)" + BY)),
                refused(ImageInput.file(big)));
    }
}
