package dev.videogen4j.spring.internal;

import dev.videogen4j.VideoClient;
import dev.videogen4j.runware.RunwareWebhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST {path}/runware?token=...}: checks the token (Runware does not sign), then completes the jobs. */
@RestController
@RequestMapping("${videogen4j.webhooks.path:/videogen4j/webhooks}")
public class RunwareWebhookController {
    private static final Logger log = LoggerFactory.getLogger("dev.videogen4j.webhooks");

    private final VideoClient client;
    private final String token;

    public RunwareWebhookController(VideoClient client, String token) {
        this.client = client;
        this.token = token;
    }

    @PostMapping("/runware")
    public ResponseEntity<Void> receive(@RequestParam(name = "token", required = false) String received,
                                        @RequestBody String body) {
        if (!RunwareWebhooks.tokenMatches(token, received)) {
            log.warn("Runware webhook rejected: wrong or missing token");
            return ResponseEntity.status(401).build();
        }
        try {
            RunwareWebhooks.parse(body).forEach(client::onWebhook);
            return ResponseEntity.ok().build();
        } catch (IllegalArgumentException e) {
            log.warn("Runware webhook rejected: {}", e.getMessage());
            return ResponseEntity.badRequest().build();
        }
    }
}
