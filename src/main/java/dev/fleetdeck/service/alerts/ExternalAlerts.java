package dev.fleetdeck.service.alerts;

import dev.fleetdeck.model.ExternalAlert;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Joins alerts from Prometheus and Alertmanager to FleetDeck's nodes by label. Assembler thread. */
public final class ExternalAlerts {
    private ExternalAlerts() {
    }

    /**
     * Each alert with the node its labels name: the first of {@link ExternalAlert#NODE_LABELS} whose value (without a
     * {@code :port}, and without a domain when only the short name matches) is a node's hostname; with a
     * {@code provider} label too, only that source's node.
     */
    public static List<ExternalAlert> join(List<ExternalAlert> alerts, FleetSnapshot snap) {
        if (alerts.isEmpty()) {
            return alerts;
        }
        Map<String, List<Node>> byHost = new HashMap<>();
        for (Node n : snap.nodes()) {
            byHost.computeIfAbsent(n.hostname(), k -> new ArrayList<>()).add(n);
        }
        List<ExternalAlert> out = new ArrayList<>(alerts.size());
        for (ExternalAlert a : alerts) {
            out.add(a.withNode(nodeOf(a, byHost)));
        }
        return out;
    }

    private static Optional<String> nodeOf(ExternalAlert a, Map<String, List<Node>> byHost) {
        for (String label : ExternalAlert.NODE_LABELS) {
            String v = a.labels().get(label);
            if (v == null || v.isBlank()) {
                continue;
            }
            String host = v.replaceFirst(":\\d+$", "");
            List<Node> nodes = byHost.getOrDefault(host, byHost.get(host.contains(".")
                    ? host.substring(0, host.indexOf('.')) : host));
            if (nodes == null) {
                continue;
            }
            String provider = a.labels().get("provider");
            for (Node n : nodes) {
                if (provider == null || provider.equals(n.provider())) {
                    return Optional.of(n.provider() + "/" + n.hostname());
                }
            }
        }
        return Optional.empty();
    }
}
