/**
 * Test support for videogen4j and its users: {@link dev.videogen4j.testkit.ProviderEmulator}, an
 * offline wire-faithful emulator of Runware's and fal's video APIs, with {@link
 * dev.videogen4j.testkit.MutableClock}, {@link dev.videogen4j.testkit.FaultPlan} and {@link
 * dev.videogen4j.testkit.EmulatorStats}.
 *
 * <p>The emulator depends on nothing else in videogen4j, so it can test any client.
 */
package dev.videogen4j.testkit;
