package dev.videogen4j.emulator.internal.runware;

/**
 * The parts of a valid {@code videoInference} task the emulator needs to play the job.
 *
 * @param seed the caller's seed, or null to draw one
 * @param outputFormat MP4, WEBM or MOV
 * @param price the task's price by its model's page rules, or null (Kling: price per second x duration)
 */
record RunwareSubmit(String taskUUID, RunwareModel model, int durationSeconds, int numberResults,
        boolean includeCost, String webhookURL, Long seed, String positivePrompt, String outputFormat,
        java.math.BigDecimal price) {}
