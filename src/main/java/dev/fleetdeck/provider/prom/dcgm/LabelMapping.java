package dev.fleetdeck.provider.prom.dcgm;

import dev.fleetdeck.provider.prom.expo.LabelKey;

import java.util.List;

/**
 * Which labels say what. dcgm-exporter renamed {@code Hostname} to {@code hostname}; Kubernetes setups often carry
 * the node in {@code node} or {@code kubernetes_node}; {@code instance} (host:port) is the last resort.
 *
 * @param nodeLabels   labels naming the node, first present wins
 * @param regionLabel  the label holding the region
 * @param tenantLabel  the label naming who uses a GPU (namespace by default; e.g. a customer label)
 * @param defaultRegion region for series without a region label
 */
public record LabelMapping(List<LabelKey> nodeLabels, LabelKey regionLabel, LabelKey tenantLabel,
                           String defaultRegion) {
    public static final List<String> DEFAULT_NODE_LABELS = List.of("Hostname", "hostname", "node", "kubernetes_node",
            "instance");

    public LabelMapping {
        nodeLabels = List.copyOf(nodeLabels);
    }

    public static LabelMapping defaults() {
        return of(DEFAULT_NODE_LABELS, "region", "namespace", "unknown");
    }

    public static LabelMapping of(List<String> nodeLabels, String region, String tenant, String defaultRegion) {
        return new LabelMapping(nodeLabels.stream().map(LabelKey::of).toList(), LabelKey.of(region),
                LabelKey.of(tenant), defaultRegion);
    }
}
