package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.Workflow;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.internal.ProviderRegistry;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.VideoProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code generate --dry-run} for every model of both bundled catalogs, text-to-video where the model takes it and
 * image-to-video otherwise: each prints its exact request (the native id on Runware, the endpoint path on fal) and
 * sends nothing. NewModelsCliTest checks a fragment of the body for each newer model.
 */
class CatalogDryRunTest {
    private final CliRun cli = new CliRun();
    private ProviderEmulator vendor;

    @AfterEach
    void stop() {
        if (vendor != null) vendor.close();
    }

    static Stream<Arguments> everyBundledModel() {
        ProviderRegistry registry = ProviderRegistry.discover(List.of());
        List<Arguments> all = new ArrayList<>();
        for (String id : DemoEmulator.VENDORS) {
            try (VideoProvider p = registry.get(id).create(ProviderConfig.of(id, "catalog-only-key", "http://127.0.0.1:9/"))) {
                p.models().forEach(m -> all.add(Arguments.of(id, m.id(), m)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyBundledModel")
    void dryRunPrintsTheRequestAndSendsNothing(String provider, String model, ModelCapabilities m) {
        vendor = ProviderEmulator.builder().clock(cli.clock).seed(5L).start();
        cli.env.put(provider.equals("fal") ? "FAL_KEY" : "RUNWARE_API_KEY",
                provider.equals("fal") ? vendor.falApiKey() : vendor.runwareApiKey());
        cli.env.put("VIDEOGEN4J_" + provider.toUpperCase(java.util.Locale.ROOT) + "_BASE_URL",
                provider.equals("fal") ? vendor.falQueueBaseUrl() : vendor.runwareBaseUrl());
        List<String> args = new ArrayList<>(List.of("generate", "--provider", provider, "--model", model,
                "--prompt", "A lighthouse at dusk", "--dry-run"));
        if (!m.workflows().contains(Workflow.TEXT_TO_VIDEO)) {
            args.addAll(List.of("--image", "https://example.com/first.jpg"));
        } else if (m.aspectRatios().contains("16:9") || m.dimensions().stream().anyMatch(d -> d.width() * 9 == d.height() * 16)) {
            args.addAll(List.of("--aspect-ratio", "16:9"));
        }
        assertEquals(0, cli.run(args.toArray(String[]::new)), cli.err());

        List<String> lines = cli.out().lines().toList();
        assertEquals("# dry run: nothing was sent (" + provider + " " + model + ")", lines.get(0));
        String body = lines.stream().filter(l -> l.startsWith("{") || l.startsWith("[")).findFirst().orElseThrow();
        assertTrue(provider.equals("fal") ? lines.get(1).endsWith("/" + model) : body.contains("\"model\":\"" + model + "\""),
                cli.out());
        assertEquals(0, vendor.stats().httpRequests(provider), "a dry run sends nothing");
    }
}
