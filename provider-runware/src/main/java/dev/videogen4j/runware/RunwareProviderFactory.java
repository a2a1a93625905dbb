package dev.videogen4j.runware;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.http.internal.HttpClients;
import dev.videogen4j.runware.internal.RunwareHttp;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The {@link java.util.ServiceLoader} entry for Runware: id {@code runware}, key from {@code RUNWARE_API_KEY}
 * (or {@code VIDEOGEN4J_RUNWARE_API_KEY}), endpoint {@code https://api.runware.ai/v1} unless
 * {@code VIDEOGEN4J_RUNWARE_BASE_URL} points elsewhere (the emulator, a proxy).
 *
 * <pre>{@code
 * VideoProvider runware = new RunwareProviderFactory().create(
 *         ProviderConfig.of("runware", System.getenv("RUNWARE_API_KEY"), null)
 *                 .withSetting(RunwareProviderFactory.TRACKED_JOBS, "50000"));
 * }</pre>
 *
 * <p>Setting read: {@value #TRACKED_JOBS} ({@code VIDEOGEN4J_RUNWARE_TRACKED_JOBS}), how many jobs the adapter
 * remembers between polls (their requested video count and partial results); default
 * {@value #DEFAULT_TRACKED_JOBS}, least recently polled forgotten first.
 */
public final class RunwareProviderFactory implements VideoProviderFactory {
    public static final String ID = "runware";
    public static final String DEFAULT_BASE_URL = "https://api.runware.ai/v1";
    public static final String TRACKED_JOBS = "tracked.jobs";
    public static final int DEFAULT_TRACKED_JOBS = 10_000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Runware";
    }

    @Override
    public List<String> apiKeyVariables() {
        return List.of("RUNWARE_API_KEY");
    }

    @Override
    public String defaultBaseUrl() {
        return DEFAULT_BASE_URL;
    }

    /**
     * @throws ConfigurationException when the key is missing, the base URL is not an http(s) URL, or a setting
     *                                is malformed
     */
    @Override
    public VideoProvider create(ProviderConfig config) {
        Objects.requireNonNull(config, "config == null");
        if (config.apiKey() == null) {
            throw new ConfigurationException("Provider '" + ID + "' needs an API key: set RUNWARE_API_KEY or "
                    + "VIDEOGEN4J_RUNWARE_API_KEY");
        }
        String base = config.baseUrlOverride().orElse(DEFAULT_BASE_URL).trim();
        HttpUrl endpoint = HttpUrl.parse(base);
        if (endpoint == null) {
            throw new ConfigurationException("Runware base URL is not an http(s) URL: '" + base
                    + "' (set VIDEOGEN4J_RUNWARE_BASE_URL to e.g. " + DEFAULT_BASE_URL + ")");
        }
        RunwareHttp http = new RunwareHttp(config.providerId(), endpoint, config.apiKey(), new HttpClients.Settings(
                config.providerId(), config.connectTimeout(), config.readTimeout(), config.callTimeout(), null, config.redactor(),
                config.shared()), config.clock());
        return new RunwareProvider(config.providerId(), http, trackedJobs(config), config.redactor());
    }

    private static int trackedJobs(ProviderConfig config) {
        String v = config.setting(TRACKED_JOBS).orElse(null);
        if (v == null) {
            return DEFAULT_TRACKED_JOBS;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted form
        }
        throw new ConfigurationException("Runware setting " + TRACKED_JOBS + " must be a whole number >= 1, got '"
                + v + "' (VIDEOGEN4J_RUNWARE_TRACKED_JOBS)");
    }
}
