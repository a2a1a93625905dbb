/**
 * Test support for provider authors and applications: the provider contract suite
 * ({@link dev.videogen4j.testkit.VideoProviderContractTest}), a scriptable {@link
 * dev.videogen4j.testkit.FakeVideoProvider} and a {@code dev.videogen4j.testing.VirtualScheduler} for virtual time.
 *
 * <p>The vendor emulator lives in its own artifact, {@code videogen4j-emulator}, so applications can use it
 * without JUnit on their class path. A plugin's contract test:
 * <pre>{@code
 * class AcmeContractTest extends VideoProviderContractTest {
 *     ...
 * }
 * }</pre>
 */
package dev.videogen4j.testkit;
