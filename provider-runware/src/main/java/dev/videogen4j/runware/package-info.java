/**
 * The Runware adapter: {@link dev.videogen4j.runware.RunwareProviderFactory} (found through
 * {@link java.util.ServiceLoader} under id {@code runware}), {@link dev.videogen4j.runware.RunwareProvider} and
 * {@link dev.videogen4j.runware.RunwareWebhooks} for applications that receive Runware webhooks.
 *
 * <pre>{@code
 * // RUNWARE_API_KEY set in the environment
 * VideoClient client = VideoClient.fromEnvironment();
 * VideoResult r = client.generate(ImageToVideoRequest.builder().model("klingai:6@0")
 *         .prompt("A slow cinematic glide").image(ImageInput.url("https://example.com/first.jpg")).build());
 * }</pre>
 */
package dev.videogen4j.runware;
