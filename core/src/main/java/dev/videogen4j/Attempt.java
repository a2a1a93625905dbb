package dev.videogen4j;

/**
 * One provider/model that was tried while serving a request, and how it went. A result lists every attempt,
 * so a fallback is never invisible.
 *
 * <pre>{@code
 * result.attempts().forEach(a -> System.out.println(a.provider() + " " + a.model() + ": " + a.outcome()));
 * }</pre>
 *
 * @param provider the provider id
 * @param model    the native model id
 * @param outcome  {@code "succeeded"}, or why this attempt was abandoned
 */
public record Attempt(String provider, String model, String outcome) {
}
