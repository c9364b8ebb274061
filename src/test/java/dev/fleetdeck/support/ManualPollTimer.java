package dev.fleetdeck.support;

import dev.fleetdeck.service.polling.PollTimer;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A {@link PollTimer} whose time moves only when a test says so. Due tasks run on the thread that calls
 * {@link #advance}, in time order, so backoff and staleness can be checked without sleeping.
 */
public final class ManualPollTimer implements PollTimer {
    private record Task(Instant at, long seq, Runnable body, boolean[] cancelled) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private Instant now;
    private long seq;
    private boolean closed;

    public ManualPollTimer(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        if (closed) {
            return () -> { };
        }
        boolean[] cancelled = {false};
        tasks.add(new Task(now.plus(delay.isNegative() ? Duration.ZERO : delay), seq++, task, cancelled));
        return () -> {
            synchronized (this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves time forward by {@code d}, running every task that falls due on the way. */
    public void advance(Duration d) {
        advanceTo(now().plus(d));
    }

    /** Moves time forward to {@code target}, running every task that falls due on the way. */
    public void advanceTo(Instant target) {
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.at.isAfter(target) || closed) {
                    if (target.isAfter(now)) {
                        now = target;
                    }
                    return;
                }
                tasks.poll();
                if (next.at.isAfter(now)) {
                    now = next.at;
                }
                if (next.cancelled[0]) {
                    continue;
                }
            }
            next.body.run();
        }
    }

    /** Tasks waiting (for leak checks). */
    public synchronized int pending() {
        return (int) tasks.stream().filter(t -> !t.cancelled[0]).count();
    }

    /** A clock that reads this timer, for providers that stamp their answers. */
    public java.time.Clock clock() {
        return new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    @Override
    public synchronized void close() {
        closed = true;
        tasks.clear();
    }
}
