package dev.videogen4j.testkit.engine;

/** Deadlines with a provider that can cancel (fal). */
class DeadlineWithCancelTest extends DeadlineCases {
    @Override
    boolean supportsCancel() {
        return true;
    }
}
