/**
 * videogen4j's machinery: the job engine, resilience, configuration, discovery, JSON. Not API: anything here may
 * change in any release without notice. Use the types in {@code dev.videogen4j} instead.
 */
package dev.videogen4j.internal;
