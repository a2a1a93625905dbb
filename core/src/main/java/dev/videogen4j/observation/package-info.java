/**
 * Hooks for metrics and tracing: {@link dev.videogen4j.observation.VideoObserver} sees every provider call and
 * every job from its first to its last moment, with timings, costs and classified errors. No metrics library
 * appears here; {@code videogen4j-micrometer} maps these events to Micrometer observations and meters.
 */
package dev.videogen4j.observation;
