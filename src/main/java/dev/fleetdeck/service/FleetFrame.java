package dev.fleetdeck.service;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.service.alerts.AlertState;
import dev.fleetdeck.service.events.EventWindow;
import dev.fleetdeck.service.history.HistoryReader;
import dev.fleetdeck.service.idle.IdleReport;

import java.util.List;
import java.util.Objects;

/**
 * Everything one cycle knows, in one immutable object: the fleet snapshot (with every provider's status), the alerts
 * after evaluating it, the idle report, the newest events, and a read-only handle to history. Built on the assembler
 * thread once every engine has seen the snapshot, then handed to every consumer: the window's views, the CLI
 * commands, tests. A view renders only from the frame it is given; nothing it shows comes from elsewhere.
 *
 * @param revision grows with every frame; a frame re-issued after an acknowledgement has the same snapshot and a
 *                 higher revision
 * @param external the alerts Prometheus and Alertmanager hold (configured under {@code alerts.receive-from}), each
 *                 joined to a node where its labels name one
 */
public record FleetFrame(long revision, FleetSnapshot snapshot, AlertState alerts, IdleReport idle,
                         EventWindow events, HistoryReader history, List<dev.fleetdeck.model.ExternalAlert> external) {
    public FleetFrame {
        external = List.copyOf(external);
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(history, "history");
    }

    /** A frame without alerts from other systems. */
    public FleetFrame(long revision, FleetSnapshot snapshot, AlertState alerts, IdleReport idle, EventWindow events,
                      HistoryReader history) {
        this(revision, snapshot, alerts, idle, events, history, List.of());
    }

    /** A frame of a snapshot alone: no alerts, no idle GPUs, no events, no past (tests, single renders). */
    public static FleetFrame of(FleetSnapshot snapshot) {
        return new FleetFrame(snapshot.sequence(), snapshot, AlertState.EMPTY, IdleReport.EMPTY, EventWindow.EMPTY,
                HistoryReader.NONE);
    }

    /** The same frame with another history handle (tests that bring their own past). */
    public FleetFrame withHistory(HistoryReader reader) {
        return new FleetFrame(revision, snapshot, alerts, idle, events, reader, external);
    }

    /** Every provider's status in this cycle. */
    public List<ProviderStatus> providers() {
        return snapshot.providers();
    }
}
