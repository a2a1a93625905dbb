package dev.videogen4j.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.ImageInput;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.spi.ImageLimits;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import dev.videogen4j.testing.Requests;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 defect 11: a local image of any size was read whole and sent (100 MB became a 140 MB request). Now an
 * image given as a file, bytes or a data URI is checked against the model's documented limits — length from the
 * file system, type and pixel size from the first bytes — before anything is read whole or sent.
 */
class ImageLimitsTest {
    private static final String ENTRY = "{\"provider\": \"acme\", \"models\": [%s]}";
    private static final String MODEL = "{\"id\": \"%s\", \"family\": \"kling-x\", \"workflows\": [\"i2v\"],"
            + " \"frameImages\": [\"first\", \"last\"], \"pricing\": {\"unknown\": \"test\"}%s}";
    private static final String LIMITS = ", \"imageInput\": {\"maxBytes\": 10485760, \"formats\": [\"jpg\", \"png\", \"webp\"],"
            + " \"minWidth\": 300, \"minHeight\": 300, \"maxWidth\": 4096, \"maxHeight\": 4096, \"source\": \"the vendor's page\"}";

    private static final List<ModelCapabilities> CATALOG = ModelCatalog.parse(String.format(ENTRY,
            String.format(MODEL, "limited", LIMITS) + "," + String.format(MODEL, "plain", "")), "test");
    private static final CapabilityMatrix MATRIX = CapabilityMatrix.of(CATALOG);
    private static final ModelCapabilities LIMITED = CATALOG.get(0);
    private static final ModelCapabilities PLAIN = CATALOG.get(1);
    private static final String BY = " for acme/limited (the vendor's page)";

    @TempDir
    Path dir;

    private static List<Violation> check(ImageInput image, ModelCapabilities m) {
        return MATRIX.violations(Requests.i2v().toBuilder().image(image).build(), m);
    }

    static byte[] png(int width, int height) {
        byte[] b = new byte[64];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(head, 0, b, 0, head.length);
        b[16] = (byte) (width >>> 24); b[17] = (byte) (width >>> 16); b[18] = (byte) (width >>> 8); b[19] = (byte) width;
        b[20] = (byte) (height >>> 24); b[21] = (byte) (height >>> 16); b[22] = (byte) (height >>> 8); b[23] = (byte) height;
        return b;
    }

