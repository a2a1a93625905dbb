package dev.videogen4j.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.error.InvalidRequestException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 defect 11: a local image of any size was read whole and sent (100 MB became a 140 MB request). */
class ImageFileLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Path huge = dir.resolve("huge.png");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024);   // sparse: refused by its size, never read
        }
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> ImageInput.file(huge).toDataUri());
        assertEquals("image", e.violations().get(0).field());
        assertTrue(e.violations().get(0).allowed().contains("MiB"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAnImageIsRefused() throws Exception {
        Path text = Files.write(dir.resolve("passwd.png"), "root:x:0:0".getBytes(StandardCharsets.UTF_8));
        assertThrows(InvalidRequestException.class, () -> ImageInput.file(text).toDataUri());
        Path jpeg = Files.write(dir.resolve("a.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0});
        assertTrue(ImageInput.file(jpeg).toDataUri().startsWith("data:image/jpeg;base64,"));
    }
}
