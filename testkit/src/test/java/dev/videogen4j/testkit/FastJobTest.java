package dev.videogen4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.Cost;
import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job that ends before generate() starts waiting for it is still the job generate() submitted. */
class FastJobTest {
    // Runs a poll scheduled for now (in milliseconds, as the engine schedules polls) on the spot, as a free timer
    // thread may: the first poll then ends the job before the submitting thread has handed the job over to whoever
    // waits for it. Everything else, execute() included, runs on the timer thread as usual.
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (delay > 0 || unit != TimeUnit.MILLISECONDS) return super.schedule(command, delay, unit);
            command.run();
            return super.schedule(() -> { }, 0, unit);
        }
    };

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void aJobDoneAtItsFirstPollIsPolledOnceAndKeepsItsRequest() throws Exception {
        FakeVideoProvider fake = new FakeVideoProvider();
        // The submit runs when the test says, after generateAsync has chained its wait; every later call at once.
        AtomicReference<Runnable> submit = new AtomicReference<>();
        Executor calls = task -> {
            if (!submit.compareAndSet(null, task)) task.run();
        };
        try (VideoClient client = VideoClient.builder().providerFactory(fake.factory()).provider(FakeVideoProvider.ID)
                .scheduler(timer).callExecutor(calls).pollInterval(Duration.ZERO, 1.0, Duration.ZERO).build()) {
            CompletableFuture<VideoResult> result = client.generateAsync(ImageToVideoRequest.builder()
                    .model("fake:kling-2.5-turbo-standard").prompt("done at once")
                    .image(ImageInput.url("https://example.com/a.png")).durationSeconds(5).build(), Duration.ofMinutes(1));
            submit.get().run();
            VideoResult r = result.get(10, TimeUnit.SECONDS);

            assertEquals(1, fake.polls(), "a second tracker polled the finished job again");
            assertEquals(Cost.estimated(new BigDecimal("0.05")), r.cost(), "priced from the request it was submitted with");
        }
    }
}
