package dev.videogen4j.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInputTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    private static final String PNG_BASE64 = Base64.getEncoder().encodeToString(PNG);

    @TempDir
    Path dir;

    @Test
    void aUrlIsAReferenceSentAsIs() {
        ImageInput i = ImageInput.url(" https://images.example/fox.jpg ");
        assertEquals(ImageInput.Kind.URL, i.kind());
        assertTrue(i.isReference());
        assertEquals("https://images.example/fox.jpg", i.toWireValue());
        assertEquals("ImageInput.url(https://images.example/fox.jpg)", i.toString());
        assertEquals("URL image has no bytes to encode: https://images.example/fox.jpg",
                assertThrows(IllegalStateException.class, i::toDataUri).getMessage());
    }

    @Test
    void onlyHttpUrlsAreAccepted() {
        assertEquals("image url must be http(s), got: file:///etc/passwd",
                assertThrows(IllegalArgumentException.class, () -> ImageInput.url("file:///etc/passwd")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageInput.url("images.example/fox.jpg"));
    }

    @Test
    void bytesBecomeADataUriAndAreCopied() {
        byte[] mine = PNG.clone();
        ImageInput i = ImageInput.bytes(mine, "image/png");
        mine[0] = 0;

        assertEquals(ImageInput.Kind.BYTES, i.kind());
        assertFalse(i.isReference());
        assertNull(i.value());
        assertEquals("data:image/png;base64," + PNG_BASE64, i.toDataUri());
        assertEquals(i.toDataUri(), i.toWireValue());
        assertEquals("image bytes are empty",
                assertThrows(IllegalArgumentException.class, () -> ImageInput.bytes(new byte[0], "image/png")).getMessage());
    }

    @Test
    void aFileIsReadWhenSentWithItsTypeFromTheName() throws IOException {
        Path png = Files.write(dir.resolve("frame.PNG"), PNG);
        ImageInput i = ImageInput.file(png);

        assertEquals(ImageInput.Kind.FILE, i.kind());
        assertEquals("image/png", i.contentType());
        assertEquals("data:image/png;base64," + PNG_BASE64, i.toDataUri());
        assertEquals("ImageInput.file(" + png + ")", i.toString());
        assertEquals("image/webp", ImageInput.file(Path.of("a.webp")).contentType());
        assertEquals("image/jpeg", ImageInput.file(Path.of("a.jpeg")).contentType());
    }

    @Test
    void aMissingFileFailsWhenSentNamingIt() {
        Path missing = dir.resolve("gone.jpg");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ImageInput.file(missing).toDataUri());
        assertEquals("cannot read image file " + missing, e.getMessage());
    }

    @Test
    void aDataUriKeepsItsType() {
        ImageInput i = ImageInput.dataUri("data:image/webp;base64," + PNG_BASE64);
        assertEquals(ImageInput.Kind.DATA_URI, i.kind());
        assertEquals("image/webp", i.contentType());
        assertEquals("data:image/webp;base64," + PNG_BASE64, i.toWireValue());
        assertThrows(IllegalArgumentException.class, () -> ImageInput.dataUri("data:image/png,rawtext"));
    }

    @Test
    void anAssetIsAReferenceById() {
        ImageInput i = ImageInput.asset(" c64351d5-4c59-42f7-95e1-eace013eddab ");
        assertTrue(i.isReference());
        assertEquals("c64351d5-4c59-42f7-95e1-eace013eddab", i.toWireValue());
        assertEquals("assetId is blank", assertThrows(IllegalArgumentException.class, () -> ImageInput.asset(" ")).getMessage());
    }

    @Test
    void toStringNeverPrintsImageBytes() {
        byte[] big = new byte[300_000];
        Arrays.fill(big, (byte) 7);
        String base64 = Base64.getEncoder().encodeToString(big);

        assertEquals("ImageInput.bytes(image/png, 300000 bytes)", ImageInput.bytes(big, "image/png").toString());
        assertEquals("ImageInput.dataUri(image/png, " + ("data:image/png;base64," + base64).length() + " chars)",
                ImageInput.dataUri("data:image/png;base64," + base64).toString());
        IllegalArgumentException notData = assertThrows(IllegalArgumentException.class,
                () -> ImageInput.dataUri("data:image/png," + base64));
        assertTrue(notData.getMessage().length() < 120, notData.getMessage());
    }

    @Test
    void equalityIsByContent() {
        assertEquals(ImageInput.bytes(PNG, "image/png"), ImageInput.bytes(PNG.clone(), "image/png"));
        assertEquals(ImageInput.bytes(PNG, "image/png").hashCode(), ImageInput.bytes(PNG.clone(), "image/png").hashCode());
        assertNotEquals(ImageInput.bytes(PNG, "image/png"), ImageInput.bytes(PNG, "image/jpeg"));
        assertEquals(ImageInput.url("https://a.example/x.jpg"), ImageInput.url("https://a.example/x.jpg"));
        assertNotEquals(ImageInput.url("https://a.example/x.jpg"), ImageInput.asset("https://a.example/x.jpg"));
    }
}
