/**
 * Test support for provider authors and applications: the provider contract kit
 * ({@link dev.videogen4j.testkit.VideoProviderContractTest}, driven through the plugin's own test server, a
 * {@link dev.videogen4j.testkit.VendorScenario}), a scriptable {@link dev.videogen4j.testkit.FakeVideoProvider}, and
 * {@link dev.videogen4j.testkit.EmulatorHarness} for the bundled adapters' own tests. Virtual time
 * ({@code MutableClock}, {@code VirtualScheduler}) comes from {@code videogen4j-test-support}.
 *
 * <p>The vendor emulator lives in its own artifact, {@code videogen4j-emulator}, so applications can use it
 * without JUnit on their class path. A plugin's contract test:
 * <pre>{@code
 * class AcmeContractTest extends VideoProviderContractTest {
 *     protected String providerId() { return "acme"; }
 *     protected VendorScenario startVendor(ScenarioSettings settings) { return new AcmeTestServer(settings); }
 *     protected ImageToVideoRequest imageToVideo() { ... }
 * }
 * }</pre>
 */
package dev.videogen4j.testkit;
