package dev.fleetdeck.service.idle;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds rented GPUs that stay idle: utilisation under {@code belowPct} for at least {@code idleFor} (defaults 5 % and
 * 15 min). Idle GPUs × the node's price per GPU-hour = idle cost per hour, summed per node, tenant, model and fleet.
 * A GPU counts from the first snapshot it was under the threshold; any snapshot above it (or the node no longer
 * rented, or no utilisation reported) starts it over.
 *
 * <p>Threads: {@link #accept} on the assembler thread; {@link #latest} from any thread.
 */
public final class IdleTracker implements Consumer<FleetSnapshot> {
    private volatile double belowPct;
    private volatile long idleForMs;
    /** Per node key, per GPU index: since when under the threshold (epoch ms), or -1. */
    private final Map<String, long[]> since = new HashMap<>();
    private volatile IdleReport latest = IdleReport.EMPTY;

    public IdleTracker(double belowPct, Duration idleFor) {
        this.belowPct = belowPct;
        this.idleForMs = idleFor.toMillis();
    }

    /** Applies new thresholds (a reloaded configuration) from the next snapshot on. */
    public void reconfigure(double belowPct, Duration idleFor) {
        this.belowPct = belowPct;
        this.idleForMs = idleFor.toMillis();
    }

    @Override
    public void accept(FleetSnapshot snap) {
        long now = snap.takenAt().toEpochMilli();
        Map<String, long[]> seen = new HashMap<>();
        List<IdleReport.NodeIdle> idleNodes = new ArrayList<>();
        int idle = 0;
        double cost = 0;
        for (Node node : snap.nodes()) {
            if (node.state() != NodeState.RENTED || node.gpus().isEmpty()) {
                continue;
            }
            String key = node.provider() + "/" + node.hostname();
            long[] s = since.get(key);
            int size = 0;
            for (Gpu g : node.gpus()) {
                size = Math.max(size, g.index() + 1);
            }
            if (size > 4096) {
                continue;
            }
            if (s == null || s.length < size) {
                long[] grown = new long[size];
                java.util.Arrays.fill(grown, -1);
                if (s != null) {
                    System.arraycopy(s, 0, grown, 0, s.length);
                }
                s = grown;
            }
            seen.put(key, s);
            int nodeIdle = 0;
            long longest = 0;
            for (Gpu g : node.gpus()) {
                if (g.index() < 0) {
                    continue;
                }
                double u = g.utilizationPct();
                if (!Metrics.isPresent(u) || u >= belowPct) {
                    s[g.index()] = -1;
                    continue;
                }
                if (s[g.index()] < 0) {
                    s[g.index()] = now;
                }
                long forMs = now - s[g.index()];
                if (forMs >= idleForMs) {
                    nodeIdle++;
                    longest = Math.max(longest, forMs);
                }
            }
            if (nodeIdle > 0) {
                double price = Metrics.isPresent(node.pricePerGpuHour()) ? node.pricePerGpuHour() : 0;
                idleNodes.add(new IdleReport.NodeIdle(node, nodeIdle, nodeIdle * price, Duration.ofMillis(longest)));
                idle += nodeIdle;
                cost += nodeIdle * price;
            }
        }
        // Nodes not rented now (or gone) start over next time.
        since.keySet().retainAll(seen.keySet());
        since.putAll(seen);
        idleNodes.sort(Comparator.comparingDouble(IdleReport.NodeIdle::costPerHour).reversed()
                .thenComparing(IdleReport.NodeIdle::idleFor, Comparator.reverseOrder()));
        latest = new IdleReport(snap.sequence(), snap.takenAt(), idle, cost, idleNodes,
                group(idleNodes, n -> n.node().tenant().orElse("(none)")), group(idleNodes, n -> n.node().gpuModel()));
    }

    private static List<IdleReport.Group> group(List<IdleReport.NodeIdle> nodes,
                                                java.util.function.Function<IdleReport.NodeIdle, String> by) {
        Map<String, double[]> sums = new HashMap<>();
        for (IdleReport.NodeIdle n : nodes) {
            double[] v = sums.computeIfAbsent(by.apply(n), k -> new double[3]);
            v[0] += n.idleGpus();
            v[1] += n.costPerHour();
            v[2] = Math.max(v[2], n.idleFor().toMillis());
        }
        List<IdleReport.Group> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, double[]>> it = sums.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            out.add(new IdleReport.Group(e.getKey(), (int) e.getValue()[0], e.getValue()[1],
                    Duration.ofMillis((long) e.getValue()[2])));
        }
        out.sort(Comparator.comparingDouble(IdleReport.Group::costPerHour).reversed()
                .thenComparing(IdleReport.Group::name));
        return out;
    }

    /** The report of the latest snapshot. */
    public IdleReport latest() {
        return latest;
    }
}
