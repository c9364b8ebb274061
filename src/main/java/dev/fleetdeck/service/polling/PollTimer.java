package dev.fleetdeck.service.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The polling service's sense of time: what time it is and "run this later". The application uses
 * {@link #system(Clock)}; tests use a manual timer so that backoff and staleness can be checked without sleeping.
 *
 * <p>Threads: every method may be called from any thread. Scheduled tasks must be short; they run on the timer's
 * own thread ({@code fleetdeck-scheduler} for the system timer).
 */
public interface PollTimer extends AutoCloseable {

    /** The current time. */
    Instant now();

    /** Runs {@code task} once after {@code delay}; does nothing once the timer is closed. */
    Cancellable schedule(Runnable task, Duration delay);

    /** Stops running tasks; waits briefly for a running one to finish. Idempotent. */
    @Override
    void close();

    /** A scheduled task that can be called off. */
    @FunctionalInterface
    interface Cancellable {
        /** Calls the task off if it has not started; harmless when it has. */
        void cancel();
    }

    /** The real timer: one daemon platform thread named {@code fleetdeck-scheduler}, times from {@code clock}. */
    static PollTimer system(Clock clock) {
        return new SystemPollTimer(clock);
    }
}
