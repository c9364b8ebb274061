package dev.fleetdeck.service;

import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.service.alerts.Alert;
import dev.fleetdeck.service.alerts.AlertEngine;
import dev.fleetdeck.service.alerts.AlertStore;
import dev.fleetdeck.service.events.EventDetector;
import dev.fleetdeck.service.events.EventLog;
import dev.fleetdeck.service.events.EventWindow;
import dev.fleetdeck.service.history.History;
import dev.fleetdeck.service.history.HistoryBackfill;
import dev.fleetdeck.service.idle.IdleTracker;
import dev.fleetdeck.service.polling.PolledProvider;
import dev.fleetdeck.service.polling.PollingService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The running back end of one window or command: the polling service and, in a fixed order on the assembler thread,
 * what each snapshot feeds — history, the event detector, the idle tracker, the alert engine — and then one
 * {@link FleetFrame} of them all, handed to every frame listener. Listeners see only finished frames, so the order
 * they were added in does not matter.
 *
 * <p>Threads: snapshots arrive on the polling service's assembler thread; {@link #ack} and {@link #silence} may be
 * called from any thread (the FX thread included) and re-issue the latest frame with the new alert state.
 */
public final class FleetMonitor implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FleetMonitor.class.getName());

    private volatile List<dev.fleetdeck.model.ExternalAlert> external = List.of();
    private final PollingService polling;
    private final History history;
    private final EventLog events;
    private final EventDetector detector;
    private final IdleTracker idle;
    private final AlertEngine alerts;
    private final List<Consumer<FleetFrame>> listeners = new CopyOnWriteArrayList<>();
    private final Object cycle = new Object();
    private volatile FleetFrame latest;
    private long revision;
    private volatile Thread backfill;
    private final java.util.concurrent.atomic.AtomicBoolean backfillStarted = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean backfillWanted;

    public FleetMonitor(PollingService polling) {
        this(polling, AlertSettings.defaults(), null);
    }

    /**
     * @param alertSettings the alert rules and idle settings
     * @param store         where alert history is kept, or null to keep none (one-shot commands)
     */
    public FleetMonitor(PollingService polling, AlertSettings alertSettings, AlertStore store) {
        this(polling, new History(), new EventLog(), alertSettings, store);
    }

    public FleetMonitor(PollingService polling, History history, EventLog events, AlertSettings alertSettings,
                        AlertStore store) {
        this.polling = Objects.requireNonNull(polling, "polling");
        this.history = Objects.requireNonNull(history, "history");
        this.events = Objects.requireNonNull(events, "events");
        this.detector = new EventDetector(events);
        this.idle = new IdleTracker(alertSettings.idleBelowPct(), alertSettings.idleFor());
        this.alerts = new AlertEngine(alertSettings, idle::latest, store);
        polling.addListener(this::cycle);
    }

    /** One cycle on the assembler thread: every engine in its order, then the frame. */
    private void cycle(FleetSnapshot snap) {
        synchronized (cycle) {
            history.accept(snap);
            detector.accept(snap);
            idle.accept(snap);
            alerts.accept(snap);
            publish(snap);
        }
        if (backfillWanted && PollingService.everyProviderPolled().test(snap)) {
            startBackfill();
        }
    }

    /** Builds a frame of the engines as they are now and hands it out. Holds the cycle lock. */
    private void publish(FleetSnapshot snap) {
        FleetFrame frame = new FleetFrame(++revision, snap, alerts.state(), idle.latest(), EventWindow.of(events),
                history, dev.fleetdeck.service.alerts.ExternalAlerts.join(external, snap));
        latest = frame;
        synchronized (this) {
            notifyAll();
        }
        for (Consumer<FleetFrame> listener : listeners) {
            try {
                listener.accept(frame);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "frame listener failed", e);
            }
        }
    }

    /** The alerts other systems hold now (any thread); the next frame carries them, joined to nodes. */
    public void setExternalAlerts(List<dev.fleetdeck.model.ExternalAlert> alerts) {
        external = List.copyOf(alerts);
    }

    /** Receives every frame, on the assembler thread (or the thread that acknowledged an alert). */
    public void addFrameListener(Consumer<FleetFrame> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Called with every alert that starts firing, on the assembler thread (desktop notifications, senders). */
    public void addFiringListener(Consumer<Alert> listener) {
        alerts.addFiringListener(listener);
    }

    /** The newest frame, or null before the first. Any thread. */
    public FleetFrame latest() {
        return latest;
    }

    /**
     * Blocks the calling thread (never the FX thread) until a frame satisfies {@code condition}.
     *
     * @throws TimeoutException when none does within {@code timeout}
     */
    public FleetFrame await(Predicate<FleetFrame> condition, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                FleetFrame frame = latest;
                if (frame != null && condition.test(frame)) {
                    return frame;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("no fleet snapshot matched within " + timeout.toSeconds() + " s");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /** A condition for {@link #await}: every provider has answered or failed at least once. */
    public static Predicate<FleetFrame> everyProviderPolled() {
        Predicate<FleetSnapshot> polled = PollingService.everyProviderPolled();
        return frame -> polled.test(frame.snapshot());
    }

    /** Acknowledges an open alert and re-issues the latest frame with it. Any thread. */
    public boolean ack(String key, Instant at) {
        return act(() -> alerts.ack(key, at));
    }

    /** Silences an open alert until a time and re-issues the latest frame with it. Any thread. */
    public boolean silence(String key, Instant until) {
        return act(() -> alerts.silence(key, until));
    }

    /** Silences an open alert because someone silenced it in another system, naming who. Any thread. */
    public boolean silenceElsewhere(String key, Instant until, String by) {
        return act(() -> alerts.silenceElsewhere(key, until, by));
    }

    private boolean act(java.util.function.BooleanSupplier action) {
        synchronized (cycle) {
            boolean done = action.getAsBoolean();
            FleetFrame frame = latest;
            if (done && frame != null) {
                publish(frame.snapshot());
            }
            return done;
        }
    }

    /**
     * Applies a reloaded configuration without a restart: sources (unchanged ones keep running), the unreachable-after
     * setting, idle thresholds and alert rules. History and events carry on. Callable from any thread.
     */
    public void reconfigure(List<PolledProvider> providers, Duration unreachableAfter, AlertSettings alertSettings,
                            Map<String, List<String>> joins) {
        idle.reconfigure(alertSettings.idleBelowPct(), alertSettings.idleFor());
        alerts.reconfigure(alertSettings);
        polling.reconfigure(providers, unreachableAfter, joins);
    }

    /**
     * Starts polling, and in the background backfills the last day of fleet trends from providers that can. The
     * backfill waits for every source's first answer, so that it does not compete with the first frame.
     */
    public void start() {
        backfillWanted = true;
        polling.start();
    }

    private void startBackfill() {
        if (!backfillStarted.compareAndSet(false, true)) {
            return;
        }
        backfill = Thread.ofVirtual().name("fleetdeck-backfill").start(() -> {
            try {
                HistoryBackfill.run(polling.providers(), history.fleet(), Clock.systemUTC());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Waits until the start-up history backfill is done (the snapshot command renders after it). */
    public void awaitBackfill(Duration timeout) throws InterruptedException {
        if (backfillWanted) {
            startBackfill(); // in case no answer made every source polled yet
        }
        Thread b = backfill;
        if (b != null) {
            b.join(timeout);
        }
    }

    public PollingService polling() {
        return polling;
    }

    /** The alert rules and idle settings in force. */
    public AlertSettings alertSettings() {
        return alerts.settings();
    }

    /** History, for benchmarks and tests that measure it; views read it through their frame. */
    public History history() {
        return history;
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
