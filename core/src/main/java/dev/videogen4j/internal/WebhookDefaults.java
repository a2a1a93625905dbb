package dev.videogen4j.internal;

import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.spi.ModelCapabilities;
import java.util.Map;

/**
 * The webhook URL a request gets when it names none: the one configured for the provider it is sent to
 * ({@code VIDEOGEN4J_<ID>_WEBHOOK_URL}), so an application that serves webhook endpoints need not set it on
 * every request, and each provider's jobs reach that provider's endpoint whichever way routing goes.
 */
final class WebhookDefaults {
    private final Map<String, String> urls;

    WebhookDefaults(Map<String, String> urls) {
        this.urls = Map.copyOf(urls);
    }

    VideoRequest apply(VideoRequest request, ModelCapabilities model) {
        String url = urls.get(model.providerId());
        if (url == null || request.webhookUrl() != null || model.unsupported().containsKey("webhookUrl")) return request;
        if (request instanceof TextToVideoRequest) {
            return ((TextToVideoRequest) request).toBuilder().webhookUrl(url).build();
        }
        if (request instanceof ImageToVideoRequest) {
            return ((ImageToVideoRequest) request).toBuilder().webhookUrl(url).build();
        }
        return request;
    }
}