    /** A JPEG with an EXIF segment before its frame header, as cameras write them. */
    static byte[] jpeg(int width, int height) {
        byte[] exif = new byte[1000];
        byte[] b = new byte[2 + 4 + exif.length + 11];
        int i = 0;
        b[i++] = (byte) 0xff; b[i++] = (byte) 0xd8;
        b[i++] = (byte) 0xff; b[i++] = (byte) 0xe1; b[i++] = (byte) ((exif.length + 2) >>> 8); b[i++] = (byte) (exif.length + 2);
        i += exif.length;
        b[i++] = (byte) 0xff; b[i++] = (byte) 0xc2; b[i++] = 0; b[i++] = 17; b[i++] = 8;
        b[i++] = (byte) (height >>> 8); b[i++] = (byte) height; b[i++] = (byte) (width >>> 8); b[i] = (byte) width;
        return b;
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void aFileLargerThanTheModelsLimitIsRefusedFromItsLengthAlone() throws IOException {
        Path big = file("big.png", png(1000, 1000));
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024);   // sparse: 100 MB that is never read
        }
        assertEquals(List.of(new Violation("image", big + " (104857600 bytes)", "1 to 10485760 bytes (10 MiB)" + BY)),
                check(ImageInput.file(big), LIMITED));
    }

    @Test
    void aModelThatDocumentsNothingKeepsTheGlobalCap() throws IOException {
        Path big = file("big.png", png(1000, 1000));
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ImageLimits.DEFAULT_MAX_BYTES + 1);
        }
        assertEquals(List.of(new Violation("image", big + " (20971521 bytes)", "1 to 20971520 bytes (20 MiB) (no limit "
                + "documented for acme/plain; videogen4j's own cap)")), check(ImageInput.file(big), PLAIN));
        assertEquals(List.of(), check(ImageInput.file(file("tiny.png", png(10, 10))), PLAIN), "no pixel limits documented");
    }

    @Test
    void anImageTypeTheModelDoesNotTakeIsRefusedFromItsFirstBytes() throws IOException {
        Path gif = file("anim.png", "GIF89a\u0090\u0001\u0090\u0001".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(List.of(new Violation("image", gif + " (gif)", "jpeg, png, webp" + BY)), check(ImageInput.file(gif), LIMITED));

        Path text = file("notes.jpg", "not an image at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(new Violation("image", text.toString(), "a jpeg, png, webp image (its first bytes are none of these)")),
                check(ImageInput.file(text), LIMITED));
        assertEquals(List.of(new Violation("image", text.toString(), "a PNG, JPEG, WebP, GIF or BMP image (its first "
                + "bytes are none of these)")), check(ImageInput.file(text), PLAIN));
    }

    @Test
    void pixelSizeOutsideTheDocumentedRangeIsRefused() throws IOException {
        Path small = file("small.png", png(200, 640));
        assertEquals(List.of(new Violation("image", small + " (200x640 px)", "300..4096 px wide and 300..4096 px high" + BY)),
                check(ImageInput.file(small), LIMITED));
        Path jpeg = file("photo.jpg", jpeg(5000, 800));
        assertEquals(List.of(new Violation("lastImage", jpeg + " (5000x800 px)", "300..4096 px wide and 300..4096 px high" + BY)),
                MATRIX.violations(Requests.i2v().toBuilder().image(ImageInput.file(file("ok.png", png(640, 480))))
                        .lastImage(ImageInput.file(jpeg)).build(), LIMITED));
    }

    @Test
    void bytesAndDataUrisAreCheckedLikeFiles() {
        assertEquals(List.of(new Violation("image", "ImageInput.bytes(image/png, 64 bytes) (120x120 px)",
                "300..4096 px wide and 300..4096 px high" + BY)), check(ImageInput.bytes(png(120, 120), "image/png"), LIMITED));
        String uri = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg(1280, 720));
        assertEquals(List.of(), check(ImageInput.dataUri(uri), LIMITED));
        assertEquals(List.of(), check(ImageInput.url("https://example.com/huge.png"), LIMITED), "a URL is the vendor's to fetch");
    }

    @Test
    void anImageWithinTheLimitsPasses() throws IOException {
        assertEquals(List.of(), check(ImageInput.file(file("a.png", png(1280, 720))), LIMITED));
        assertEquals(List.of(), check(ImageInput.file(file("b.jpg", jpeg(300, 300))), LIMITED));
    }

    @Test
    void aMissingFileIsAViolationNotACrash() {
        Path missing = dir.resolve("missing.png");
        List<Violation> v = check(ImageInput.file(missing), LIMITED);
        assertEquals(1, v.size());
        assertEquals("image", v.get(0).field());
        assertEquals(missing.toString(), v.get(0).value());
        assertTrue(v.get(0).allowed().startsWith("a readable image file (NoSuchFileException"), v.get(0).allowed());
    }

    @Test
    void theCatalogCarriesTheLimitsAndDefaultsWhenAbsent() {
        ImageLimits l = LIMITED.imageInput();
        assertEquals(10485760L, l.maxBytes());
        assertEquals(Set.of("jpeg", "png", "webp"), l.formats());
        assertEquals(ImageLimits.UNDOCUMENTED, PLAIN.imageInput());
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ModelCatalog.parse(String.format(ENTRY,
                String.format(MODEL, "bad", ", \"imageInput\": {\"minWidth\": 500, \"maxWidth\": 300}")), "test"));
        assertEquals("Model catalog test, model 'bad': imageInput: min width 500 > max width 300", e.getMessage());
        assertThrows(ConfigurationException.class, () -> ModelCatalog.parse(String.format(ENTRY,
                String.format(MODEL, "typo", ", \"imageInput\": {\"maxbytes\": 5}")), "test"));
    }
}
