/** Placeholder. */
package dev.videogen4j;
