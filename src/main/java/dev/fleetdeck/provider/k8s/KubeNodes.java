package dev.fleetdeck.provider.k8s;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.GpuModels;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.NodeState;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the cluster's nodes and pods into FleetDeck nodes: GPUs from capacity (MIG instances as GPUs with their
 * profile), model, memory, driver and CUDA from GPU feature discovery labels, region from topology labels, state from
 * the Ready condition, cordon and the GPUs pods request. Pure: tested without a cluster.
 */
final class KubeNodes {
    static final String PRODUCT = "nvidia.com/gpu.product";
    static final String MEMORY = "nvidia.com/gpu.memory";
    static final String REGION = "topology.kubernetes.io/region";
    static final String ZONE = "topology.kubernetes.io/zone";
    private static final Set<String> KNOWN_TAINTS = Set.of("node.kubernetes.io/unschedulable",
            "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable", "nvidia.com/gpu");

    private KubeNodes() {
    }

    /** What the cluster says now, as FleetDeck sees it. */
    record View(List<dev.fleetdeck.model.Node> nodes, Map<String, Integer> pendingByModel, int pendingPods,
                int nodesWithoutGpus) {
    }

    static View of(String provider, List<Node> nodes, List<Pod> pods, KubeSettings s) {
        Map<String, List<Pod>> byNode = new HashMap<>();
        Map<String, Integer> pending = new TreeMap<>();
        int pendingPods = 0;
        for (Pod p : pods) {
            String phase = p.getStatus() == null ? "" : String.valueOf(p.getStatus().getPhase());
            if (!phase.equals("Running") && !phase.equals("Pending")) {
                continue; // Succeeded and Failed pods hold nothing
            }
            if (!s.namespaces().isEmpty() && !s.namespaces().contains(p.getMetadata().getNamespace())) {
                continue;
            }
            int gpus = GpuResources.requested(p);
            if (gpus == 0) {
                continue;
            }
            String node = p.getSpec() == null ? null : p.getSpec().getNodeName();
            if (node == null || node.isBlank()) {
                pendingPods++;
                pending.merge(wantedModel(p), gpus, Integer::sum);
            } else {
                byNode.computeIfAbsent(node, k -> new ArrayList<>()).add(p);
            }
        }
        List<dev.fleetdeck.model.Node> out = new ArrayList<>();
        int withoutGpus = 0;
        for (Node n : nodes) {
            Map<String, io.fabric8.kubernetes.api.model.Quantity> capacity = n.getStatus() == null ? null
                    : n.getStatus().getCapacity();
            if (GpuResources.count(capacity) == 0) {
                withoutGpus++;
                continue;
            }
            out.add(node(provider, n, byNode.getOrDefault(n.getMetadata().getName(), List.of()), s));
        }
        out.sort(Comparator.comparing(dev.fleetdeck.model.Node::hostname));
        return new View(out, pending, pendingPods, withoutGpus);
    }

