package dev.videogen4j.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * {@code videogen4j.fal.*}, {@code videogen4j.runware.*}: one provider's key, endpoint and tuning. A plugin
 * provider takes the same keys under its own id.
 *
 * <pre>{@code
 * videogen4j.fal.api-key: ${FAL_KEY}
 * videogen4j.fal.base-url: http://127.0.0.1:8089     # the emulator
 * }</pre>
 */
public class ProviderProperties {
    /** The provider's API key (fal: key_id:key_secret). Never logged. */
    private String apiKey;
    /** Where the provider is reached: the vendor by default; the emulator, a proxy or a regional endpoint. */
    private String baseUrl;
    /** Connect timeout of this provider's HTTP calls. */
    private Duration connectTimeout;
    /** Read timeout of this provider's HTTP calls. */
    private Duration readTimeout;
    /** Poll many jobs in one request (Runware). */
    private Boolean batchPolling;
    /** Submit many jobs in one request (Runware). */
    private Boolean batchSubmits;
    @NestedConfigurationProperty
    private final RetryProperties retry = new RetryProperties();
    @NestedConfigurationProperty
    private final CircuitProperties circuit = new CircuitProperties();

    public String getApiKey() { return apiKey; }
    public void setApiKey(String apiKey) { this.apiKey = apiKey; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Duration getReadTimeout() { return readTimeout; }
    public void setReadTimeout(Duration readTimeout) { this.readTimeout = readTimeout; }
    public Boolean getBatchPolling() { return batchPolling; }
    public void setBatchPolling(Boolean batchPolling) { this.batchPolling = batchPolling; }
    public Boolean getBatchSubmits() { return batchSubmits; }
    public void setBatchSubmits(Boolean batchSubmits) { this.batchSubmits = batchSubmits; }
    public RetryProperties getRetry() { return retry; }
    public CircuitProperties getCircuit() { return circuit; }
}
