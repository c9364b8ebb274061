package dev.fleetdeck.service;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.service.events.EventDetector;
import dev.fleetdeck.service.events.EventLog;
import dev.fleetdeck.service.history.History;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The running back end of one window or command: the polling service, the history it feeds, the event log, the idle
 * tracker and the alert engine. They are listeners registered first, so every later listener (the UI) sees them up to
 * date with the snapshot it receives.
 */
public final class FleetMonitor implements AutoCloseable {
    private final PollingService polling;
    private final History history;
    private final EventLog events;
    private final dev.fleetdeck.service.idle.IdleTracker idle;
    private final dev.fleetdeck.service.alerts.AlertEngine alerts;
    private volatile Thread backfill;

    public FleetMonitor(PollingService polling) {
        this(polling, new History(), new EventLog());
    }

    public FleetMonitor(PollingService polling, History history, EventLog events) {
        this(polling, history, events, dev.fleetdeck.model.AlertSettings.defaults(), null);
    }

    /**
     * @param alerts the alert rules and idle settings
     * @param store  where alert history is kept, or null to keep none (one-shot commands)
     */
    public FleetMonitor(PollingService polling, dev.fleetdeck.model.AlertSettings alerts,
                        dev.fleetdeck.service.alerts.AlertStore store) {
        this(polling, new History(), new EventLog(), alerts, store);
    }

    private FleetMonitor(PollingService polling, History history, EventLog events,
                         dev.fleetdeck.model.AlertSettings alertSettings, dev.fleetdeck.service.alerts.AlertStore store) {
        this.polling = Objects.requireNonNull(polling, "polling");
        this.history = Objects.requireNonNull(history, "history");
        this.events = Objects.requireNonNull(events, "events");
        this.idle = new dev.fleetdeck.service.idle.IdleTracker(alertSettings.idleBelowPct(), alertSettings.idleFor());
        this.alerts = new dev.fleetdeck.service.alerts.AlertEngine(alertSettings, idle::latest, store);
        polling.addListener(history);
        polling.addListener(new EventDetector(events));
        polling.addListener(idle);
        polling.addListener(alerts);
    }

    /**
     * Applies a reloaded configuration without a restart: sources (unchanged ones keep running), the unreachable-after
     * setting, idle thresholds and alert rules. History and events carry on. Callable from any thread.
     */
    public void reconfigure(java.util.List<PolledProvider> providers, java.time.Duration unreachableAfter,
                            dev.fleetdeck.model.AlertSettings alertSettings,
                            java.util.Map<String, java.util.List<String>> joins) {
        idle.reconfigure(alertSettings.idleBelowPct(), alertSettings.idleFor());
        alerts.reconfigure(alertSettings);
        polling.reconfigure(providers, unreachableAfter, joins);
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

    /** Idle rented GPUs and their cost, of the latest snapshot. */
    public dev.fleetdeck.service.idle.IdleTracker idle() {
        return idle;
    }

    public dev.fleetdeck.service.alerts.AlertEngine alerts() {
        return alerts;
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
