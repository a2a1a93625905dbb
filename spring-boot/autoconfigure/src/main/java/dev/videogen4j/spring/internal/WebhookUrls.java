package dev.videogen4j.spring.internal;

import dev.videogen4j.spring.WebhookProperties;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The webhook URL each provider's jobs carry, and the secret Runware's must hold. Runware does not sign its
 * webhooks, so its URL holds a token the endpoint compares in constant time; without a configured one a random
 * token per start is used (enough for one instance; several instances behind one URL need the same token).
 *
 * @param enabled whether the endpoints are served and the URLs attached
 * @param urls    provider id to the URL its jobs carry (empty without a public base URL)
 * @param token   the Runware token
 */
public record WebhookUrls(boolean enabled, Map<String, String> urls, String token) {
    public WebhookUrls {
        urls = Map.copyOf(urls);
    }

    public static WebhookUrls of(WebhookProperties p) {
        String token = p.getRunwareToken() != null && !p.getRunwareToken().isBlank() ? p.getRunwareToken()
                : randomToken();
        Map<String, String> urls = new LinkedHashMap<>();
        if (p.isEnabled() && p.getPublicBaseUrl() != null && !p.getPublicBaseUrl().isBlank()) {
            String base = trimSlash(p.getPublicBaseUrl()) + "/" + trimSlash(p.getPath()).replaceFirst("^/+", "");
            urls.put("fal", base + "/fal");
            urls.put("runware", base + "/runware?token=" + token);
        }
        return new WebhookUrls(p.isEnabled(), urls, token);
    }

    @Override
    public String toString() {
        return "WebhookUrls[enabled=" + enabled + ", providers=" + urls.keySet() + "]";   // the token stays out
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String randomToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
