package dev.fleetdeck.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One server and its GPUs.
 *
 * @param hostname        the node's name, unique within its provider
 * @param provider        the configured name of the provider that reported it
 * @param region          region or site, e.g. {@code us-east-1}
 * @param gpuModel        normalised model key of its GPUs, e.g. {@code H100}
 * @param state           what it is doing
 * @param tenant          who rents or reserves it; empty when nobody does
 * @param pricePerGpuHour list price in USD per GPU-hour, {@link Metrics#ABSENT} when unknown
 * @param driverVersion   NVIDIA driver version, empty when unknown
 * @param cudaVersion     CUDA version, empty when unknown
 * @param expectedGpus    how many GPUs the node should have (its inventory), so a GPU that fell off the bus shows
 * @param gpus            the GPUs reported now
 * @param health          evaluated health (worst of its GPUs and its own reasons)
 * @param healthReasons   node-level reasons (down, GPU count dropped, data stale)
 * @param allocatedGpus   GPUs allocated to workloads on a node the source tracks allocation for (Kubernetes GPU
 *                        requests, Lepton), so a partly used node counts part rented, part free; -1 when the source
 *                        gives the node's state only
 */
public record Node(
        String hostname,
        String provider,
        String region,
        String gpuModel,
        NodeState state,
        Optional<String> tenant,
        double pricePerGpuHour,
        String driverVersion,
        String cudaVersion,
        int expectedGpus,
        List<Gpu> gpus,
        Health health,
        List<HealthReason> healthReasons,
        int allocatedGpus) {

    public Node {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(gpuModel, "gpuModel");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(driverVersion, "driverVersion");
        Objects.requireNonNull(cudaVersion, "cudaVersion");
        Objects.requireNonNull(health, "health");
        if (expectedGpus < 0) {
            throw new IllegalArgumentException("expectedGpus < 0 for " + hostname);
        }
        gpus = List.copyOf(gpus);
        healthReasons = List.copyOf(healthReasons);
    }

    /** A node whose source does not track allocation. */
    public Node(String hostname, String provider, String region, String gpuModel, NodeState state,
                Optional<String> tenant, double pricePerGpuHour, String driverVersion, String cudaVersion,
                int expectedGpus, List<Gpu> gpus, Health health, List<HealthReason> healthReasons) {
        this(hostname, provider, region, gpuModel, state, tenant, pricePerGpuHour, driverVersion, cudaVersion,
                expectedGpus, gpus, health, healthReasons, -1);
    }

    /** GPUs this node counts for in capacity: its inventory, or what it reports if that is more. */
    public int gpuCount() {
        return Math.max(expectedGpus, gpus.size());
    }

    /** This node with another state (e.g. UNREACHABLE when its provider stopped answering). */
    public Node withState(NodeState newState) {
        return new Node(hostname, provider, region, gpuModel, newState, tenant, pricePerGpuHour, driverVersion,
                cudaVersion, expectedGpus, gpus, health, healthReasons, allocatedGpus);
    }

    /** This node with re-evaluated GPUs and health. */
    public Node withHealth(List<Gpu> newGpus, Health newHealth, List<HealthReason> reasons) {
        return new Node(hostname, provider, region, gpuModel, state, tenant, pricePerGpuHour, driverVersion,
                cudaVersion, expectedGpus, newGpus, newHealth, reasons, allocatedGpus);
    }
}
