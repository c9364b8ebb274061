package dev.fleetdeck.service.assembly;

import dev.fleetdeck.model.Capacity;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuModels;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;

/**
 * Accumulates GPU capacity of one group while the assembler walks the nodes. Not thread-safe.
 */
final class CapacityCounter {
    private final String model;
    private final String region;
    private final String provider;
    private int total;
    private int rented;
    private int reserved;
    private int free;
    private int unavailable;
    private int sellable;
    private double minFreePrice = Double.POSITIVE_INFINITY;
    private double minPrice = Double.POSITIVE_INFINITY;

    CapacityCounter(String model, String region, String provider) {
        this.model = model;
        this.region = region;
        this.provider = provider;
    }

    /** Counts an evaluated node. */
    void add(Node node) {
        int count = node.gpuCount();
        total += count;
        switch (node.state().bucket()) {
            case FREE -> {
                // A node with some GPUs allocated (Kubernetes requests) is part rented, part free.
                int allocated = Math.min(count, Math.max(0, node.allocatedGpus()));
                rented += allocated;
                free += count - allocated;
                sellable += Math.max(0, sellableGpus(node) - allocated);
            }
            case RENTED -> rented += count;
            case RESERVED -> reserved += count;
            case UNAVAILABLE -> unavailable += count;
        }
        double price = node.pricePerGpuHour();
        if (Metrics.isPresent(price)) {
            minPrice = Math.min(minPrice, price);
            if (node.state() == NodeState.AVAILABLE) {
                minFreePrice = Math.min(minFreePrice, price);
            }
        }
    }

    /** Free GPUs that can be sold: healthy GPUs on a node with no node-level problem. */
    static int sellableGpus(Node node) {
        for (var reason : node.healthReasons()) {
            if (reason.severity() != Health.OK) {
                return 0;
            }
        }
        if (node.hostname().isBlank() || GpuModels.UNKNOWN.equals(node.gpuModel())) {
            return 0; // nothing is sold that is not known: a GPU of no known model or node is never sellable
        }
        int healthy = 0;
        for (Gpu gpu : node.gpus()) {
            if (gpu.health().isHealthy() && !GpuModels.UNKNOWN.equals(gpu.model())) {
                healthy++;
            }
        }
        return healthy;
    }

    Capacity toCapacity() {
        double price = Double.isFinite(minFreePrice) ? minFreePrice : Double.isFinite(minPrice) ? minPrice : Metrics.ABSENT;
        return new Capacity(model, region, provider, total, rented, reserved, free, unavailable, sellable, price);
    }
}
