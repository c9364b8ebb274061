package dev.fleetdeck.service.assembly;

import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One node from two sources: a source that knows allocation, state and tenants (Kubernetes) takes the per-GPU
 * metrics of another (Prometheus/DCGM) for the node of the same name. The allocation source's node keeps its name,
 * state, tenant, region and GPU count; the GPUs (with temperatures, utilisation, XIDs, UUIDs) come from the metrics
 * source, whose own copy of the node is then left out so nothing counts twice. Names match without case and without
 * domain ({@code gpu-7.cluster.local} is {@code gpu-7}).
 */
final class NodeJoin {
    private NodeJoin() {
    }

    /**
     * @param nodes every provider's nodes, in order
     * @param joins allocation source name → metrics source names
     */
    static List<Node> apply(List<Node> nodes, Map<String, List<String>> joins) {
        if (joins.isEmpty()) {
            return nodes;
        }
        Map<String, Map<String, Node>> metricsBySource = new HashMap<>();
        Set<String> metricSources = new java.util.HashSet<>();
        joins.values().forEach(metricSources::addAll);
        for (Node n : nodes) {
            if (metricSources.contains(n.provider())) {
                metricsBySource.computeIfAbsent(n.provider(), k -> new HashMap<>()).putIfAbsent(key(n.hostname()), n);
            }
        }
        Map<Node, Node> replaced = new IdentityHashMap<>();
        Set<Node> absorbed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : nodes) {
            List<String> from = joins.get(n.provider());
            if (from == null) {
                continue;
            }
            for (String source : from) {
                Node metrics = metricsBySource.getOrDefault(source, Map.of()).get(key(n.hostname()));
                if (metrics != null && !absorbed.contains(metrics)) {
                    replaced.put(n, merge(n, metrics));
                    absorbed.add(metrics);
                    break;
                }
            }
        }
        if (replaced.isEmpty()) {
            return nodes;
        }
        List<Node> out = new ArrayList<>(nodes.size() - absorbed.size());
        for (Node n : nodes) {
            if (!absorbed.contains(n)) {
                out.add(replaced.getOrDefault(n, n));
            }
        }
        return out;
    }

    static Node merge(Node allocation, Node metrics) {
        List<HealthReason> reasons = new ArrayList<>(allocation.healthReasons());
        reasons.addAll(metrics.healthReasons());
        String model = allocation.gpuModel().equals("unknown") ? metrics.gpuModel() : allocation.gpuModel();
        return new Node(allocation.hostname(), allocation.provider(), allocation.region(), model, allocation.state(),
                allocation.tenant().or(metrics::tenant),
                Metrics.isPresent(allocation.pricePerGpuHour()) ? allocation.pricePerGpuHour() : metrics.pricePerGpuHour(),
                allocation.driverVersion().isEmpty() ? metrics.driverVersion() : allocation.driverVersion(),
                allocation.cudaVersion().isEmpty() ? metrics.cudaVersion() : allocation.cudaVersion(),
                Math.max(allocation.expectedGpus(), metrics.expectedGpus()),
                metrics.gpus().isEmpty() ? allocation.gpus() : metrics.gpus(), allocation.health(), reasons,
                allocation.allocatedGpus());
    }

    /** {@code GPU-7.cluster.local} → {@code gpu-7}. */
    static String key(String hostname) {
        String h = hostname.toLowerCase(Locale.ROOT);
        int dot = h.indexOf('.');
        return dot > 0 && !Character.isDigit(h.charAt(0)) ? h.substring(0, dot) : h;
    }
}
