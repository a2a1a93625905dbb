/**
 * The Runware adapter's machinery: the Retrofit interface, Moshi DTOs and the mappers between videogen4j's
 * neutral types and Runware's wire format. Not API: anything here may change in any release.
 */
package dev.videogen4j.runware.internal;
