package dev.fleetdeck.service.recording;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the recorder's and the time machine's first touch of DuckDB (loading its 70 MB native library and opening the
 * store costs about 0.3 s of CPU) until the window has drawn its first frame with fleet data, so recording never
 * delays what the operator sees first. Opens by itself after {@link #MAX_HOLD}, so a window that never gets fleet
 * data still records. {@link #release} from any thread; {@link #await} on the gated thread.
 */
public final class StartGate {
    /** The longest a gate holds its threads. */
    public static final Duration MAX_HOLD = Duration.ofSeconds(15);

    private final CountDownLatch open;

    private StartGate(int count) {
        this.open = new CountDownLatch(count);
    }

    /** A gate that holds until {@link #release}. */
    public static StartGate closed() {
        return new StartGate(1);
    }

    /** A gate that holds nothing (headless commands, tests). */
    public static StartGate open() {
        return new StartGate(0);
    }

    public void release() {
        open.countDown();
    }

    public boolean isOpen() {
        return open.getCount() == 0;
    }

    /** Waits until released or {@link #MAX_HOLD} has passed; an interrupt ends the wait at once. */
    void await() {
        try {
            open.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
