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
        /** By UUID ("u:" + UUID) when the series carry one, else by index ("i:" + index). */
        final Map<String, GpuAccumulator> gpus = new HashMap<>();
        /** Which UUID each index belongs to, so series with only one of the two still find their GPU. */
        final Map<Integer, String> uuidByIndex = new HashMap<>();
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
    private long unplaced;

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

    private static final byte[] DCGM_PREFIX = "DCGM_".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    public void accept(SampleView s) {
        samples++;
        DcgmSeries series = DcgmSeries.of(s);
        if (series != null || s.nameStartsWith(DCGM_PREFIX)) {
            add(series, s); // a series FleetDeck does not read still says the GPU is there
        }
    }

    /** Adds a sample from any source (PromQL JSON). */
    public void accept(Sample s) {
        samples++;
        DcgmSeries series = DcgmSeries.of(s);
        if (series != null || s.name().startsWith("DCGM_")) {
            add(series, s);
        }
    }

    private void add(DcgmSeries series, Sample s) {
        int index = gpuIndex(s);
        String uuid = s.label(UUID);
        if (uuid != null && uuid.isBlank()) {
            uuid = null;
        }
        if (index < 0 && uuid == null) {
            unplaced++; // a series that names no GPU (an exporter's own metric) never becomes one
            return;
        }
        String node = nodeOf(s);
        if (node == null) {
            return;
        }
        used++;
        NodeAcc acc = nodes.computeIfAbsent(node, k -> new NodeAcc(regionOf(s)));
        GpuAccumulator gpu = gpuOf(acc, index, uuid);
        if (gpu.uuid.isEmpty() && uuid != null) {
            gpu.uuid = uuid;
        }
        if (gpu.modelName.isEmpty()) {
            String model = s.label(MODEL);
            gpu.modelName = model == null ? "" : model.strip();
        }
        if (acc.driver.isEmpty()) {
            String driver = s.label(DRIVER);
            acc.driver = driver == null ? "" : driver;
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
        if (series != null) {
            gpu.add(series, s.value(), s.label(GPU_I_ID), s.label(GPU_I_PROFILE));
        }
    }

    /**
     * The GPU a series belongs to, whatever order the series come in: by UUID where known, else by index; a GPU first
     * seen by index alone is adopted by the UUID that later comes with the same index.
     */
    private static GpuAccumulator gpuOf(NodeAcc acc, int index, String uuid) {
        if (uuid == null) {
            String known = acc.uuidByIndex.get(index);
            return acc.gpus.computeIfAbsent(known != null ? "u:" + known : "i:" + index,
                    k -> new GpuAccumulator(index));
        }
        GpuAccumulator gpu = acc.gpus.get("u:" + uuid);
        if (gpu == null) {
            gpu = index >= 0 ? acc.gpus.remove("i:" + index) : null;
            if (gpu == null || !gpu.uuid.isEmpty()) {
                gpu = new GpuAccumulator(index);
            }
            acc.gpus.put("u:" + uuid, gpu);
        }
        if (index >= 0) {
            acc.uuidByIndex.putIfAbsent(index, uuid);
            if (gpu.index < 0) {
                gpu.index = index;
            }
        }
        return gpu;
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

    /** Samples of dcgm series that name no GPU (no {@code gpu}, {@code device} or {@code UUID} label): left out. */
    public long unplacedSamples() {
        return unplaced;
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
            List<GpuAccumulator> ordered = new ArrayList<>(acc.gpus.values());
            ordered.sort(java.util.Comparator.comparingInt((GpuAccumulator g) -> g.index < 0 ? Integer.MAX_VALUE
                    : g.index).thenComparing(g -> g.uuid));
            int nextIndex = ordered.stream().mapToInt(g -> g.index).max().orElse(-1) + 1;
            for (GpuAccumulator g : ordered) {
                if (g.index < 0) {
                    g.index = nextIndex++; // known by UUID only: numbered after the GPUs with an index
                }
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
