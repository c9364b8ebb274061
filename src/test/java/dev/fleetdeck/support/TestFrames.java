package dev.fleetdeck.support;

import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.alerts.AlertEngine;
import dev.fleetdeck.service.alerts.AlertState;
import dev.fleetdeck.service.events.EventDetector;
import dev.fleetdeck.service.events.EventLog;
import dev.fleetdeck.service.events.EventWindow;
import dev.fleetdeck.service.history.History;
import dev.fleetdeck.service.idle.IdleReport;
import dev.fleetdeck.service.idle.IdleTracker;
import dev.fleetdeck.ui.common.AlertActions;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Frames for view tests without a polling service: each snapshot goes through history, the event detector, the idle
 * tracker and the alert engine in the back end's order, and comes out as the frame the back end would build.
 */
public final class TestFrames {
    private final History history = new History();
    private final EventLog events = new EventLog();
    private final EventDetector detector = new EventDetector(events);
    private final IdleTracker idle;
    private final AlertEngine engine;
    private long revision;
    private FleetSnapshot last;
    private Consumer<FleetFrame> reissue = f -> { };

    public TestFrames() {
        this(AlertSettings.defaults());
    }

    public TestFrames(AlertSettings settings) {
        idle = new IdleTracker(settings.idleBelowPct(), settings.idleFor());
        engine = new AlertEngine(settings, idle::latest, null);
    }

    /** A frame of a snapshot with these events and this past, and no alerts or idle GPUs. */
    public static FleetFrame of(FleetSnapshot snap, EventLog events, History history) {
        return new FleetFrame(snap.sequence(), snap, AlertState.EMPTY,
                IdleReport.EMPTY, EventWindow.of(events), history);
    }

    /** Feeds a snapshot to every engine and returns its frame. */
    public FleetFrame next(FleetSnapshot snap) {
        history.accept(snap);
        detector.accept(snap);
        idle.accept(snap);
        engine.accept(snap);
        last = snap;
        return frame();
    }

    private FleetFrame frame() {
        return new FleetFrame(++revision, last, engine.state(), idle.latest(), EventWindow.of(events), history);
    }

    /** Acknowledge and silence applied at once, the new frame handed to {@code onFrame} (a view's show). */
    public AlertActions actions(Consumer<FleetFrame> onFrame) {
        reissue = onFrame;
        return new AlertActions() {
            @Override
            public void ack(String key, Instant at) {
                if (engine.ack(key, at)) {
                    reissue.accept(frame());
                }
            }

            @Override
            public void silence(String key, Instant until) {
                if (engine.silence(key, until)) {
                    reissue.accept(frame());
                }
            }
        };
    }

    public AlertEngine engine() {
        return engine;
    }

    public IdleTracker idle() {
        return idle;
    }

    public EventLog events() {
        return events;
    }

    public History history() {
        return history;
    }
}
