package dev.videogen4j.spring;

/**
 * {@code videogen4j.webhooks.*}: endpoints that receive the providers' completion webhooks, verify them and
 * complete the jobs, so jobs are polled only as a safety net.
 *
 * <pre>{@code
 * videogen4j.webhooks:
 *   enabled: true
 *   public-base-url: https://app.example.com      # how the providers reach this application
 * }</pre>
 */
public class WebhookProperties {
    /** Serve the webhook endpoints (default false). */
    private boolean enabled;
    /** Where the endpoints live: {path}/fal and {path}/runware. */
    private String path = "/videogen4j/webhooks";
    /** The application's public URL: submitted jobs carry {public-base-url}{path}/{provider} as their webhook. */
    private String publicBaseUrl;
    /** The secret in Runware's webhook URL (Runware does not sign webhooks); random per start when unset. */
    private String runwareToken;
    /** Where fal's webhook signing keys are published (default fal's JWKS URL). */
    private String falJwksUrl;

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getPublicBaseUrl() { return publicBaseUrl; }
    public void setPublicBaseUrl(String publicBaseUrl) { this.publicBaseUrl = publicBaseUrl; }
    public String getRunwareToken() { return runwareToken; }
    public void setRunwareToken(String runwareToken) { this.runwareToken = runwareToken; }
    public String getFalJwksUrl() { return falJwksUrl; }
    public void setFalJwksUrl(String falJwksUrl) { this.falJwksUrl = falJwksUrl; }
}
