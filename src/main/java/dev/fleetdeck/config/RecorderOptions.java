package dev.fleetdeck.config;

import dev.fleetdeck.model.RecordingSettings;
import dev.fleetdeck.provider.ProviderOptions;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads the {@code recording:} section (the flight recorder):
 * <pre>
 * recording:
 *   enabled: true
 *   resolution: 10s          # least time between two recorded frames, 1s-10m
 *   retention: 30d           # segments older than this are removed, 1h-365d
 *   max-size: 10GiB          # all segments together; the oldest go first
 *   location: ~/.local/share/fleetdeck/recordings
 * </pre>
 */
final class RecorderOptions {
    private RecorderOptions() {
    }

    static RecordingSettings read(ProviderOptions o) {
        RecordingSettings d = RecordingSettings.defaults();
        boolean enabled = o.getBoolean("enabled", true);
        Duration resolution = o.getDuration("resolution", d.resolution());
        if (resolution.compareTo(Duration.ofSeconds(1)) < 0 || resolution.compareTo(Duration.ofMinutes(10)) > 0) {
            o.error("resolution", "must be 1s to 10m");
            resolution = d.resolution();
        }
        Duration retention = o.getDuration("retention", d.retention());
        if (retention.compareTo(Duration.ofHours(1)) < 0 || retention.compareTo(Duration.ofDays(365)) > 0) {
            o.error("retention", "must be 1h to 365d");
            retention = d.retention();
        }
        long maxBytes = o.getByteSize("max-size", d.maxBytes(), 16L << 20, 1L << 50);
        Path location = o.findString("location").map(p -> p.startsWith("~/")
                ? Path.of(System.getProperty("user.home"), p.substring(2)) : Path.of(p)).orElse(d.directory());
        return new RecordingSettings(enabled, location, resolution, retention, maxBytes, d.minFreeBytes(),
                d.segment());
    }
}
