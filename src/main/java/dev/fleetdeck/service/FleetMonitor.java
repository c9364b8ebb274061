package dev.fleetdeck.service;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.service.events.EventDetector;
import dev.fleetdeck.service.events.EventLog;
import dev.fleetdeck.service.history.History;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The running back end of one window or command: the polling service, the history it feeds and the event log.
 * History and events are listeners registered first, so every later listener (the UI) sees them up to date.
 */
public final class FleetMonitor implements AutoCloseable {
    private final PollingService polling;
    private final History history;
    private final EventLog events;

    public FleetMonitor(PollingService polling) {
        this(polling, new History(), new EventLog());
    }

    public FleetMonitor(PollingService polling, History history, EventLog events) {
        this.polling = Objects.requireNonNull(polling, "polling");
        this.history = Objects.requireNonNull(history, "history");
        this.events = Objects.requireNonNull(events, "events");
        polling.addListener(history);
        polling.addListener(new EventDetector(events));
    }

    /** Adds a listener after history and events; called on the assembler thread. */
    public void addListener(Consumer<FleetSnapshot> listener) {
        polling.addListener(listener);
    }

    public void start() {
        polling.start();
    }

    public PollingService polling() {
        return polling;
    }

    public History history() {
        return history;
    }

    public EventLog events() {
        return events;
    }

    @Override
    public void close() {
        polling.close();
    }
}
