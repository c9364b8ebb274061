package dev.fleetdeck.model;

import java.util.Objects;

/**
 * GPU capacity of one group (a model × region × provider, or a roll-up of those). Counts are GPUs, not nodes.
 * free + rented + reserved + unavailable = total always holds; sellable ≤ free.
 *
 * @param gpuModel        model key, or {@code *} for all
 * @param region          region, or {@code *} for all
 * @param provider        provider name, or {@code *} for all
 * @param total           all GPUs in the group
 * @param rented          GPUs on rented nodes
 * @param reserved        GPUs on reserved nodes
 * @param free            GPUs on available nodes
 * @param unavailable     GPUs on nodes in maintenance, down or unreachable
 * @param sellable        free GPUs that are healthy
 * @param pricePerGpuHour lowest list price among the group's free nodes (else among all), USD; NaN when unknown
 */
public record Capacity(
        String gpuModel,
        String region,
        String provider,
        int total,
        int rented,
        int reserved,
        int free,
        int unavailable,
        int sellable,
        double pricePerGpuHour) {

    /** Wildcard used for a dimension that is rolled up. */
    public static final String ALL = "*";

    public Capacity {
        Objects.requireNonNull(gpuModel, "gpuModel");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(provider, "provider");
        if (free + rented + reserved + unavailable != total) {
            throw new IllegalArgumentException("capacity buckets do not add up to total " + total);
        }
        if (sellable > free || sellable < 0) {
            throw new IllegalArgumentException("sellable " + sellable + " outside 0.." + free);
        }
    }

    /** Allocated share: (rented + reserved) / total in %, or 0 for an empty group. */
    public double allocationPct() {
        return total == 0 ? 0 : 100.0 * (rented + reserved) / total;
    }
}
