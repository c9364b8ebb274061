package dev.fleetdeck.provider.http;

import java.time.Duration;

/**
 * Keeps requests to one API at least a minimum interval apart (Lambda Cloud allows one request per second), across
 * polls. Blocks the polling thread, never the FX thread. The time source is injectable so tests check the spacing
 * without waiting.
 */
public final class RequestPacer {
    /** Time as the pacer sees it. */
    public interface Ticker {
        long nanos();

        void sleep(Duration d) throws InterruptedException;

        /** The system's monotonic clock. */
        static Ticker system() {
            return new Ticker() {
                @Override
                public long nanos() {
                    return System.nanoTime();
                }

                @Override
                public void sleep(Duration d) throws InterruptedException {
                    Thread.sleep(d);
                }
            };
        }
    }

    private final long spacingNanos;
    private final Ticker ticker;
    private long last = Long.MIN_VALUE;
    private boolean started;

    /** At most one request per {@code spacing}. */
    public RequestPacer(Duration spacing, Ticker ticker) {
        this.spacingNanos = spacing.toNanos();
        this.ticker = ticker;
    }

    /** Waits until the next request may start, and counts it as started. */
    public synchronized void acquire() throws InterruptedException {
        long now = ticker.nanos();
        if (started) {
            long wait = last + spacingNanos - now;
            if (wait > 0) {
                ticker.sleep(Duration.ofNanos(wait));
                now = ticker.nanos();
            }
        }
        started = true;
        last = now;
    }
}
