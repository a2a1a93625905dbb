package dev.videogen4j.fal.internal;

import dev.videogen4j.error.Violation;
import dev.videogen4j.http.internal.ProviderOptionsPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How {@code providerOptions} reach fal. A key starting with {@code x-} (any case: {@code X-Fal-Request-Timeout},
 * {@code X-Fal-Runner-Hint}, {@code x-app-fal-disable-fallback}) is sent as a request header, since fal takes its
 * platform parameters as headers and no model input field is named like one; {@code x-fal-target-url} is refused
 * (it would make fal's gateway forward the request elsewhere). Every other key goes into the input JSON under the
 * {@link ProviderOptionsPolicy} every adapter shares: it cannot change a field mapped from the request, nor set the
 * fields that are validated and priced ({@code duration}, {@code prompt}, {@code image_url}, ...).
 *
 * <pre>{@code
 * providerOptions(Map.of("X-Fal-Request-Timeout", 30, "enable_safety_checker", false))
 * // header X-Fal-Request-Timeout: 30, input {"enable_safety_checker": false, ...}
 * }</pre>
 */
final class FalProviderOptions {
    private static final String TOKEN = "!#$%&'*+.^_`|~-";
    private static final Set<String> REFUSED_HEADERS = Set.of("x-fal-target-url");
    private static final ProviderOptionsPolicy POLICY = new ProviderOptionsPolicy(Set.of(), Map.ofEntries(
            Map.entry("duration", "durationSeconds"), Map.entry("num_frames", "durationSeconds"),
            Map.entry("prompt", "prompt"), Map.entry("negative_prompt", "negativePrompt"),
            Map.entry("cfg_scale", "cfgScale"), Map.entry("aspect_ratio", "aspectRatio"),
            Map.entry("image_url", "image"), Map.entry("tail_image_url", "lastImage"),
            Map.entry("end_image_url", "lastImage"), Map.entry("resolution", "resolution"),
            Map.entry("generate_audio", "generateAudio")), Set.of());

    private FalProviderOptions() {
    }

    static void merge(Map<String, Object> options, Map<String, Object> input, Map<String, String> headers,
                      List<Violation> v) {
        Map<String, Object> body = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (key.toLowerCase(Locale.ROOT).startsWith("x-")) {
                header(key, value, headers, v);
            } else {
                body.put(key, value);
            }
        });
        POLICY.merge(body, input, v);
    }

    private static void header(String name, Object value, Map<String, String> headers, List<Violation> v) {
        String text = value == null ? null : value.toString();
        if (REFUSED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            v.add(new Violation("providerOptions." + name, text, "nothing: videogen4j talks to fal's queue directly"));
            return;
        }
        if (!isToken(name) || text == null || !isHeaderValue(text)) {
            v.add(new Violation("providerOptions." + name, text, "a header name and a printable ASCII value on one line"));
            return;
        }
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));   // a request beats a client setting
        headers.put(name, text);
    }

    private static boolean isToken(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || TOKEN.indexOf(c) >= 0));
    }

    private static boolean isHeaderValue(String s) {
        return s.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f));
    }
}
