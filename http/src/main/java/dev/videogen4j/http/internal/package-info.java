/**
 * What every videogen4j HTTP adapter shares: the OkHttp client setup ({@link dev.videogen4j.http.internal.HttpClients}:
 * timeouts, whole-call deadline, redirect and resend policy, User-Agent, pools), the DEBUG exchange log
 * ({@link dev.videogen4j.http.internal.ExchangeLog}), request previews, bounded body reading, JSON helpers and the
 * one {@code providerOptions} policy.
 *
 * <p><b>Internal, not API.</b> Everything in this package (the whole {@code videogen4j-http} artifact) may change in
 * any release without notice. Applications use {@code VideoClient}; adapters outside this repository depend on
 * core's {@code dev.videogen4j.spi} only.
 *
 * <pre>{@code
 * OkHttpClient client = HttpClients.create(HttpClients.Settings.of("fal", config), req -> req.header("Authorization", "Key " + k));
 * }</pre>
 */
package dev.videogen4j.http.internal;
