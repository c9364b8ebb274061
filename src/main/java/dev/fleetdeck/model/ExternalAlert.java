package dev.fleetdeck.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An alert the team's own alerting already has — from Prometheus' {@code /api/v1/alerts} or Alertmanager's
 * {@code /api/v2/alerts} — shown beside FleetDeck's own.
 *
 * @param source   which configured source it came from ("prometheus 127.0.0.1:9090")
 * @param name     its {@code alertname}
 * @param severity from its {@code severity} label (critical → CRIT, anything else → WARN)
 * @param state    as that source says: firing, pending, active, suppressed
 * @param labels   all its labels
 * @param summary  its {@code summary} (else {@code description}) annotation
 * @param since    when it became active
 * @param node     the FleetDeck node its labels name ({@code provider/hostname}), when one matches
 */
public record ExternalAlert(String source, String name, Health severity, String state, Map<String, String> labels,
                            String summary, Instant since, Optional<String> node) {
    /** Labels that can name a node, in the order they are tried. */
    public static final java.util.List<String> NODE_LABELS = java.util.List.of("node", "hostname", "Hostname",
            "kubernetes_node", "nodename", "instance", "exported_instance");

    public ExternalAlert {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(node, "node");
    }

    /** The same alert joined to a node. */
    public ExternalAlert withNode(Optional<String> key) {
        return new ExternalAlert(source, name, severity, state, labels, summary, since, key);
    }
}
