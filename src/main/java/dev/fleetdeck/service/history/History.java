package dev.fleetdeck.service.history;

import dev.fleetdeck.model.FleetSnapshot;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything FleetDeck remembers of the past, in fixed memory: fleet aggregates ({@link FleetHistory}) and per-GPU
 * metrics ({@link GpuHistory}) in three tiers: 5 s over 15 min, 1-min means over 1 h and 10-min means over 24 h
 * (about 3.1 KB per GPU in all). Fed one snapshot at a time as a polling-service listener.
 *
 * <p>Threads: {@link #accept} runs on the assembler thread; queries on the parts from any thread.
 */
public final class History implements Consumer<FleetSnapshot>, HistoryReader {
    private final FleetHistory fleet;
    private final GpuHistory gpus;
    private final GpuHistory gpusHour;
    private final GpuHistory gpusDay;
    static final long HOUR_SAMPLE_MS = 5_000;
    static final long DAY_SAMPLE_MS = 30_000;
    private long hourSampledAt = Long.MIN_VALUE / 2;
    private long daySampledAt = Long.MIN_VALUE / 2;

    public History() {
        this(new FleetHistory(), new GpuHistory());
    }

    public History(FleetHistory fleet, GpuHistory gpus) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.gpus = Objects.requireNonNull(gpus, "gpus");
        this.gpusHour = new GpuHistory(java.time.Duration.ofMinutes(1), java.time.Duration.ofHours(1),
                GpuHistory.DEFAULT_MAX_GPUS, true);
        this.gpusDay = new GpuHistory(java.time.Duration.ofMinutes(10), java.time.Duration.ofHours(24),
                GpuHistory.DEFAULT_MAX_GPUS, true);
    }

    /** Records a snapshot. */
    @Override
    public void accept(FleetSnapshot snap) {
        fleet.record(snap.takenAt(), FleetSeries.sample(snap));
        gpus.record(snap.takenAt(), snap.nodes());
        // The averaging tiers take a sample every 5 s and 30 s: their 1-min and 10-min means stay representative at
        // a fraction of the cost of recording 100k GPUs three times per poll.
        long at = snap.takenAt().toEpochMilli();
        if (at - hourSampledAt >= HOUR_SAMPLE_MS || at < hourSampledAt) {
            hourSampledAt = at;
            gpusHour.record(snap.takenAt(), snap.nodes());
        }
        if (at - daySampledAt >= DAY_SAMPLE_MS || at < daySampledAt) {
            daySampledAt = at;
            gpusDay.record(snap.takenAt(), snap.nodes());
        }
    }

    public FleetHistory fleet() {
        return fleet;
    }

    public GpuHistory gpus() {
        return gpus;
    }

    /** The finest per-GPU tier whose span covers {@code window} (the day tier for anything longer than 1 h). */
    public GpuHistory gpusFor(java.time.Duration window) {
        if (window.compareTo(gpus.span()) <= 0) {
            return gpus;
        }
        return window.compareTo(gpusHour.span()) <= 0 ? gpusHour : gpusDay;
    }

    @Override
    public Series fleet(String key, java.time.Duration window, java.time.Instant now) {
        return fleet.query(key, window, now);
    }

    @Override
    public Series gpu(String provider, String hostname, int gpuIndex, GpuMetric metric, java.time.Duration window) {
        return gpusFor(window).query(provider, hostname, gpuIndex, metric);
    }

    @Override
    public long revision(java.time.Duration window) {
        return gpusFor(window).latestSlotMillis();
    }

    /** Bytes the per-GPU tiers hold now (fine, hour, day). */
    public long gpuMemoryBytes() {
        return gpus.memoryBytes() + gpusHour.memoryBytes() + gpusDay.memoryBytes();
    }

    /** Bytes held by the ring buffers now. */
    public long memoryBytes() {
        return fleet.memoryBytes() + gpus.memoryBytes() + gpusHour.memoryBytes() + gpusDay.memoryBytes();
    }
}
