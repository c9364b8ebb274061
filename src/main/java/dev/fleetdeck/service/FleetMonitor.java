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
    private volatile Thread backfill;

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

    /** Starts polling, and in the background backfills the last hour of fleet trends from providers that can. */
    public void start() {
        polling.start();
        backfill = Thread.ofVirtual().name("fleetdeck-backfill").start(() -> {
            try {
                HistoryBackfill.run(polling.providers(), history.fleet(), java.time.Clock.systemUTC());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Waits until the start-up history backfill is done (the snapshot command renders after it). */
    public void awaitBackfill(java.time.Duration timeout) throws InterruptedException {
        Thread b = backfill;
        if (b != null) {
            b.join(timeout);
        }
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
        Thread b = backfill;
        if (b != null) {
            b.interrupt();
            try {
                b.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        polling.close();
    }
}
