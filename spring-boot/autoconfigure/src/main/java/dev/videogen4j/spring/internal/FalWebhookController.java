package dev.videogen4j.spring.internal;

import dev.videogen4j.VideoClient;
import dev.videogen4j.fal.FalWebhooks;
import dev.videogen4j.fal.WebhookVerificationException;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST {path}/fal}: verifies the delivery against fal's published keys, then completes its job. */
@RestController
@RequestMapping("${videogen4j.webhooks.path:/videogen4j/webhooks}")
public class FalWebhookController {
    private static final Logger log = LoggerFactory.getLogger("dev.videogen4j.webhooks");

    private final VideoClient client;
    private final FalWebhooks webhooks;

    public FalWebhookController(VideoClient client, FalWebhooks webhooks) {
        this.client = client;
        this.webhooks = webhooks;
    }

    @PostMapping("/fal")
    public ResponseEntity<Void> receive(@RequestBody byte[] body, @RequestHeader HttpHeaders headers) {
        Map<String, String> single = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (!values.isEmpty()) single.put(name, values.get(0));
        });
        try {
            client.onWebhook(webhooks.verifyAndParse(body, single));
            return ResponseEntity.ok().build();
        } catch (WebhookVerificationException e) {
            log.warn("fal webhook rejected: {}", e.getMessage());
            return ResponseEntity.status(401).build();
        }
    }
}
