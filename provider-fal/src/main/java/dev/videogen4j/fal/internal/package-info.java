/**
 * The fal adapter's machinery: the Retrofit interface for fal's queue API, Moshi DTOs of fal's JSON, the
 * endpoint-id URL rule, request mapping, and error/status parsing.
 *
 * <p><b>Not API.</b> Everything in this package may change in any release without notice; use
 * {@link dev.videogen4j.fal.FalProviderFactory} (through {@code VideoClient}) and
 * {@link dev.videogen4j.fal.FalWebhooks} instead.
 */
package dev.videogen4j.fal.internal;
