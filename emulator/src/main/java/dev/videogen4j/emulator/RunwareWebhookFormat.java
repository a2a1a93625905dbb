package dev.videogen4j.emulator;

/**
 * How the emulator wraps a finished Runware item when it POSTs it to a task's {@code webhookURL}.
 * Runware's sources disagree (runware-api.md §3): the newer official integration guide says the
 * body is the flat task object, the legacy Python SDK README shows the {@code {"data":[...]}}
 * envelope. A receiver should accept both; this switch lets tests prove that it does.
 *
 * <pre>{@code
 * ProviderEmulator emu = ProviderEmulator.builder()
 *     .runwareWebhookFormat(RunwareWebhookFormat.DATA_ENVELOPE)
 *     .start();
 * }</pre>
 *
 * <p>Failed tasks are always delivered as {@code {"errors":[...]}}, the shape errors have
 * everywhere else in Runware's API.
 */
public enum RunwareWebhookFormat {
    /** The bare item: {@code {"taskType":"videoInference","taskUUID":...,"videoURL":...}}. Default. */
    FLAT,
    /** The item wrapped like a REST response: {@code {"data":[{...}]}}. */
    DATA_ENVELOPE
}
