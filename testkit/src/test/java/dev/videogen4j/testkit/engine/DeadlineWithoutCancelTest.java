package dev.videogen4j.testkit.engine;

/** Deadlines with a provider that cannot cancel (Runware). */
class DeadlineWithoutCancelTest extends DeadlineCases {
    @Override
    boolean supportsCancel() {
        return false;
    }
}
