package dev.fleetdeck.service.events;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} fleet events in a ring; older ones fall off. Memory is bounded by the capacity
 * (default {@value #DEFAULT_CAPACITY} events of a few hundred bytes each, about 3 MiB).
 *
 * <p>Threads: appended on the assembler thread, read from any thread; synchronized, reads copy.
 */
public final class EventLog {
    public static final int DEFAULT_CAPACITY = 10_000;

    private final FleetEvent[] ring;
    private int next;
    private long total;

    public EventLog() {
        this(DEFAULT_CAPACITY);
    }

    public EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        ring = new FleetEvent[capacity];
    }

    public synchronized void add(FleetEvent event) {
        ring[next] = event;
        next = (next + 1) % ring.length;
        total++;
    }

    /** The newest {@code n} events, newest first. */
    public synchronized List<FleetEvent> latest(int n) {
        int size = (int) Math.min(total, ring.length);
        int count = Math.min(n, size);
        List<FleetEvent> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            out.add(ring[Math.floorMod(next - i, ring.length)]);
        }
        return out;
    }

    /** Events ever added (including those that fell off). */
    public synchronized long total() {
        return total;
    }

    public int capacity() {
        return ring.length;
    }
}
