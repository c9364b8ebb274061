package dev.fleetdeck.service.recording;

import dev.fleetdeck.model.RecordingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes whole segments: those that ended longer ago than the retention, then the oldest while all of them
 * together take more than the size limit. The segment being written is never removed. Recorder thread.
 */
final class Retention {
    private static final System.Logger LOG = System.getLogger(Retention.class.getName());

    private Retention() {
    }

    /** @return the segments removed */
    static List<Path> apply(RecordingSettings settings, Instant now, Path current) {
        List<Path> removed = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        for (Path p : Segments.list(settings.directory())) {
            Instant end = Segments.startOf(p).plus(settings.segment());
            if (!p.equals(current) && end.plus(settings.retention()).isBefore(now)) {
                delete(p, removed);
            } else {
                kept.add(p);
            }
        }
        long total = 0;
        for (Path p : kept) {
            total += size(p) + size(wal(p));
        }
        for (Path p : kept) {
            if (total <= settings.maxBytes() || p.equals(current)) {
                break;
            }
            total -= size(p) + size(wal(p));
            delete(p, removed);
        }
        return removed;
    }

    private static Path wal(Path p) {
        return p.resolveSibling(p.getFileName() + ".wal");
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path p, List<Path> removed) {
        try {
            Files.deleteIfExists(p);
            Files.deleteIfExists(wal(p));
            removed.add(p);
            LOG.log(System.Logger.Level.INFO, "removed old recording " + p);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove old recording " + p + ": " + e.getMessage());
        }
    }
}
