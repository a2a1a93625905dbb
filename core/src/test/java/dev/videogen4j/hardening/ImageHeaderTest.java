package dev.videogen4j.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.spi.ImageHeader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Type and pixel size from the first bytes of each image type a vendor takes. */
class ImageHeaderTest {
    private static ImageHeader read(byte[] b) throws IOException {
        return ImageHeader.read(b.length, new ByteArrayInputStream(b));
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
        return b;
    }

    private static byte[] webp(String chunk, byte[] payload) {
        byte[] b = new byte[20 + payload.length];
        System.arraycopy("RIFF\0\0\0\0WEBP".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, b, 0, 12);
        System.arraycopy(chunk.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, b, 12, 4);
        System.arraycopy(payload, 0, b, 20, payload.length);
        return b;
    }

    @Test
    void everyTypeSaysItsSize() throws IOException {
        assertEquals(new ImageHeader(64, "png", 1280, 720), read(ImageLimitsTest.png(1280, 720)));
        byte[] jpeg = ImageLimitsTest.jpeg(1920, 1080);
        assertEquals(new ImageHeader(jpeg.length, "jpeg", 1920, 1080), read(jpeg));
        assertEquals(new ImageHeader(10, "gif", 400, 300), read(bytes('G', 'I', 'F', '8', '9', 'a', 0x90, 1, 0x2c, 1)));
        byte[] bmp = new byte[26];
        bmp[0] = 'B'; bmp[1] = 'M'; bmp[18] = (byte) 0x20; bmp[19] = 3; bmp[22] = (byte) 0xe0; bmp[23] = (byte) 0xfd; bmp[24] = -1; bmp[25] = -1;
        assertEquals(new ImageHeader(26, "bmp", 800, 544), read(bmp), "a top-down BMP has a negative height");
        // VP8: frame tag and start code, then 14-bit width and height at 26 and 28.
        assertEquals(new ImageHeader(30, "webp", 640, 480), read(webp("VP8 ", bytes(0, 0, 0, 0x9d, 0x01, 0x2a, 0x80, 2, 0xe0, 1))));
        // VP8L: signature 0x2f, then width-1 and height-1 in 14 bits each.
        int wh = (1023) | (767 << 14);
        assertEquals(new ImageHeader(25, "webp", 1024, 768), read(webp("VP8L", bytes(0x2f, wh, wh >>> 8, wh >>> 16, wh >>> 24))));
        // VP8X: flags, reserved, then canvas width-1 and height-1 in 24 bits each.
        assertEquals(new ImageHeader(30, "webp", 2000, 3000),
                read(webp("VP8X", bytes(0, 0, 0, 0, 0xcf, 0x07, 0, 0xb7, 0x0b, 0))));
    }

    @Test
    void somethingElseHasNoType() throws IOException {
        assertEquals(new ImageHeader(5, null, null, null), read("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(new ImageHeader(3, "jpeg", null, null), read(bytes(0xff, 0xd8, 0xff)), "cut short: type, no size");
    }
}
