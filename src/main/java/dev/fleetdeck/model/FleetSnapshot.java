package dev.fleetdeck.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The whole fleet at one moment: the unit that the UI, the CLI, alerts and tests all read. Immutable.
 *
 * @param sequence   increases by one with each snapshot the service publishes
 * @param takenAt    when it was assembled
 * @param nodes      every node of every provider, providers in configuration order, nodes as each reports them
 * @param providers  status of every configured provider, in configuration order
 * @param byModel    capacity per GPU model (region and provider rolled up), largest first
 * @param byRegion   capacity per region (model and provider rolled up), largest first
 * @param detailed   capacity per model × region × provider
 * @param totals     fleet-wide figures
 * @param market     what the configured clouds offer for rent now, kept apart from the fleet's own capacity; offers
 *                   of a source unreachable for longer than the unreachable-after setting are left out
 */
public record FleetSnapshot(
        long sequence,
        Instant takenAt,
        List<Node> nodes,
        List<ProviderStatus> providers,
        List<Capacity> byModel,
        List<Capacity> byRegion,
        List<Capacity> detailed,
        FleetTotals totals,
        List<Offer> market) {

    public FleetSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(totals, "totals");
        nodes = List.copyOf(nodes);
        providers = List.copyOf(providers);
        byModel = List.copyOf(byModel);
        byRegion = List.copyOf(byRegion);
        detailed = List.copyOf(detailed);
        market = List.copyOf(market);
    }

    /** A snapshot without market offers. */
    public FleetSnapshot(long sequence, Instant takenAt, List<Node> nodes, List<ProviderStatus> providers,
                         List<Capacity> byModel, List<Capacity> byRegion, List<Capacity> detailed, FleetTotals totals) {
        this(sequence, takenAt, nodes, providers, byModel, byRegion, detailed, totals, List.of());
    }

    /** Number of GPUs reported across the fleet. */
    public int gpuCount() {
        return totals.capacity().total();
    }
}
