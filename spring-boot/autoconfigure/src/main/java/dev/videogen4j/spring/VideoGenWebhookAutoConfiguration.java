package dev.videogen4j.spring;

import dev.videogen4j.VideoClient;
import dev.videogen4j.fal.FalWebhooks;
import dev.videogen4j.spring.internal.FalWebhookController;
import dev.videogen4j.spring.internal.RunwareWebhookController;
import dev.videogen4j.spring.internal.WebhookUrls;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code videogen4j.webhooks.enabled=true} in a servlet web application: {@code POST {path}/fal} verifies
 * fal's Ed25519 signature and {@code POST {path}/runware} the token in Runware's URL, then completes the job
 * ({@code 200}); a delivery that fails verification gets {@code 401} and changes nothing.
 *
 * <pre>{@code
 * videogen4j.webhooks.enabled: true
 * videogen4j.webhooks.public-base-url: https://app.example.com
 * }</pre>
 */
@AutoConfiguration(after = VideoGenAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnProperty(prefix = "videogen4j.webhooks", name = "enabled", havingValue = "true")
@ConditionalOnBean(VideoClient.class)
public class VideoGenWebhookAutoConfiguration {
    /** fal's endpoint, when the fal adapter is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FalWebhooks.class)
    static class Fal {
        @Bean
        @ConditionalOnMissingBean
        FalWebhooks videoGenFalWebhooks(VideoGenProperties properties, VideoClient client) {
            String jwks = properties.getWebhooks().getFalJwksUrl();
            // fal's keys are fetched over the client's connection pool, not one of their own.
            FalWebhooks.Builder b = FalWebhooks.builder().sharing(client.sharedResources());
            return (jwks == null || jwks.isBlank() ? b : b.jwksUrl(jwks)).build();
        }

        @Bean
        FalWebhookController videoGenFalWebhookController(VideoClient client, FalWebhooks webhooks) {
            return new FalWebhookController(client, webhooks);
        }
    }

    /** Runware's endpoint, when the Runware adapter is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.videogen4j.runware.RunwareWebhooks")
    static class Runware {
        @Bean
        RunwareWebhookController videoGenRunwareWebhookController(VideoClient client, WebhookUrls urls) {
            return new RunwareWebhookController(client, urls.token());
        }
    }
}
