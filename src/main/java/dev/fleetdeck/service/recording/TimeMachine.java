package dev.fleetdeck.service.recording;

import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.events.FleetEvent;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Frames of the past on request, for the window's timeline: a seek names a moment and gets the frame recorded then.
 * One owned thread ({@code fleetdeck-time-travel}) reads the recording; while it rebuilds one frame, newer requests
 * replace each other, so dragging the cursor never queues up work. The recording is opened lazily and caught up with
 * (new segments, a growing last one) before each read.
 *
 * <p>Threads: {@link #seek}, {@link #span} and {@link #close} from any thread (the FX thread included: nothing here
 * blocks); the callbacks run on the time-travel thread.
 */
public final class TimeMachine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TimeMachine.class.getName());

    /** What the timeline shows of the recording: its span and what happened in it. */
    public record Overview(Recording.Span span, List<FleetEvent> events) {
    }

    private record Request(Instant at, Consumer<FleetFrame> onFrame, Consumer<String> onError, boolean full) {
    }

    private final Path path;
    private final AlertSettings alerts;
    private final Thread thread;
    private final StartGate gate;
    private final Object lock = new Object();
    private Request pending;
    private Request comparing;
    private boolean overviewWanted;
    private Consumer<Overview> overviewSink = o -> { };
    private boolean closed;
    private Recording recording;
    private volatile Optional<Overview> overview = Optional.empty();

    public TimeMachine(Path path, AlertSettings alerts) {
        this(path, alerts, StartGate.open());
    }

    /** A time machine that opens the recording only once {@code gate} opens (requests wait, newest kept). */
    public TimeMachine(Path path, AlertSettings alerts, StartGate gate) {
        this.path = Objects.requireNonNull(path, "path");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.alerts = alerts;
        thread = Thread.ofPlatform().name("fleetdeck-time-travel").daemon(true).unstarted(this::run);
        thread.start();
    }

    public Path path() {
        return path;
    }

    /** Asks for the frame at {@code at}; a request still waiting is dropped for this one. */
    public void seek(Instant at, Consumer<FleetFrame> onFrame, Consumer<String> onError) {
        seek(at, onFrame, onError, true);
    }

    /**
     * Asks for the frame at {@code at}; with {@code full} false without the GPUs' last minutes (a cursor being dragged
     * or played: several frames a second), with true complete (the cursor came to rest).
     */
    public void seek(Instant at, Consumer<FleetFrame> onFrame, Consumer<String> onError, boolean full) {
        synchronized (lock) {
            pending = new Request(at, onFrame, onError, full);
            lock.notifyAll();
        }
    }

    /**
     * Asks for the frame at {@code at} to compare the one on screen with ("compare with…"); a compare request still
     * waiting is dropped for this one. A seek goes first.
     */
    public void compare(Instant at, Consumer<FleetFrame> onFrame, Consumer<String> onError) {
        synchronized (lock) {
            comparing = new Request(at, onFrame, onError, false);
            lock.notifyAll();
        }
    }

    /** Asks for the recording's span and events again (after it grew); {@code sink} gets them. */
    public void refreshOverview(Consumer<Overview> sink) {
        synchronized (lock) {
            overviewSink = sink;
            overviewWanted = true;
            lock.notifyAll();
        }
    }

    /** The span and events last read, if any. */
    public Optional<Overview> overview() {
        return overview;
    }

    private void run() {
        gate.await();
        while (true) {
            Request r;
            boolean wantOverview;
            Consumer<Overview> sink;
            synchronized (lock) {
                while (pending == null && comparing == null && !overviewWanted && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        closed = true;
                    }
                }
                if (closed) {
                    break;
                }
                r = pending != null ? pending : comparing;
                if (pending != null) {
                    pending = null;
                } else {
                    comparing = null;
                }
                wantOverview = overviewWanted;
                overviewWanted = false;
                sink = overviewSink;
            }
            try {
                Recording rec = recording();
                if (wantOverview) {
                    Overview o = new Overview(rec.span(), rec.events(2_000));
                    overview = Optional.of(o);
                    sink.accept(o);
                }
                if (r != null) {
                    r.onFrame().accept(rec.frameAt(r.at(), r.full()));
                }
            } catch (RecordingException e) {
                if (r != null) {
                    r.onError().accept(e.getMessage());
                } else {
                    LOG.log(System.Logger.Level.INFO, e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "time travel failed", e);
                if (r != null) {
                    r.onError().accept("cannot read " + path + ": " + e);
                }
            }
        }
        if (recording != null) {
            recording.close();
        }
    }

    private Recording recording() {
        if (recording == null) {
            recording = Recording.open(path, alerts);
        } else {
            recording.refresh();
        }
        return recording;
    }

    @Override
    public void close() {
        gate.release();
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            thread.join(java.time.Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
