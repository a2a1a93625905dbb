package dev.videogen4j.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code videogen4j.*} properties: the same keys as videogen4j's environment variables, in Spring's relaxed
 * form ({@code VIDEOGEN4J_POLL_INITIAL_DELAY} is {@code videogen4j.poll.initial-delay}). Unset values keep
 * videogen4j's defaults. A plugin provider's keys ({@code videogen4j.acme.api-key}) are passed on as well.
 *
 * <pre>{@code
 * videogen4j:
 *   routing: fallback:fal,runware
 *   fal.api-key: ${FAL_KEY}
 *   runware.api-key: ${RUNWARE_API_KEY}
 * }</pre>
 */
@ConfigurationProperties(prefix = "videogen4j")
public class VideoGenProperties {
    /** The provider for every request: runware, fal, or a plugin's id. */
    private String provider;
    /** Routing policy: single:<id>, fallback:<id>,<id>, cheapest[:<ids>] or fastest[:<ids>]. */
    private String routing;
    /** How long generate(request) waits (default 10m). */
    private Duration timeout;
    /** Whether a job whose await deadline passes is cancelled at the provider (default true). */
    private Boolean cancelOnTimeout;
    /** Provider calls in flight at once, which is also the client's thread budget (default 48). */
    private Integer maxConcurrentCalls;
    /** A catalog JSON file whose models are added to, or replace, the bundled ones. */
    private String modelsFile;
    /** Jobs submitted with a webhook URL are polled only this often (default 5m when webhooks are enabled). */
    private Duration webhookSafetyPoll;
    /** Connect timeout of every HTTP call (default 10s). */
    private Duration connectTimeout;
    /** Read timeout of every HTTP call (default 60s). */
    private Duration readTimeout;
    @NestedConfigurationProperty
    private final PollProperties poll = new PollProperties();
    @NestedConfigurationProperty
    private final RetryProperties retry = new RetryProperties();
    @NestedConfigurationProperty
    private final CircuitProperties circuit = new CircuitProperties();
    @NestedConfigurationProperty
    private final ProviderProperties fal = new ProviderProperties();
    @NestedConfigurationProperty
    private final ProviderProperties runware = new ProviderProperties();
    @NestedConfigurationProperty
    private final WebhookProperties webhooks = new WebhookProperties();

    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getRouting() { return routing; }
    public void setRouting(String routing) { this.routing = routing; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
    public Boolean getCancelOnTimeout() { return cancelOnTimeout; }
    public void setCancelOnTimeout(Boolean cancelOnTimeout) { this.cancelOnTimeout = cancelOnTimeout; }
    public Integer getMaxConcurrentCalls() { return maxConcurrentCalls; }
    public void setMaxConcurrentCalls(Integer maxConcurrentCalls) { this.maxConcurrentCalls = maxConcurrentCalls; }
    public String getModelsFile() { return modelsFile; }
    public void setModelsFile(String modelsFile) { this.modelsFile = modelsFile; }
    public Duration getWebhookSafetyPoll() { return webhookSafetyPoll; }
    public void setWebhookSafetyPoll(Duration webhookSafetyPoll) { this.webhookSafetyPoll = webhookSafetyPoll; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Duration getReadTimeout() { return readTimeout; }
    public void setReadTimeout(Duration readTimeout) { this.readTimeout = readTimeout; }
    public PollProperties getPoll() { return poll; }
    public RetryProperties getRetry() { return retry; }
    public CircuitProperties getCircuit() { return circuit; }
    public ProviderProperties getFal() { return fal; }
    public ProviderProperties getRunware() { return runware; }
    public WebhookProperties getWebhooks() { return webhooks; }
}
