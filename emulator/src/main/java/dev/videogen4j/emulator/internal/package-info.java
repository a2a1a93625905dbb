/**
 * The emulator's machinery. <b>Not API: may change in any release.</b> Use {@link
 * dev.videogen4j.emulator.ProviderEmulator} instead.
 */
package dev.videogen4j.emulator.internal;
