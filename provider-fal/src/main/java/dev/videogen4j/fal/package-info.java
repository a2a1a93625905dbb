/**
 * The fal.ai adapter: {@link dev.videogen4j.fal.FalProviderFactory} (service id {@code fal}, found by
 * {@code VideoClient} through {@link java.util.ServiceLoader}) speaks fal's queue API for the Kling endpoints in
 * its bundled catalog, and {@link dev.videogen4j.fal.FalWebhooks} parses and verifies fal's signed webhooks.
 *
 * <pre>{@code
 * // FAL_KEY in the environment, this module on the class path
 * VideoClient client = VideoClient.fromEnvironment();
 * VideoResult r = client.generate(TextToVideoRequest.builder()
 *         .model("kling-2.5-turbo-pro").prompt("Waves crashing on basalt cliffs at dusk").build());
 * }</pre>
 */
package dev.videogen4j.fal;
