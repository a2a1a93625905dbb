package dev.videogen4j.spring.internal;

import dev.videogen4j.VideoClient;
import dev.videogen4j.WebhookEvent;
import dev.videogen4j.fal.FalWebhooks;
import dev.videogen4j.fal.WebhookVerificationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST {path}/fal}: verifies the delivery against fal's published keys, then completes its job. The URL's
 * {@code vg_submission} parameter (the engine adds it to every fal webhook URL) lets the notice settle a submit
 * whose answer was lost, whose fal request id no record knows yet.
 */
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
    public ResponseEntity<Void> receive(@RequestBody byte[] body, @RequestHeader HttpHeaders headers,
            @RequestParam(name = WebhookEvent.SUBMISSION_PARAMETER, required = false) String submission) {
        Map<String, String> single = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (!values.isEmpty()) single.put(name, values.get(0));
        });
        try {
            WebhookEvent event = webhooks.verifyAndParse(body, single);
            if (submission != null) {
                event = event.withSubmissionFrom("?" + WebhookEvent.SUBMISSION_PARAMETER + "="
                        + URLEncoder.encode(submission, StandardCharsets.UTF_8));
            }
            client.onWebhook(event);
            return ResponseEntity.ok().build();
        } catch (WebhookVerificationException e) {
            log.warn("fal webhook rejected: {}", e.getMessage());
            return ResponseEntity.status(401).build();
        }
    }
}
