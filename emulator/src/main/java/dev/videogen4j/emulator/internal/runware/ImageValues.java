package dev.videogen4j.emulator.internal.runware;

import java.util.Base64;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The four forms Runware accepts wherever it takes an image (runware-api.md §4): the UUID of an
 * uploaded image, a public URL, a data URI, or bare base64.
 */
final class ImageValues {
    static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Shorter strings are words, not images; real base64 images are far longer. */
    private static final int MIN_BASE64_LENGTH = 16;

    private ImageValues() {}

    static boolean isImage(String value) {
        if (UUID.matcher(value).matches()) {
            return true;
        }
        if (value.startsWith("http://") || value.startsWith("https://")) {
            return HttpUrl.parse(value) != null;
        }
        if (value.startsWith("data:")) {
            int comma = value.indexOf(',');
            return value.startsWith("data:image/") && comma > 0
                    && value.substring(0, comma).endsWith(";base64") && isBase64(value.substring(comma + 1), 1);
        }
        return isBase64(value, MIN_BASE64_LENGTH);
    }

    private static boolean isBase64(String value, int minLength) {
        if (value.length() < minLength || value.length() % 4 != 0) {
            return false;
        }
        try {
            Base64.getDecoder().decode(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
