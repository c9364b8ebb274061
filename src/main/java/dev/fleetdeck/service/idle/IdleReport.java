package dev.fleetdeck.service.idle;

import dev.fleetdeck.model.Node;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Rented GPUs that sit idle at one snapshot, and what that costs per hour.
 *
 * @param sequence     the snapshot's sequence number
 * @param at           the snapshot's time
 * @param idleGpus     rented GPUs idle for at least the idle duration
 * @param costPerHour  their list price per hour, USD (GPUs without a price count as $0)
 * @param nodes        nodes with idle GPUs, the most expensive first (then the longest idle)
 * @param byTenant     idle GPUs and cost per tenant, the most expensive first
 * @param byModel      idle GPUs and cost per GPU model, the most expensive first
 */
public record IdleReport(long sequence, Instant at, int idleGpus, double costPerHour, List<NodeIdle> nodes,
                         List<Group> byTenant, List<Group> byModel) {
    public static final IdleReport EMPTY = new IdleReport(-1, Instant.EPOCH, 0, 0, List.of(), List.of(), List.of());

    public IdleReport {
        nodes = List.copyOf(nodes);
        byTenant = List.copyOf(byTenant);
        byModel = List.copyOf(byModel);
    }

    /** One node's idle GPUs. */
    public record NodeIdle(Node node, int idleGpus, double costPerHour, Duration idleFor) {
    }

    /** A tenant's or model's idle GPUs. */
    public record Group(String name, int idleGpus, double costPerHour, Duration longestIdle) {
    }

    /** Idle GPUs per node key ({@code provider/host}), for grouping by any scope. */
    public Map<String, NodeIdle> byNodeKey() {
        Map<String, NodeIdle> m = new java.util.HashMap<>();
        for (NodeIdle n : nodes) {
            m.put(n.node().provider() + "/" + n.node().hostname(), n);
        }
        return m;
    }
}
