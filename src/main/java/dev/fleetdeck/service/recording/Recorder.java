package dev.fleetdeck.service.recording;

import dev.fleetdeck.model.RecordingSettings;
import dev.fleetdeck.service.FleetFrame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The flight recorder: takes every frame the monitor hands out and writes one per resolution step, on its own thread
 * ({@code fleetdeck-recorder}), so neither the assembler nor the FX thread ever waits for the disk. The newest frame
 * wins when the disk is slower than the fleet (the skipped ones are counted). Hourly segments are sealed when their
 * hour ends (or on {@link #close}) and can then be read by other processes; retention and the size limit remove the
 * oldest. A full disk pauses recording with a problem in {@link #status()} while everything else goes on.
 *
 * <p>Threads: {@link #accept} from the assembler thread (or any); {@link #status} from any; {@link #close} once, from
 * the thread that shuts the app down.
 */
public final class Recorder implements Consumer<FleetFrame>, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Recorder.class.getName());

    /** Where recording stands, for the window's banner and the service's log. */
    public record Status(boolean recording, Optional<String> problem, long framesWritten, long framesSkipped,
                         Path location) {
    }

    private final RecordingSettings settings;
    private final Path singleFile;
    private final Clock clock;
    private final Thread thread;
    private final Sealer sealer = new Sealer();
    private final StartGate gate;
    private final Object lock = new Object();
    private FleetFrame pending;
    private boolean stopping;
    private SegmentWriter writer;
    private Instant lastWritten = Instant.MIN;
    private volatile Status status;
    private long written;
    private long skipped;

    /** Records into hourly segments in {@code settings.directory()}. */
    public static Recorder start(RecordingSettings settings, Clock clock) {
        return start(settings, clock, StartGate.open());
    }

    /** Records into hourly segments, writing nothing before {@code gate} opens (the newest frame waits). */
    public static Recorder start(RecordingSettings settings, Clock clock, StartGate gate) {
        return new Recorder(settings, null, clock, gate);
    }

    /** Records everything into one file (the {@code record --out FILE} command); no retention. */
    public static Recorder toFile(Path file, RecordingSettings settings, Clock clock) {
        return new Recorder(settings, file, clock, StartGate.open());
    }

    private Recorder(RecordingSettings settings, Path singleFile, Clock clock, StartGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.singleFile = singleFile;
        this.clock = clock;
        this.status = new Status(true, Optional.empty(), 0, 0, location());
        try {
            Files.createDirectories(singleFile == null ? settings.directory()
                    : singleFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new RecordingException(location() + ": cannot create the recording's directory: " + e.getMessage(),
                    e);
        }
        if (singleFile != null) {
            writer = SegmentWriter.open(singleFile, settings.resolution()); // a bad --out fails the command at once
        } else {
            Sealer.removeLeftovers(settings.directory());
            Downsampler.removeLeftovers(settings.directory());
        }
        thread = Thread.ofPlatform().name("fleetdeck-recorder").daemon(true).unstarted(this::run);
        thread.start();
    }

    private Path location() {
        return singleFile != null ? singleFile : settings.directory();
    }

    /** Hands a frame to the recorder; returns at once. */
    @Override
    public void accept(FleetFrame frame) {
        synchronized (lock) {
            if (pending != null) {
                skipped++;
            }
            pending = frame;
            lock.notifyAll();
        }
    }

    public Status status() {
        return status;
    }

    private void run() {
        gate.await();
        if (singleFile == null) {
            // A start after days away: what has aged since the last run is removed or thinned before new frames.
            Retention.apply(settings, clock.instant(), null);
            sealer.downsampleLater(settings.directory(), settings.segment(), clock.instant());
        }
        while (true) {
            FleetFrame frame;
            synchronized (lock) {
                while (pending == null && !stopping) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        stopping = true;
                    }
                }
                frame = pending;
                pending = null;
                if (frame == null) {
                    return;
                }
            }
            record(frame);
            if (stoppingNow()) {
                return;
            }
        }
    }

    private boolean stoppingNow() {
        synchronized (lock) {
            return stopping && pending == null;
        }
    }

    private void record(FleetFrame frame) {
        Instant at = frame.snapshot().takenAt();
        if (Duration.between(lastWritten, at).compareTo(settings.resolution()) < 0 && !lastWritten.equals(Instant.MIN)) {
            return;
        }
        try {
            if (!roomOnDisk()) {
                return;
            }
            SegmentWriter w = writerFor(at);
            w.write(frame);
            lastWritten = at;
            written++;
            report(Optional.empty());
        } catch (SQLException | RecordingException e) {
            String m = Segments.firstLine(String.valueOf(e.getMessage()));
            boolean full = m.contains("No space left") || m.contains("disk is full");
            report(Optional.of(full ? "disk full: recording paused (" + location() + ")"
                    : "recording failed: " + m));
            LOG.log(System.Logger.Level.WARNING, "recording to " + location() + " failed: " + m);
            if (singleFile == null) {
                closeWriter(false); // the next frame opens the segment again; DuckDB replays what was committed
            }
        }
    }

    private boolean roomOnDisk() {
        try {
            long free = Files.getFileStore(settings.directory().toFile().exists() ? settings.directory()
                    : location().toAbsolutePath().getParent()).getUsableSpace();
            if (free < settings.minFreeBytes()) {
                report(Optional.of("disk full: recording paused, " + (free >> 20) + " MiB free on "
                        + location() + " (needs " + (settings.minFreeBytes() >> 20) + " MiB)"));
                return false;
            }
            return true;
        } catch (IOException e) {
            return true; // cannot tell: try, and let the write say what is wrong
        }
    }

    private SegmentWriter writerFor(Instant at) throws SQLException {
        if (singleFile != null) {
            return writer;
        }
        Path file = Segments.fileFor(settings.directory(), at, settings.segment());
        if (writer != null && !writer.file().equals(file)) {
            closeWriter(true);
            Retention.apply(settings, clock.instant(), file);
            sealer.downsampleLater(settings.directory(), settings.segment(), clock.instant());
        }
        if (writer == null) {
            writer = SegmentWriter.open(file, settings.resolution());
        }
        return writer;
    }

    private void closeWriter(boolean seal) {
        if (writer == null) {
            return;
        }
        Path file = writer.file();
        try {
            if (!seal) {
                writer.close();
            } else if (singleFile != null) {
                writer.finish();
                Sealer.rewrite(file, settings.resolution().toString());
            } else {
                writer.finish();
                sealer.sealLater(file, settings.resolution().toString());
            }
        } catch (SQLException | IOException | RecordingException e) {
            LOG.log(System.Logger.Level.WARNING, "could not seal " + file + " (it stays readable as written): "
                    + Segments.firstLine(String.valueOf(e.getMessage())));
        }
        writer = null;
    }

    private void report(Optional<String> problem) {
        Status next;
        synchronized (lock) {
            next = new Status(problem.isEmpty(), problem, written, skipped, location());
        }
        if (!next.problem().equals(status.problem())) {
            problem.ifPresentOrElse(p -> LOG.log(System.Logger.Level.WARNING, p),
                    () -> LOG.log(System.Logger.Level.INFO, "recording to " + location()));
        }
        status = next;
    }

    /** The segments written so far (for tests and the settings page). */
    public List<Path> segments() {
        return singleFile != null ? List.of(singleFile) : Segments.list(settings.directory());
    }

    /** Writes the frame still waiting, seals the open segment and stops the thread. */
    @Override
    public void close() {
        gate.release(); // the frame waiting is written even when the window never showed one
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
        }
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeWriter(true);
        sealer.close();
    }
}
