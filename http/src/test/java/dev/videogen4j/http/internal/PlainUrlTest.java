package dev.videogen4j.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlainUrlTest {
    @Test
    void acceptsOnlyWhatJavaNetUriReadsAsAbsoluteHttpWithAHost() {
        String[] prefixes = {"http://", "https://", "HTTP://", "ftp://", "http:/", "javascript:", ""};
        String[] alphabets = {"abcXYZ019-._~!*'();:@&=+$,/?#%[] \\\"<>^`{|}\u00e9Gf", "abz09-._~/?=&%Af#:"};
        SplittableRandom random = new SplittableRandom(42);
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder s = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            if (random.nextBoolean()) s.append(random.nextBoolean() ? "cdn.example.com" : "10.0.0." + random.nextInt(300));
            int length = random.nextInt(0, 24);
            String alphabet = alphabets[random.nextInt(alphabets.length)];
            for (int i = 0; i < length; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String url = s.toString();
            if (PlainUrl.isPlainHttp(url)) {
                accepted++;
                assertEquals(url, viaUri(url), url);
            }
            assertEquals(viaUri(url), VendorValues.httpUrl(url), url);
        }
        assertTrue(accepted > 2_000, "the scan takes the common case: " + accepted);
    }

    @Test
    void leavesTheUnusualToTheFullParse() {
        assertTrue(PlainUrl.isPlainHttp("https://cdn.example.com/v/1.mp4?sig=a%2Fb&x=1#t=2"));
        assertTrue(PlainUrl.isPlainHttp("http://127.0.0.1:8080/videos/abc.mp4"));
        assertFalse(PlainUrl.isPlainHttp("https://cdn_1.example.com/v.mp4"));
        assertFalse(PlainUrl.isPlainHttp("https://user@cdn.example.com/v.mp4"));
        assertFalse(PlainUrl.isPlainHttp("https://[::1]/v.mp4"));
        assertFalse(PlainUrl.isPlainHttp("https://example.123/v.mp4"));
        assertFalse(PlainUrl.isPlainHttp("https://a.b/v 1.mp4"));
        assertNull(VendorValues.httpUrl("javascript:alert(1)//http://x.test/"));
        assertEquals("HTTPS://CDN.EXAMPLE.COM/V.MP4", VendorValues.httpUrl(" HTTPS://CDN.EXAMPLE.COM/V.MP4 "));
    }

    private static String viaUri(String url) {
        return VendorValues.parsedHttpUrl(url);
    }
}
