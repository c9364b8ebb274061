package dev.fleetdeck.service.recording;

import dev.fleetdeck.model.Node;
import dev.fleetdeck.service.alerts.Alert;
import dev.fleetdeck.service.alerts.AlertState;
import dev.fleetdeck.service.idle.IdleReport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The small parts of a frame as they are kept in the {@code documents} table: the shapes here are what the JSON holds
 * (nodes are referred to by key, not copied; alert settings come from the configuration that reads the recording).
 */
final class Documents {
    static final String PROVIDERS = "providers";
    static final String OFFERS = "offers";
    static final String ALERTS = "alerts";
    static final String EVENTS = "events";
    static final String IDLE = "idle";

    private Documents() {
    }

    /** The alert engine's state without its settings. */
    record Alerts(List<Alert> open, List<Alert> firing, List<Alert> past, Set<String> clearing) {
        static Alerts of(AlertState s) {
            return new Alerts(s.open(), s.firing(), s.past(), s.clearing());
        }

        AlertState toState(dev.fleetdeck.model.AlertSettings settings) {
            return new AlertState(open, firing, past, clearing, settings);
        }
    }

    /** One node's idle GPUs, the node named by provider and hostname. */
    record IdleNode(String provider, String hostname, int idleGpus, double costPerHour, Duration idleFor) {
    }

    /** The idle report with nodes by key. */
    record Idle(long sequence, Instant at, int idleGpus, double costPerHour, List<IdleNode> nodes,
                List<IdleReport.Group> byTenant, List<IdleReport.Group> byModel) {
        static Idle of(IdleReport r) {
            return new Idle(r.sequence(), r.at(), r.idleGpus(), r.costPerHour(), r.nodes().stream()
                    .map(n -> new IdleNode(n.node().provider(), n.node().hostname(), n.idleGpus(), n.costPerHour(),
                            n.idleFor()))
                    .toList(), r.byTenant(), r.byModel());
        }

        /** The report again, its nodes taken from the rebuilt snapshot (a node no longer there is left out). */
        IdleReport toReport(Map<String, Node> nodesByKey) {
            List<IdleReport.NodeIdle> back = nodes.stream()
                    .filter(n -> nodesByKey.containsKey(n.provider() + "/" + n.hostname()))
                    .map(n -> new IdleReport.NodeIdle(nodesByKey.get(n.provider() + "/" + n.hostname()), n.idleGpus(),
                            n.costPerHour(), n.idleFor()))
                    .toList();
            return new IdleReport(sequence, at, idleGpus, costPerHour, back, byTenant, byModel);
        }
    }
}
