/**
 * An offline, wire-faithful emulator of Runware's {@code videoInference} API and fal.ai's queue API, on loopback.
 *
 * <p>It has no JUnit dependency, so applications use it in their own tests and the {@code videogen4j emulator}
 * command serves it standalone. Start it, point a client's base URLs at it, and read what it billed:
 * <pre>{@code
 * try (ProviderEmulator emulator = ProviderEmulator.start()) {
 *     VideoClient client = VideoClient.builder()
 *             .provider("runware").apiKey("runware", "test-key")
 *             .baseUrl("runware", emulator.runwareBaseUrl())
 *             .build();
 *     ...
 *     emulator.stats().billableJobs("runware");
 * }
 * }</pre>
 */
package dev.videogen4j.emulator;
