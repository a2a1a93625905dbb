package dev.videogen4j.emulator.internal;

import dev.videogen4j.emulator.RunwareWebhookFormat;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything the builder collected, frozen.
 *
 * @param placeholderPricePerSecond charged for models whose price no source documents; an
 *     emulator placeholder, not a vendor price
 * @param backgroundDelivery whether a daemon thread delivers webhooks as they come due (false
 *     with a {@code MutableClock}: tests call {@code deliverDueWebhooks()} themselves)
 * @param runwareRetention how long a finished Runware task stays visible to {@code getResponse};
 *     null = forever (it stays readable through {@code getTaskDetails} either way)
 */
public record EmulatorConfig(
        long seed,
        Clock clock,
        String runwareApiKey,
        String falApiKey,
        Timings timings,
        Duration latency,
        RunwareWebhookFormat runwareWebhookFormat,
        double jobFailureRate,
        BigDecimal placeholderPricePerSecond,
        java.util.Map<String, dev.videogen4j.emulator.internal.fal.FalModel> extraFalModels,
        String falUserId,
        boolean backgroundDelivery,
        Duration runwareRetention) {}
