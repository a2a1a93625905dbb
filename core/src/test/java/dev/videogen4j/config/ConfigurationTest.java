package dev.videogen4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoClientBuilder;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.testing.AlphaProviderFactory;
import dev.videogen4j.testing.BetaProviderFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VideoClient.builder().environment(...): which provider, which key, which URL and settings reach the adapter. */
class ConfigurationTest {
    private static final String KEY = "alpha-secret-7f3a9c";
    private final AlphaProviderFactory alpha = new AlphaProviderFactory();
    private final BetaProviderFactory beta = new BetaProviderFactory();

    private VideoClientBuilder builder(Map<String, String> env) {
        return VideoClient.builder().environment(env).providerFactory(alpha).providerFactory(beta);
    }

    private ProviderConfig alphaConfig(Map<String, String> env) {
        builder(env).build().close();
        return alpha.lastConfig();
    }

    private String buildError(Map<String, String> env) {
        return assertThrows(ConfigurationException.class, () -> builder(env).build()).getMessage();
    }

    @Test
    void theProviderVariableChoosesOneProviderAndItsVendorKeyVariableIsRead() {
        VideoClient client = builder(Map.of("VIDEOGEN4J_PROVIDER", "alpha", "ALPHA_API_KEY", KEY)).build();

        assertEquals(List.of("alpha"), client.providers());
        assertEquals("single:alpha", client.routing());
        ProviderConfig c = alpha.lastConfig();
        assertEquals("alpha", c.providerId());
        assertEquals(KEY, c.apiKey().reveal());
        assertNull(beta.lastConfig(), "beta was not asked for");
    }

    @Test
    void theVideogen4jKeyVariableWinsOverTheVendorOne() {
        ProviderConfig c = alphaConfig(Map.of("VIDEOGEN4J_PROVIDER", "alpha", "ALPHA_API_KEY", "vendor-key",
                "VIDEOGEN4J_ALPHA_API_KEY", "videogen4j-key"));
        assertEquals("videogen4j-key", c.apiKey().reveal());
    }

    @Test
    void vendorKeyVariablesAreReadInTheFactorysOrder() {
        builder(Map.of("VIDEOGEN4J_PROVIDER", "beta", "BETA_KEY", "second", "BETA_TOKEN", "first")).build();
        assertEquals("first", beta.lastConfig().apiKey().reveal());
        builder(Map.of("VIDEOGEN4J_PROVIDER", "beta", "BETA_KEY", "second")).build();
        assertEquals("second", beta.lastConfig().apiKey().reveal());
    }

    @Test
    void aKeyGivenToTheBuilderWinsOverTheEnvironment() {
        builder(Map.of("VIDEOGEN4J_PROVIDER", "alpha", "ALPHA_API_KEY", "env-key")).apiKey("alpha", "code-key").build();
        assertEquals("code-key", alpha.lastConfig().apiKey().reveal());
    }

    @Test
    void theBaseUrlVariableReachesTheProviderConfig() {
        ProviderConfig c = alphaConfig(Map.of("VIDEOGEN4J_PROVIDER", "alpha", "ALPHA_API_KEY", KEY,
                "VIDEOGEN4J_ALPHA_BASE_URL", "http://127.0.0.1:8089/v1"));
        assertEquals("http://127.0.0.1:8089/v1", c.baseUrl());
        assertEquals(Optional.of("http://127.0.0.1:8089/v1"), c.baseUrlOverride());

        builder(Map.of("VIDEOGEN4J_PROVIDER", "alpha", "ALPHA_API_KEY", KEY, "VIDEOGEN4J_ALPHA_BASE_URL", "http://env"))
                .baseUrl("alpha", "http://code").build();
        assertEquals("http://code", alpha.lastConfig().baseUrl());
    }

    @Test
    void withoutABaseUrlTheVendorsOwnIsUsed() {
        assertEquals(Optional.empty(), alphaConfig(Map.of("VIDEOGEN4J_PROVIDER", "alpha", "ALPHA_API_KEY", KEY)).baseUrlOverride());
    }

