package dev.fleetdeck.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the flight recorder records (the {@code recording:} section of the configuration).
 *
 * @param enabled     whether the desktop app and {@code serve} record at all
 * @param directory   where the hourly segments go
 * @param resolution  the least time between two recorded frames (a frame sooner after the last is not written)
 * @param retention   segments older than this are removed
 * @param maxBytes    the most the segments may take together; the oldest go first
 * @param minFreeBytes below this much free space on the disk, recording pauses (and says so) while polling goes on
 * @param segment     how long one segment file covers; a segment is sealed (readable by other processes) when it ends
 */
public record RecordingSettings(boolean enabled, Path directory, Duration resolution, Duration retention, long maxBytes,
                                long minFreeBytes, Duration segment) {
    public static final Duration DEFAULT_RESOLUTION = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final long DEFAULT_MAX_BYTES = 10L << 30;
    public static final long DEFAULT_MIN_FREE_BYTES = 256L << 20;
    public static final Duration DEFAULT_SEGMENT = Duration.ofHours(1);

    public RecordingSettings {
        Objects.requireNonNull(directory, "directory");
        if (resolution.isNegative() || resolution.isZero()) {
            throw new IllegalArgumentException("recording resolution must be positive, not " + resolution);
        }
        if (retention.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("recording retention must be at least 1 h, not " + retention);
        }
        if (segment.compareTo(Duration.ofSeconds(1)) < 0 || segment.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("recording segment must be 1 s to 1 day, not " + segment);
        }
        if (maxBytes < 16L << 20) {
            throw new IllegalArgumentException("recording size limit must be at least 16 MiB, not " + maxBytes);
        }
    }

    /** The defaults, recording into {@code directory}. */
    public static RecordingSettings in(Path directory) {
        return new RecordingSettings(true, directory, DEFAULT_RESOLUTION, DEFAULT_RETENTION, DEFAULT_MAX_BYTES,
                DEFAULT_MIN_FREE_BYTES, DEFAULT_SEGMENT);
    }

    public RecordingSettings withResolution(Duration next) {
        return new RecordingSettings(enabled, directory, next, retention, maxBytes, minFreeBytes, segment);
    }

    public RecordingSettings withSegment(Duration next) {
        return new RecordingSettings(enabled, directory, resolution, retention, maxBytes, minFreeBytes, next);
    }

    public RecordingSettings withMinFreeBytes(long next) {
        return new RecordingSettings(enabled, directory, resolution, retention, maxBytes, next, segment);
    }

    /** Recording on, in the user's store, with the defaults. */
    public static RecordingSettings defaults() {
        return in(defaultDirectory());
    }

    /** The user's store: {@code $XDG_DATA_HOME/fleetdeck/recordings/}, else {@code ~/.local/share/fleetdeck/…}. */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("fleetdeck").resolve("recordings");
    }
}
