package dev.fleetdeck.service.events;

import java.util.List;

/**
 * The newest fleet events as they stood after one cycle (newest first, at most the log's capacity), and how many
 * were ever logged: a view redraws its list only when {@code total} moved.
 */
public record EventWindow(List<FleetEvent> latest, long total) {
    public static final EventWindow EMPTY = new EventWindow(List.of(), 0);

    public EventWindow {
        latest = List.copyOf(latest);
    }

    /** The window of a log now. Any thread. */
    public static EventWindow of(EventLog log) {
        synchronized (log) {
            return new EventWindow(log.latest(log.capacity()), log.total());
        }
    }
}
