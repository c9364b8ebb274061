package dev.fleetdeck.provider.prom.dcgm;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Metrics;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.NodeState;
import dev.fleetdeck.provider.prom.expo.LabelKey;
import dev.fleetdeck.provider.prom.expo.Sample;
import dev.fleetdeck.provider.prom.expo.SampleSink;
import dev.fleetdeck.provider.prom.expo.SampleView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Gathers dcgm-exporter series (from a scrape or a PromQL answer) into nodes and GPUs. Not thread-safe: one per
 * parse, or one per poll fed by one thread at a time.
 */
public final class DcgmCollector implements SampleSink {
    private static final LabelKey GPU = LabelKey.of("gpu");
    private static final LabelKey DEVICE = LabelKey.of("device");
    private static final LabelKey UUID = LabelKey.of("UUID");
    private static final LabelKey MODEL = LabelKey.of("modelName");
    private static final LabelKey GPU_I_ID = LabelKey.of("GPU_I_ID");
    private static final LabelKey GPU_I_PROFILE = LabelKey.of("GPU_I_PROFILE");
    private static final LabelKey POD = LabelKey.of("pod");
    private static final LabelKey EXPORTED_POD = LabelKey.of("exported_pod");
    private static final LabelKey CONTAINER = LabelKey.of("container");
    private static final LabelKey EXPORTED_CONTAINER = LabelKey.of("exported_container");
    private static final LabelKey DRIVER = LabelKey.of("DCGM_FI_DRIVER_VERSION");
    private static final LabelKey INSTANCE = LabelKey.of("instance");

    private static final class NodeAcc {
        final String region;
        final Map<Integer, GpuAccumulator> gpus = new TreeMap<>();
        String driver = "";

        NodeAcc(String region) {
            this.region = region;
        }
    }

    private final LabelMapping mapping;
    private final LabelKey exportedTenant;
    private final String fallbackNode;
    private final Map<String, String> fallbackLabels;
    private final Map<String, NodeAcc> nodes = new LinkedHashMap<>();
    private long samples;
    private long used;

    /**
     * @param mapping        which labels name node, region and tenant
     * @param fallbackNode   the node for series without any node label (a scrape target's host), or null
     * @param targetLabels   labels of the scrape target (file_sd), used when a series lacks them
     */
    public DcgmCollector(LabelMapping mapping, String fallbackNode, Map<String, String> targetLabels) {
        this.mapping = mapping;
        this.exportedTenant = LabelKey.of("exported_" + mapping.tenantLabel().name());
        this.fallbackNode = fallbackNode;
        this.fallbackLabels = Map.copyOf(targetLabels);
    }

    @Override
    public void accept(SampleView s) {
        samples++;
        DcgmSeries series = DcgmSeries.of(s);
        if (series != null) {
            add(series, s);
        }
    }

    /** Adds a sample from any source (PromQL JSON). */
    public void accept(Sample s) {
        samples++;
        DcgmSeries series = DcgmSeries.of(s);
        if (series != null) {
            add(series, s);
        }
    }

    private void add(DcgmSeries series, Sample s) {
        String node = nodeOf(s);
        if (node == null) {
            return;
        }
        used++;
        NodeAcc acc = nodes.computeIfAbsent(node, k -> new NodeAcc(regionOf(s)));
        int index = gpuIndex(s);
        GpuAccumulator gpu = acc.gpus.computeIfAbsent(index, GpuAccumulator::new);
        if (gpu.uuid.isEmpty()) {
            String uuid = s.label(UUID);
            gpu.uuid = uuid == null ? "" : uuid;
            String model = s.label(MODEL);
            gpu.modelName = model == null ? "" : model;
            if (acc.driver.isEmpty()) {
                String driver = s.label(DRIVER);
                acc.driver = driver == null ? "" : driver;
            }
        }
        // With honor_labels off, Prometheus renames the workload's pod/namespace to exported_*; with it on (or when
        // scraping directly) an idle GPU may carry the exporter's own pod, which is not a workload.
        boolean exported = s.label(EXPORTED_POD) != null;
        String pod = exported ? s.label(EXPORTED_POD) : s.label(POD);
        String container = exported ? s.label(EXPORTED_CONTAINER) : s.label(CONTAINER);
        if (pod != null && !pod.isEmpty() && !isExporterItself(pod, container)) {
            gpu.hasWorkload = true;
            String tenant = exported ? s.label(exportedTenant) : null;
            if (tenant == null || tenant.isEmpty()) {
                tenant = s.label(mapping.tenantLabel());
            }
            if (tenant != null && !tenant.isEmpty()) {
                gpu.tenant = tenant;
            }
        }
        gpu.add(series, s.value(), s.label(GPU_I_ID), s.label(GPU_I_PROFILE));
    }

