package dev.fleetdeck.service.history;

import java.time.Duration;
import java.time.Instant;

/**
 * Read-only access to the fleet's past, as a frame carries it: fleet-wide series and per-GPU series. Views query it
 * while they render; they cannot write to it. Implementations are safe to call from any thread (the FX thread
 * included: every query copies out of a ring buffer under its lock, microseconds).
 */
public interface HistoryReader {
    /** A reader with no past at all. */
    HistoryReader NONE = new HistoryReader() {
        @Override
        public Series fleet(String key, Duration window, Instant now) {
            return Series.empty(key);
        }

        @Override
        public Series gpu(String provider, String hostname, int gpuIndex, GpuMetric metric, Duration window) {
            return Series.empty(metric.name());
        }

        @Override
        public long revision(Duration window) {
            return 0;
        }
    };

    /** One fleet-wide series ({@link FleetSeries} keys) over {@code window} up to {@code now}. */
    Series fleet(String key, Duration window, Instant now);

    /** One GPU's metric from the finest tier whose span covers {@code window}. */
    Series gpu(String provider, String hostname, int gpuIndex, GpuMetric metric, Duration window);

    /** Changes whenever the tier that serves {@code window} gains a slot (views redraw only then). */
    long revision(Duration window);
}
