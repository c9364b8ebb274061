package dev.fleetdeck.provider.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GPU resources in Kubernetes terms: {@code nvidia.com/gpu} (whole GPUs) and {@code nvidia.com/mig-<profile>} (MIG
 * instances), on nodes (capacity, allocatable) and on pods (requests; for extended resources the limit, which must
 * equal the request, is often the only one written).
 */
final class GpuResources {
    static final String GPU = "nvidia.com/gpu";
    static final String MIG_PREFIX = "nvidia.com/mig-";

    private GpuResources() {
    }

    /** Whole GPUs plus MIG instances in a resource map. */
    static int count(Map<String, Quantity> resources) {
        if (resources == null) {
            return 0;
        }
        int n = 0;
        for (Map.Entry<String, Quantity> e : resources.entrySet()) {
            if (e.getKey().equals(GPU) || e.getKey().startsWith(MIG_PREFIX)) {
                n += whole(e.getValue());
            }
        }
        return n;
    }

    /** MIG instances per profile ({@code 1g.10gb → 7}), in key order. */
    static Map<String, Integer> mig(Map<String, Quantity> resources) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (resources != null) {
            resources.entrySet().stream().filter(e -> e.getKey().startsWith(MIG_PREFIX))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.put(e.getKey().substring(MIG_PREFIX.length()), whole(e.getValue())));
        }
        return out;
    }

    /** Whole GPUs only. */
    static int gpus(Map<String, Quantity> resources) {
        return resources == null || resources.get(GPU) == null ? 0 : whole(resources.get(GPU));
    }

    /** GPUs a pod holds: its containers' sum, or its largest init container if that is more (as the scheduler counts). */
    static int requested(Pod pod) {
        if (pod.getSpec() == null) {
            return 0;
        }
        int sum = 0;
        for (Container c : list(pod.getSpec().getContainers())) {
            sum += ofContainer(c);
        }
        int init = 0;
        for (Container c : list(pod.getSpec().getInitContainers())) {
            init = Math.max(init, ofContainer(c));
        }
        return Math.max(sum, init);
    }

    private static int ofContainer(Container c) {
        ResourceRequirements r = c.getResources();
        if (r == null) {
            return 0;
        }
        int requests = count(r.getRequests());
        return requests > 0 ? requests : count(r.getLimits());
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static int whole(Quantity q) {
        try {
            BigDecimal v = q.getNumericalAmount();
            return v.signum() <= 0 ? 0 : v.min(BigDecimal.valueOf(100_000)).intValue();
        } catch (ArithmeticException | IllegalArgumentException | NullPointerException e) {
            return 0;
        }
    }
}
