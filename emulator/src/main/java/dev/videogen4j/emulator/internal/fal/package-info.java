/**
 * fal's queue API ({@code queue.fal.run}) as the emulator plays it. <b>Not API: may change in any
 * release.</b>
 */
package dev.videogen4j.emulator.internal.fal;