    @Test
    void timeoutsComeFromTheProviderVariableThenTheGlobalOneThenTheDefault() {
        ProviderConfig defaults = alphaConfig(Map.of("VIDEOGEN4J_PROVIDER", "alpha", "ALPHA_API_KEY", KEY));
        assertEquals(Duration.ofSeconds(10), defaults.connectTimeout());
        assertEquals(Duration.ofSeconds(60), defaults.readTimeout());

        ProviderConfig c = alphaConfig(Map.of("VIDEOGEN4J_PROVIDER", "alpha", "ALPHA_API_KEY", KEY,
                "VIDEOGEN4J_CONNECT_TIMEOUT", "3s", "VIDEOGEN4J_READ_TIMEOUT", "2m", "VIDEOGEN4J_ALPHA_CONNECT_TIMEOUT", "1500ms"));
        assertEquals(Duration.ofMillis(1500), c.connectTimeout());
        assertEquals(Duration.ofMinutes(2), c.readTimeout());
    }

    @Test
    void otherProviderVariablesBecomeDottedSettings() {
        ProviderConfig c = alphaConfig(Map.of("VIDEOGEN4J_PROVIDER", "alpha", "ALPHA_API_KEY", KEY,
                "VIDEOGEN4J_ALPHA_REGION", "eu", "VIDEOGEN4J_ALPHA_WEBHOOK_SECRET_HEADER", "x-sig",
                "VIDEOGEN4J_BETA_OTHER", "not alpha's"));
        assertEquals(Optional.of("eu"), c.setting("region"));
        assertEquals(Optional.of("x-sig"), c.setting("webhook.secret.header"));
        assertEquals(Optional.empty(), c.setting("other"));
    }

    @Test
    void theSettingsMapHoldsOnlyTheOtherSettingsNeverTheKey() {
        ProviderConfig c = alphaConfig(Map.of("VIDEOGEN4J_PROVIDER", "alpha", "VIDEOGEN4J_ALPHA_API_KEY", KEY,
                "VIDEOGEN4J_ALPHA_BASE_URL", "http://localhost:1", "VIDEOGEN4J_ALPHA_READ_TIMEOUT", "5s",
                "VIDEOGEN4J_ALPHA_RETRY_MAX_ATTEMPTS", "2", "VIDEOGEN4J_ALPHA_BATCH_WINDOW", "20ms",
                "VIDEOGEN4J_ALPHA_REGION", "eu"));
        assertEquals(Map.of("region", "eu"), c.settings());
    }

    @Test
    void withoutAChoiceEveryProviderWithAKeyIsUsedAsAFallbackChain() {
        VideoClient both = builder(Map.of("ALPHA_API_KEY", KEY, "BETA_TOKEN", "beta-secret-2")).build();
        assertEquals("fallback:alpha,beta", both.routing());

        VideoClient one = builder(Map.of("BETA_TOKEN", "beta-secret-2")).build();
        assertEquals("single:beta", one.routing());
    }

    @Test
    void theRoutingVariableWinsOverTheProviderVariable() {
        VideoClient client = builder(Map.of("VIDEOGEN4J_PROVIDER", "alpha", "VIDEOGEN4J_ROUTING", "cheapest:beta,alpha",
                "ALPHA_API_KEY", KEY, "BETA_KEY", "beta-secret-2")).build();
        assertEquals("cheapest:beta,alpha", client.routing());
        assertEquals(List.of("beta", "alpha"), client.providers());
    }

    @Test
    void anUnknownProviderListsTheOnesFound() {
        assertEquals("Unknown provider 'runware'. Providers found: alpha, beta",
                buildError(Map.of("VIDEOGEN4J_PROVIDER", "runware")));
        assertEquals("Unknown provider 'nope'. Providers found: alpha, beta",
                buildError(Map.of("VIDEOGEN4J_ROUTING", "fallback:alpha,nope", "ALPHA_API_KEY", KEY)));
    }

