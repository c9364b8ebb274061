package dev.fleetdeck.service.history;

import dev.fleetdeck.model.FleetSnapshot;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything FleetDeck remembers of the past, in fixed memory: fleet aggregates ({@link FleetHistory}) and per-GPU
 * metrics ({@link GpuHistory}). Fed one snapshot at a time as a polling-service listener.
 *
 * <p>Threads: {@link #accept} runs on the assembler thread; queries on the parts from any thread.
 */
public final class History implements Consumer<FleetSnapshot> {
    private final FleetHistory fleet;
    private final GpuHistory gpus;

    public History() {
        this(new FleetHistory(), new GpuHistory());
    }

    public History(FleetHistory fleet, GpuHistory gpus) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.gpus = Objects.requireNonNull(gpus, "gpus");
    }

    /** Records a snapshot. */
    @Override
    public void accept(FleetSnapshot snap) {
        fleet.record(snap.takenAt(), FleetSeries.sample(snap));
        gpus.record(snap.takenAt(), snap.nodes());
    }

    public FleetHistory fleet() {
        return fleet;
    }

    public GpuHistory gpus() {
        return gpus;
    }

    /** Bytes held by the ring buffers now. */
    public long memoryBytes() {
        return fleet.memoryBytes() + gpus.memoryBytes();
    }
}
