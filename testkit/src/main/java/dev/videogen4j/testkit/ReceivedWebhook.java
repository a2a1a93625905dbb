package dev.videogen4j.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook the vendor's test server POSTed to the provider contract's receiver, as an application's endpoint
 * would get it: the raw body and the headers (lower-case names). A plugin turns it into a
 * {@code WebhookEvent} with its own parser in {@link VideoProviderContractTest#parseWebhook}.
 *
 * <pre>{@code
 * protected WebhookEvent parseWebhook(ReceivedWebhook w) {
 *     return AcmeWebhooks.verifyAndParse(w.body(), w.headers());
 * }
 * }</pre>
 *
 * @param body    the request body as sent
 * @param headers the request headers, names in lower case
 */
public record ReceivedWebhook(byte[] body, Map<String, String> headers) {
    public ReceivedWebhook {
        Objects.requireNonNull(body, "body == null");
        headers = Map.copyOf(headers);
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
