package dev.videogen4j.emulator.internal.runware;

/**
 * The parts of a valid {@code videoInference} task the emulator needs to play the job.
 *
 * @param seed the caller's seed, or null to draw one
 * @param outputFormat MP4, WEBM or MOV
 */
record RunwareSubmit(String taskUUID, RunwareModel model, int durationSeconds, int numberResults,
        boolean includeCost, String webhookURL, Long seed, String positivePrompt, String outputFormat) {}