    private static dev.fleetdeck.model.Node node(String provider, Node n, List<Pod> pods, KubeSettings s) {
        Map<String, String> labels = n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels();
        var capacity = n.getStatus().getCapacity();
        var allocatableMap = n.getStatus().getAllocatable();
        int total = GpuResources.count(capacity);
        int allocatable = allocatableMap == null ? total : GpuResources.count(allocatableMap);
        String product = labels.getOrDefault(PRODUCT, "");
        String model = product.isBlank() ? "unknown" : GpuModels.normalize(product);
        double memoryMiB = parse(labels.get(MEMORY));
        List<Gpu> gpus = new ArrayList<>();
        int whole = GpuResources.gpus(capacity);
        for (int i = 0; i < whole; i++) {
            gpus.add(gpu(gpus.size(), model, memoryMiB, ""));
        }
        GpuResources.mig(capacity).forEach((profile, count) -> {
            for (int i = 0; i < count; i++) {
                gpus.add(gpu(gpus.size(), model, Metrics.ABSENT, profile));
            }
        });

        int requested = 0;
        Map<String, Integer> byTenant = new TreeMap<>();
        for (Pod p : pods) {
            int g = GpuResources.requested(p);
            requested += g;
            byTenant.merge(tenant(p, s), g, Integer::sum);
        }
        // The tenant holding most GPUs names the node (alphabetical on a tie); "+N" says how many others share it.
        Optional<String> tenant = byTenant.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .findFirst()
                .map(e -> byTenant.size() == 1 ? e.getKey() : e.getKey() + " +" + (byTenant.size() - 1));

        List<HealthReason> reasons = new ArrayList<>();
        boolean ready = ready(n);
        boolean cordoned = n.getSpec() != null && Boolean.TRUE.equals(n.getSpec().getUnschedulable());
        if (!ready) {
            reasons.add(new HealthReason(Health.CRIT, "node-not-ready", "Kubernetes reports the node NotReady"
                    + readyMessage(n)));
        }
        if (cordoned) {
            reasons.add(new HealthReason(Health.WARN, "cordoned", "the node is cordoned (unschedulable)"));
        }
        if (allocatable < total) {
            reasons.add(new HealthReason(Health.WARN, "gpu-unallocatable", total + " GPUs in capacity but "
                    + allocatable + " allocatable: the device plugin holds some back as unhealthy"));
        }
        if (n.getSpec() != null && n.getSpec().getTaints() != null) {
            for (Taint t : n.getSpec().getTaints()) {
                if ("NoExecute".equals(t.getEffect()) && !KNOWN_TAINTS.contains(t.getKey())) {
                    reasons.add(new HealthReason(Health.WARN, "tainted", "taint " + t.getKey()
                            + (t.getValue() == null ? "" : "=" + t.getValue()) + ":NoExecute"));
                }
            }
        }
        NodeState state = !ready ? NodeState.DOWN : cordoned ? NodeState.MAINTENANCE
                : allocatable > 0 && requested >= allocatable ? NodeState.RENTED : NodeState.AVAILABLE;
        String region = labels.getOrDefault(REGION, labels.getOrDefault(ZONE, s.region()));
        String driver = labels.getOrDefault("nvidia.com/cuda.driver-version.full", "");
        String cuda = labels.getOrDefault("nvidia.com/cuda.runtime-version.full", "");
        return new dev.fleetdeck.model.Node(n.getMetadata().getName(), provider, region, model, state, tenant,
                Metrics.ABSENT, driver, cuda, total, gpus, Health.UNKNOWN, reasons, Math.min(requested, total));
    }

    private static Gpu gpu(int index, String model, double memoryMiB, String mig) {
        return new Gpu(index, "", model, Metrics.ABSENT, Metrics.ABSENT, memoryMiB, Metrics.ABSENT, Metrics.ABSENT,
                Metrics.ABSENT, Metrics.ABSENT, Metrics.ABSENT, Metrics.ABSENT, Metrics.ABSENT, 0, Set.of(), mig,
                Health.UNKNOWN, List.of());
    }

    /** The tenant of a pod: the configured label (the customer), else the namespace. */
    static String tenant(Pod p, KubeSettings s) {
        if (s.tenantLabel().isPresent() && p.getMetadata().getLabels() != null) {
            String v = p.getMetadata().getLabels().get(s.tenantLabel().get());
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return String.valueOf(p.getMetadata().getNamespace());
    }

    /** The GPU model a pending pod asks for (its node selector or required affinity on the product label), or "any". */
    static String wantedModel(Pod p) {
        if (p.getSpec() != null && p.getSpec().getNodeSelector() != null) {
            String product = p.getSpec().getNodeSelector().get(PRODUCT);
            if (product != null && !product.isBlank()) {
                return GpuModels.normalize(product);
            }
        }
        if (p.getSpec() != null && p.getSpec().getAffinity() != null
                && p.getSpec().getAffinity().getNodeAffinity() != null
                && p.getSpec().getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
            for (var term : p.getSpec().getAffinity().getNodeAffinity()
                    .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms()) {
                if (term.getMatchExpressions() == null) {
                    continue;
                }
                for (var expr : term.getMatchExpressions()) {
                    if (PRODUCT.equals(expr.getKey()) && expr.getValues() != null && !expr.getValues().isEmpty()) {
                        return GpuModels.normalize(expr.getValues().getFirst());
                    }
                }
            }
        }
        return "any";
    }

    private static boolean ready(Node n) {
        if (n.getStatus() == null || n.getStatus().getConditions() == null) {
            return false;
        }
        for (NodeCondition c : n.getStatus().getConditions()) {
            if ("Ready".equals(c.getType())) {
                return "True".equals(c.getStatus());
            }
        }
        return false;
    }

    private static String readyMessage(Node n) {
        if (n.getStatus() == null || n.getStatus().getConditions() == null) {
            return " (no conditions reported)";
        }
        return n.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType()))
                .map(c -> c.getReason() == null ? "" : " (" + c.getReason() + ")").findFirst().orElse("");
    }

    private static double parse(String text) {
        if (text == null) {
            return Metrics.ABSENT;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return Metrics.ABSENT;
        }
    }
}