    private static boolean isExporterItself(String pod, String container) {
        return pod.contains("dcgm-exporter") || (container != null && container.contains("dcgm-exporter"));
    }

    private String nodeOf(Sample s) {
        for (LabelKey k : mapping.nodeLabels()) {
            String v = s.label(k);
            if (v != null && !v.isEmpty()) {
                return k.equals(INSTANCE) ? stripPort(v) : v;
            }
        }
        return fallbackNode;
    }

    private String regionOf(Sample s) {
        String r = s.label(mapping.regionLabel());
        if (r == null || r.isEmpty()) {
            r = fallbackLabels.get(mapping.regionLabel().name());
        }
        return r == null || r.isEmpty() ? mapping.defaultRegion() : r;
    }

    private static int gpuIndex(Sample s) {
        String g = s.label(GPU);
        if (g != null) {
            try {
                return Integer.parseInt(g.strip());
            } catch (NumberFormatException e) {
                // fall through to the device name
            }
        }
        String d = s.label(DEVICE);
        if (d != null && d.startsWith("nvidia")) {
            try {
                return Integer.parseInt(d.substring(6));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private static String stripPort(String instance) {
        if (instance.startsWith("[")) {
            int close = instance.indexOf(']');
            return close > 0 ? instance.substring(1, close) : instance;
        }
        int colon = instance.lastIndexOf(':');
        return colon > 0 && instance.indexOf(':') == colon ? instance.substring(0, colon) : instance;
    }

    /** Samples seen, and those that were dcgm series with a node. */
    public long samples() {
        return samples;
    }

    public long usedSamples() {
        return used;
    }

    /** Node names collected so far. */
    public List<String> nodeNames() {
        return List.copyOf(nodes.keySet());
    }

    /**
     * The nodes. {@code inventory} remembers the most GPUs seen per node across polls, so a GPU that stops
     * reporting shows as missing; it is updated here.
     */
    public List<Node> nodes(String provider, Map<String, Integer> inventory) {
        List<Node> out = new ArrayList<>(nodes.size());
        for (Map.Entry<String, NodeAcc> e : nodes.entrySet()) {
            NodeAcc acc = e.getValue();
            List<Gpu> gpus = new ArrayList<>(acc.gpus.size());
            Map<String, Integer> models = new HashMap<>();
            Map<String, Integer> tenants = new HashMap<>();
            boolean busy = false;
            for (GpuAccumulator g : acc.gpus.values()) {
                Gpu gpu = g.toGpu();
                gpus.add(gpu);
                models.merge(gpu.model(), 1, Integer::sum);
                busy |= g.hasWorkload;
                if (g.tenant != null) {
                    tenants.merge(g.tenant, 1, Integer::sum);
                }
            }
            int expected = inventory.merge(e.getKey(), gpus.size(), Math::max);
            String model = top(models).orElse("unknown");
            Optional<String> tenant = top(tenants);
            out.add(new Node(e.getKey(), provider, acc.region, model, busy ? NodeState.RENTED : NodeState.AVAILABLE,
                    tenant, Metrics.ABSENT, acc.driver, "", expected, gpus, Health.UNKNOWN, List.of()));
        }
        return out;
    }

    private static Optional<String> top(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey);
    }
}
