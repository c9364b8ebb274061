package dev.fleetdeck.support;

import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.recording.Recorder;

import java.time.Duration;
import java.util.List;

/** Feeds frames to a recorder one by one, waiting until each is written, so none is coalesced away (tests). */
public final class RecorderFeed {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private RecorderFeed() {
    }

    /** Writes every frame in order; fails when the recorder reports a problem or a frame is not written in 30 s. */
    public static void writeEach(Recorder recorder, List<FleetFrame> frames) throws InterruptedException {
        for (FleetFrame f : frames) {
            long before = recorder.status().framesWritten();
            recorder.accept(f);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (recorder.status().framesWritten() == before) {
                if (recorder.status().problem().isPresent()) {
                    throw new AssertionError("recording failed: " + recorder.status());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("a frame was not written within " + WAIT + ": " + recorder.status());
                }
                Thread.sleep(2);
            }
        }
    }
}
