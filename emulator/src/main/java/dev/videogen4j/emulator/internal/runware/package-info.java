/**
 * Runware's REST API ({@code POST /v1}) as the emulator plays it. <b>Not API: may change in any
 * release.</b>
 */
package dev.videogen4j.emulator.internal.runware;
