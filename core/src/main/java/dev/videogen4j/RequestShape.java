package dev.videogen4j;

import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shape rules of the fields every request shares, in one place: the request records' constructors apply them,
 * so a request built through its public constructor is checked exactly like one from its builder. Capability
 * checks (what a model accepts) happen later, against the model.
 *
 * <pre>{@code
 * List<Violation> v = RequestShape.violations(model, prompt, negativePrompt, durationSeconds, aspectRatio, width,
 *         height, cfgScale, numberResults, outputQuality, resolution, webhookUrl);
 * RequestShape.throwIfAny(model, v);
 * }</pre>
 */
final class RequestShape {
    private static final Pattern ASPECT = Pattern.compile("\\d{1,3}:\\d{1,3}");
    private static final Pattern RESOLUTION = Pattern.compile("\\d{3,4}p|[248]k");

    private RequestShape() {
    }

    static List<Violation> violations(String model, String prompt, String negativePrompt, Integer durationSeconds,
                                      String aspectRatio, Integer width, Integer height, Double cfgScale,
                                      Integer numberResults, Integer outputQuality, String resolution, String webhookUrl) {
        List<Violation> v = new ArrayList<>();
        if (model == null || model.isBlank()) {
            v.add(new Violation("model", model, "a family id like kling-2.5-turbo-standard or a native id like klingai:6@0"));
        }
        wellFormed(v, "prompt", prompt);
        wellFormed(v, "negativePrompt", negativePrompt);
        positive(v, "durationSeconds", durationSeconds);
        positive(v, "width", width);
        positive(v, "height", height);
        positive(v, "numberResults", numberResults);
        positive(v, "outputQuality", outputQuality);
        if ((width == null) != (height == null)) {
            v.add(new Violation(width == null ? "width" : "height", null, "width and height are given together"));
        }
        if (aspectRatio != null && width != null) {
            v.add(new Violation("aspectRatio", aspectRatio, "either aspectRatio or width/height, not both"));
        }
        if (aspectRatio != null && !ASPECT.matcher(aspectRatio).matches()) {
            v.add(new Violation("aspectRatio", aspectRatio, "W:H, like 16:9, 9:16 or 1:1"));
        }
        if (cfgScale != null && (cfgScale.isNaN() || cfgScale.isInfinite())) {
            v.add(new Violation("cfgScale", cfgScale.toString(), "a finite number"));
        }
        if (resolution != null && !RESOLUTION.matcher(resolution).matches()) {
            v.add(new Violation("resolution", resolution, "a resolution class like 720p, 1080p or 4k"));
        }
        if (webhookUrl != null && !isHttpUrl(webhookUrl)) {
            v.add(new Violation("webhookUrl", webhookUrl, "an absolute http(s) URL"));
        }
        return v;
    }

    static void throwIfAny(String model, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(model, violations);
        }
    }

    private static void positive(List<Violation> v, String field, Integer value) {
        if (value != null && value <= 0) {
            v.add(new Violation(field, value.toString(), "a positive number"));
        }
    }

    // A lone UTF-16 surrogate has no UTF-8 form: the JSON writer would silently send '?' in its place.
    private static void wellFormed(List<Violation> v, String field, String text) {
        if (text == null) return;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                v.add(new Violation(field, "(unpaired surrogate U+" + Integer.toHexString(c).toUpperCase() + " at index " + i + ")",
                        "well-formed Unicode text: every UTF-16 surrogate in a pair"));
                return;
            }
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
