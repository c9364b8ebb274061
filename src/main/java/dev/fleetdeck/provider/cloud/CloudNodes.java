package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.provider.SourceLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds fleet nodes from cloud instances, which report GPUs by count rather than one by one: each GPU gets the
 * instance's model, and metrics the API does not give are absent (NaN), never zero.
 */
public final class CloudNodes {
    private CloudNodes() {
    }

    /** What an instance is, as read from a cloud API. */
    public record Instance(String host, String region, String model, NodeState state, Optional<String> tenant,
                           double pricePerGpuHour, int gpus, double utilizationPct, double memoryUsedPct,
                           String driver, String cuda, List<HealthReason> reasons, int allocatedGpus) {
        public Instance {
            reasons = List.copyOf(reasons);
        }

        /** An instance whose GPUs are all its own (allocation not tracked). */
        public Instance(String host, String region, String model, NodeState state, Optional<String> tenant,
                        double pricePerGpuHour, int gpus, double utilizationPct, double memoryUsedPct, String driver,
                        String cuda, List<HealthReason> reasons) {
            this(host, region, model, state, tenant, pricePerGpuHour, gpus, utilizationPct, memoryUsedPct, driver,
                    cuda, reasons, -1);
        }
    }

    /**
     * The node for an instance of {@code provider}.
     *
     * @throws SourceLimits.Exceeded when the instance claims more GPUs than a node may have (checked before any
     *                               GPU is made)
     */
    public static Node node(String provider, SourceLimits limits, Instance i) {
        limits.checkGpus("instance " + i.host(), i.gpus());
        List<Gpu> gpus = new ArrayList<>(i.gpus());
        for (int g = 0; g < i.gpus(); g++) {
            double memTotal = Metrics.ABSENT;
            gpus.add(new Gpu(g, "", i.model(), i.utilizationPct(), Metrics.ABSENT, memTotal, Metrics.ABSENT,
                    Metrics.ABSENT, Metrics.ABSENT, Metrics.ABSENT, Metrics.ABSENT, Metrics.ABSENT, Metrics.ABSENT,
                    0, Set.of(), "", Health.UNKNOWN, List.of()));
        }
        return new Node(i.host(), provider, i.region(), i.model(), i.state(), i.tenant(), i.pricePerGpuHour(),
                i.driver(), i.cuda(), i.gpus(), gpus, Health.UNKNOWN, i.reasons(), i.allocatedGpus());
    }

    /** The health reason of an item whose data is incomplete. */
    public static HealthReason incomplete(String message) {
        return new HealthReason(Health.UNKNOWN, "incomplete-data", message);
    }

    /** A host name unique within one poll: the instance's name, or with its id when two share a name. */
    public static String uniqueHost(String name, String id, java.util.Set<String> seen) {
        String base = name == null || name.isBlank() ? id : name.strip();
        if (seen.add(base)) {
            return base;
        }
        String withId = base + " (" + (id.length() > 8 ? id.substring(0, 8) : id) + ")";
        seen.add(withId);
        return withId;
    }
}