    @Test
    void aMissingKeyNamesTheVariablesToSet() {
        assertEquals("Provider 'alpha' needs an API key: set VIDEOGEN4J_ALPHA_API_KEY or ALPHA_API_KEY (or the system "
                + "property videogen4j.alpha.api.key), or call apiKey(\"alpha\", ...) on the builder",
                buildError(Map.of("VIDEOGEN4J_PROVIDER", "alpha")));
        assertEquals("Provider 'beta' needs an API key: set VIDEOGEN4J_BETA_API_KEY or BETA_TOKEN or BETA_KEY (or the "
                + "system property videogen4j.beta.api.key), or call apiKey(\"beta\", ...) on the builder",
                buildError(Map.of("VIDEOGEN4J_PROVIDER", "beta", "BETA_KEY", "  ")));
    }

    @Test
    void noProviderAtAllSaysWhatToSetForEachOneFound() {
        assertEquals("No provider is configured: set VIDEOGEN4J_PROVIDER and that provider's API key. Providers found: "
                + "alpha (VIDEOGEN4J_ALPHA_API_KEY or ALPHA_API_KEY), beta (VIDEOGEN4J_BETA_API_KEY or BETA_TOKEN or BETA_KEY)",
                buildError(Map.of()));
        assertEquals("No provider is configured for cheapest: set VIDEOGEN4J_PROVIDER and that provider's API key. "
                + "Providers found: alpha (VIDEOGEN4J_ALPHA_API_KEY or ALPHA_API_KEY), beta (VIDEOGEN4J_BETA_API_KEY or "
                + "BETA_TOKEN or BETA_KEY)", buildError(Map.of("VIDEOGEN4J_ROUTING", "cheapest")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "roundrobin:alpha  | VIDEOGEN4J_ROUTING=roundrobin:alpha is not a routing policy; use single:<id>, fallback:<id>,<id>, cheapest[:<ids>] or fastest[:<ids>]",
            "single:alpha,beta | VIDEOGEN4J_ROUTING=single:alpha,beta: single takes exactly one provider id",
            "single            | VIDEOGEN4J_ROUTING=single: single takes exactly one provider id",
            "fallback          | VIDEOGEN4J_ROUTING=fallback: fallback needs provider ids in order",
            "'fallback: , '    | 'VIDEOGEN4J_ROUTING=fallback: ,: fallback needs provider ids in order'",
    })
    void aMalformedRoutingPolicySaysWhatIsAllowed(String routing, String message) {
        assertEquals(message, buildError(Map.of("VIDEOGEN4J_ROUTING", routing, "ALPHA_API_KEY", KEY)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "VIDEOGEN4J_TIMEOUT              | soon  | VIDEOGEN4J_TIMEOUT=soon is not a duration (use 500ms, 30s, 2m, 1h or PT30S)",
            "VIDEOGEN4J_ALPHA_READ_TIMEOUT   | 1.5m  | VIDEOGEN4J_ALPHA_READ_TIMEOUT=1.5m is not a duration (use 500ms, 30s, 2m, 1h or PT30S)",
            "VIDEOGEN4J_POLL_INITIAL_DELAY   | PTX   | VIDEOGEN4J_POLL_INITIAL_DELAY=PTX is not a duration (use 500ms, 30s, 2m, 1h or PT30S)",
            "VIDEOGEN4J_RETRY_MAX_ATTEMPTS   | three | VIDEOGEN4J_RETRY_MAX_ATTEMPTS=three is not a whole number",
            "VIDEOGEN4J_ALPHA_CIRCUIT_WINDOW | 2.5   | VIDEOGEN4J_ALPHA_CIRCUIT_WINDOW=2.5 is not a whole number",
            "VIDEOGEN4J_POLL_MULTIPLIER      | fast  | VIDEOGEN4J_POLL_MULTIPLIER=fast is not a number",
            "VIDEOGEN4J_CANCEL_ON_TIMEOUT    | yes   | VIDEOGEN4J_CANCEL_ON_TIMEOUT=yes must be true or false",
    })
    void aMalformedValueNamesTheVariable(String variable, String value, String message) {
        assertEquals(message, buildError(Map.of("VIDEOGEN4J_PROVIDER", "alpha", "ALPHA_API_KEY", KEY, variable, value)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "VIDEOGEN4J_RETRY_MAX_ATTEMPTS         | 0    | VIDEOGEN4J_RETRY_MAX_ATTEMPTS=0 must be at least 1",
            "VIDEOGEN4J_ALPHA_RETRY_MAX_ATTEMPTS   | -1   | VIDEOGEN4J_ALPHA_RETRY_MAX_ATTEMPTS=-1 must be at least 1",
            "VIDEOGEN4J_RETRY_MULTIPLIER           | 0.5  | VIDEOGEN4J_RETRY_MULTIPLIER=0.5 must be between 1 and 100",
            "VIDEOGEN4J_RETRY_JITTER               | 1.5  | VIDEOGEN4J_RETRY_JITTER=1.5 must be between 0 and 1",
            "VIDEOGEN4J_CIRCUIT_FAILURE_RATE       | 150  | VIDEOGEN4J_CIRCUIT_FAILURE_RATE=150 must be between 1 and 100",
            "VIDEOGEN4J_POLL_MAX_DELAY             | PT0S | VIDEOGEN4J_POLL_MAX_DELAY=PT0S must be longer than zero",
            "VIDEOGEN4J_CIRCUIT_WINDOW             | 0    | VIDEOGEN4J_CIRCUIT_WINDOW=0 must be at least 1",
            "VIDEOGEN4J_CIRCUIT_MIN_CALLS          | 0    | VIDEOGEN4J_CIRCUIT_MIN_CALLS=0 must be at least 1",
            "VIDEOGEN4J_CIRCUIT_HALF_OPEN_CALLS    | 0    | VIDEOGEN4J_CIRCUIT_HALF_OPEN_CALLS=0 must be at least 1",
            "VIDEOGEN4J_CIRCUIT_OPEN_DURATION      | 0s   | VIDEOGEN4J_CIRCUIT_OPEN_DURATION=0s must be longer than zero",
            "VIDEOGEN4J_POLL_INITIAL_DELAY         | 0    | VIDEOGEN4J_POLL_INITIAL_DELAY=0 must be longer than zero",
            "VIDEOGEN4J_POLL_MULTIPLIER            | 0.5  | VIDEOGEN4J_POLL_MULTIPLIER=0.5 must be between 1 and 100",
            "VIDEOGEN4J_TIMEOUT                    | -5s  | VIDEOGEN4J_TIMEOUT=-5s must be longer than zero",
            "VIDEOGEN4J_ALPHA_CONNECT_TIMEOUT      | -1s  | VIDEOGEN4J_ALPHA_CONNECT_TIMEOUT=-1s must not be negative",
    })
    void aValueOutOfRangeIsAConfigurationErrorNamingTheVariable(String variable, String value, String message) {
        assertEquals(message, buildError(Map.of("VIDEOGEN4J_PROVIDER", "alpha", "ALPHA_API_KEY", KEY, variable, value)));
    }

    @Test
    void aDurationReadsEveryDocumentedForm() {
        assertEquals(Duration.ofMillis(500), dev.videogen4j.internal.Settings.parseDuration("K", "500ms"));
        assertEquals(Duration.ofMillis(1500), dev.videogen4j.internal.Settings.parseDuration("K", "1.5s"));
        assertEquals(Duration.ofMinutes(2), dev.videogen4j.internal.Settings.parseDuration("K", "2m"));
        assertEquals(Duration.ofHours(1), dev.videogen4j.internal.Settings.parseDuration("K", "1h"));
        assertEquals(Duration.ofSeconds(30), dev.videogen4j.internal.Settings.parseDuration("K", "30"));
        assertEquals(Duration.ofSeconds(30), dev.videogen4j.internal.Settings.parseDuration("K", "PT30S"));
    }
}
