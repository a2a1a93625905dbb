package dev.videogen4j.hardening;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** The ways a vendor may echo a key, and the texts that must then never be seen. Derived here, not from ApiKey. */
final class Encodings {
    // Characters no videogen4j message or class name holds: a random key with one cannot match our own words.
    private static final String RARE = "^`|~{}";

    private Encodings() {
    }

    /** 3 to 40 printable ASCII characters, one of them rare, a third of them fal-style {@code id:secret}. */
    static String randomKey(Random r) {
        int n = 3 + r.nextInt(38);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append((char) (0x21 + r.nextInt(0x7e - 0x21 + 1)));
        b.setCharAt(r.nextInt(n), RARE.charAt(r.nextInt(RARE.length())));
        if (n >= 12 && r.nextInt(3) == 0) b.setCharAt(n / 2, ':');
        return b.toString();
    }

    /** Echoes of {@code key}: as is, upper and lower case, JSON-escaped (plain and HTML-safe), URL-encoded three
     * ways, base64 and base64url at every alignment within other bytes, and each half of an id:secret key. */
    static List<String> of(String key, Random r) {
        List<String> out = new ArrayList<>(texts(key));
        for (int pad = 0; pad < 3; pad++) {
            byte[] before = new byte[pad];
            r.nextBytes(before);
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[pad + k.length + 2];
            System.arraycopy(before, 0, all, 0, pad);
            System.arraycopy(k, 0, all, pad, k.length);
            all[all.length - 2] = (byte) r.nextInt();
            all[all.length - 1] = (byte) r.nextInt();
            out.add(Base64.getEncoder().encodeToString(all));
            out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(all));
        }
        return out;
    }

    /** What must not appear: every text form, and the base64 characters made of the key's bytes alone. */
    static Set<String> forms(String key) {
        Set<String> out = new LinkedHashSet<>(texts(key));
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        for (int pad = 0; pad < 3; pad++) {
            byte[] all = new byte[pad + k.length];
            System.arraycopy(k, 0, all, pad, k.length);
            // Character i carries bits [6i, 6i+6): it is the key's alone when they fall within the key's bytes.
            int from = (8 * pad + 5) / 6;
            int to = 8 * (pad + k.length) / 6;
            for (Base64.Encoder e : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String b = e.encodeToString(all);
                if (to - from >= 4) out.add(b.substring(from, to));
            }
        }
        return out;
    }

    private static List<String> texts(String key) {
        List<String> out = new ArrayList<>();
        out.add(key);
        out.add(key.toUpperCase(Locale.ROOT));
        out.add(key.toLowerCase(Locale.ROOT));
        String json = key.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
        out.add(json);
        StringBuilder safe = new StringBuilder();
        for (char c : json.toCharArray()) safe.append("<>&='".indexOf(c) >= 0 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        out.add(safe.toString());
        String form = URLEncoder.encode(key, StandardCharsets.UTF_8);
        out.add(form);
        out.add(form.replace("+", "%20"));
        out.add(form.replace("+", "%20").replace("*", "%2A").replace("%7E", "~"));
        int colon = key.indexOf(':');
        if (colon > 0) {
            if (key.length() - colon - 1 >= 4) out.add(key.substring(colon + 1));
            if (colon >= 4) out.add(key.substring(0, colon));
        }
        return out;
    }
}
